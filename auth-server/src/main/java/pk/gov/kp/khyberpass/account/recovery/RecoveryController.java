package pk.gov.kp.khyberpass.account.recovery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.BirthDateField;
import pk.gov.kp.khyberpass.account.CodeEntry;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.NewPasswordValidator;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The recovery pages: {@code /recover} (CNIC and date of birth), {@code /recover/verify}
 * (the code) and {@code /recover/password} (the new password). The first two answer the
 * same for every CNIC.
 */
@Controller
final class RecoveryController {

	private static final CodeEntry CODE = new CodeEntry("register.code.wrong", "recover.code.dead");

	private final RecoveryService recoveries;

	private final RecoveryThrottle throttle;

	private final NewPasswordValidator passwords;

	private final RecoveryProperties properties;

	private final MessageSource messages;

	private final Clock clock;

	RecoveryController(RecoveryService recoveries, RecoveryThrottle throttle, NewPasswordValidator passwords,
			RecoveryProperties properties, MessageSource messages, Clock clock) {
		this.recoveries = recoveries;
		this.throttle = throttle;
		this.passwords = passwords;
		this.properties = properties;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/recover")
	String form(Model model) {
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "account/recover/start";
	}

	@PostMapping("/recover")
	String start(@RequestParam(name = "cnic", defaultValue = "") String cnicText,
			@RequestParam(name = "birthDate", defaultValue = "") String birthDateText, HttpServletRequest request,
			HttpSession session, Model model, Locale locale) {
		FormErrors errors = new FormErrors(this.messages, locale);
		Cnic cnic = null;
		try {
			cnic = Cnic.parse(cnicText);
		}
		catch (InvalidCnicException ex) {
			errors.add("cnic", ex.messageKey());
		}
		LocalDate birthDate = BirthDateField.parse(birthDateText, this.clock, errors);
		if (cnic != null && birthDate != null) {
			if (this.throttle.allow(cnic, request.getRemoteAddr())) {
				session.setAttribute(PendingRecovery.SESSION_ATTRIBUTE, this.recoveries.start(cnic, birthDate));
				return "redirect:/recover/verify";
			}
			errors.add("cnic", "recover.throttled");
		}
		Map<String, String> kept = new LinkedHashMap<>();
		kept.put("cnic", cnicText);
		kept.put("birthDate", birthDateText);
		model.addAttribute("form", kept);
		model.addAttribute("errors", errors.byField());
		return "account/recover/start";
	}

	@GetMapping("/recover/verify")
	String verifyForm(HttpSession session, Model model) {
		if (pending(session) == null) {
			return "redirect:/recover";
		}
		model.addAttribute("errors", Map.of());
		return "account/recover/verify";
	}

	@PostMapping("/recover/verify")
	String verify(@RequestParam(name = "code", defaultValue = "") String code, HttpSession session, Model model,
			Locale locale) {
		PendingRecovery pending = pending(session);
		if (pending == null) {
			return "redirect:/recover";
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		if (CODE.accepts(code, (digits) -> this.recoveries.verify(pending, digits), errors)) {
			session.setAttribute(PendingRecovery.SESSION_ATTRIBUTE, pending.verified(this.clock.instant()));
			return "redirect:/recover/password";
		}
		model.addAttribute("errors", errors.byField());
		return "account/recover/verify";
	}

	@GetMapping("/recover/password")
	String passwordForm(HttpSession session, Model model) {
		if (verifiedAccount(session).isEmpty()) {
			return "redirect:/recover";
		}
		model.addAttribute("errors", Map.of());
		return "account/recover/password";
	}

	@PostMapping("/recover/password")
	String setPassword(@RequestParam(name = "password", defaultValue = "") String password,
			@RequestParam(name = "confirmPassword", defaultValue = "") String confirmation, HttpSession session,
			Model model, Locale locale) {
		Optional<Account> account = verifiedAccount(session);
		if (account.isEmpty()) {
			return "redirect:/recover";
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		this.passwords.check(account.get(), password, confirmation, errors);
		if (errors.isEmpty()) {
			session.removeAttribute(PendingRecovery.SESSION_ATTRIBUTE);
			this.recoveries.complete(account.get(), password);
			return "redirect:/login?recovered";
		}
		model.addAttribute("errors", errors.byField());
		return "account/recover/password";
	}

	private Optional<Account> verifiedAccount(HttpSession session) {
		PendingRecovery pending = pending(session);
		if (pending == null || pending.verifiedAt() == null) {
			return Optional.empty();
		}
		Instant deadline = pending.verifiedAt().plus(this.properties.verifiedFor());
		if (this.clock.instant().isAfter(deadline)) {
			session.removeAttribute(PendingRecovery.SESSION_ATTRIBUTE);
			return Optional.empty();
		}
		return this.recoveries.account(pending);
	}

	private static @Nullable PendingRecovery pending(HttpSession session) {
		return (session.getAttribute(PendingRecovery.SESSION_ATTRIBUTE) instanceof PendingRecovery pending) ? pending
				: null;
	}

}
