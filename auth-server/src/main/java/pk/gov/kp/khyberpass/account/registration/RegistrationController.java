package pk.gov.kp.khyberpass.account.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.BirthDateField;
import pk.gov.kp.khyberpass.account.CodeEntry;
import pk.gov.kp.khyberpass.account.EmailAddress;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.NewPasswordValidator;
import pk.gov.kp.khyberpass.account.password.FactorSetting;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.InvalidCnicException;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registration pages: {@code /register} (who you are, mobile number, password) and
 * {@code /register/verify} (the code sent by SMS). The pending registration lives in the
 * HTTP session, with the password already hashed. An e-mail address given on the form is
 * proved afterwards by {@link RegistrationEmailController}.
 */
@Controller
final class RegistrationController {

	private static final Logger log = LoggerFactory.getLogger(RegistrationController.class);

	private static final int MAX_NAME_LENGTH = 100;

	private static final CodeEntry CODE = new CodeEntry("register.code.wrong", "register.code.dead");

	private final RegistrationService registrations;

	private final NewPasswordValidator passwords;

	private final MessageSource messages;

	private final Clock clock;

	private final RegistrationEmailController emailStep;

	RegistrationController(RegistrationService registrations, NewPasswordValidator passwords, MessageSource messages,
			Clock clock, RegistrationEmailController emailStep) {
		this.registrations = registrations;
		this.emailStep = emailStep;
		this.passwords = passwords;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/register")
	String form(Model model) {
		model.addAttribute("form", Map.of());
		model.addAttribute("errors", Map.of());
		return "account/register/form";
	}

	@PostMapping("/register")
	String submit(@RequestParam Map<String, String> form, HttpSession session, Model model, Locale locale) {
		FormErrors errors = new FormErrors(this.messages, locale);
		Cnic cnic = parseCnic(value(form, "cnic"), errors);
		String fullName = value(form, "fullName").strip();
		if (fullName.isEmpty()) {
			errors.add("fullName", "register.name.required");
		}
		else if (fullName.length() > MAX_NAME_LENGTH) {
			errors.add("fullName", "register.name.too-long", MAX_NAME_LENGTH);
		}
		LocalDate birthDate = BirthDateField.parse(value(form, "birthDate"), this.clock, errors);
		MobileNumber mobile = parseMobile(value(form, "mobile"), errors);
		String emailText = value(form, "email").strip();
		EmailAddress email = null;
		if (!emailText.isEmpty()) {
			email = EmailAddress.parse(emailText).orElse(null);
			if (email == null) {
				errors.add("email", "register.email.invalid");
			}
		}
		String password = value(form, "password");
		this.passwords.check(password, value(form, "confirmPassword"), FactorSetting.SINGLE_FACTOR,
				contextWords(cnic, fullName, mobile), errors);
		if (errors.isEmpty() && cnic != null && birthDate != null && mobile != null) {
			try {
				PendingRegistration pending = this.registrations.start(cnic, fullName, birthDate, mobile, email,
						password);
				session.setAttribute(PendingRegistration.SESSION_ATTRIBUTE, pending);
				return "redirect:/register/verify";
			}
			catch (RegistrationRefusedException ex) {
				errors.add(ex.reason().field(), ex.reason().messageKey());
			}
			catch (RegistryUnavailableException ex) {
				log.warn("Registration stopped: {}", ex.getMessage());
				errors.add("cnic", "register.error.registry-unavailable");
			}
			catch (SmsDeliveryException ex) {
				log.warn("Registration stopped: {}", ex.getMessage());
				errors.add("mobile", "register.error.sms-failed");
			}
		}
		Map<String, String> kept = new LinkedHashMap<>();
		for (String field : List.of("cnic", "fullName", "birthDate", "mobile", "email")) {
			kept.put(field, value(form, field));
		}
		model.addAttribute("form", kept);
		model.addAttribute("errors", errors.byField());
		return "account/register/form";
	}

	@GetMapping("/register/verify")
	String verifyForm(@RequestParam(name = "resent", required = false) @Nullable String resent, HttpSession session,
			Model model) {
		PendingRegistration pending = pending(session);
		if (pending == null) {
			return "redirect:/register";
		}
		model.addAttribute("mobile", pending.mobileNumber().masked());
		model.addAttribute("resent", resent != null);
		model.addAttribute("errors", Map.of());
		return "account/register/verify";
	}

	@PostMapping("/register/verify")
	String verify(@RequestParam(name = "code", defaultValue = "") String code, HttpSession session, Model model,
			Locale locale) {
		PendingRegistration pending = pending(session);
		if (pending == null) {
			return "redirect:/register";
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		try {
			Optional<RegistrationService.Completion> completion = CODE.check(code,
					(digits) -> this.registrations.complete(pending, digits), RegistrationService.Completion::outcome,
					errors);
			if (completion.isPresent()) {
				session.removeAttribute(PendingRegistration.SESSION_ATTRIBUTE);
				String email = pending.email();
				AccountId account = completion.get().account();
				return (email != null && account != null)
						? this.emailStep.start(account, new EmailAddress(email), session, locale)
						: "redirect:/login?registered";
			}
		}
		catch (RegistrationRefusedException ex) {
			session.removeAttribute(PendingRegistration.SESSION_ATTRIBUTE);
			errors.add(CodeEntry.FIELD, ex.reason().messageKey());
		}
		model.addAttribute("mobile", pending.mobileNumber().masked());
		model.addAttribute("resent", false);
		model.addAttribute("errors", errors.byField());
		return "account/register/verify";
	}

	@PostMapping("/register/resend")
	String resend(HttpSession session, Model model, Locale locale) {
		PendingRegistration pending = pending(session);
		if (pending == null) {
			return "redirect:/register";
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		try {
			session.setAttribute(PendingRegistration.SESSION_ATTRIBUTE, this.registrations.resend(pending));
			return "redirect:/register/verify?resent";
		}
		catch (RegistrationRefusedException ex) {
			errors.add("code", ex.reason().messageKey());
		}
		catch (SmsDeliveryException ex) {
			log.warn("Resending a registration code failed: {}", ex.getMessage());
			errors.add("code", "register.error.sms-failed");
		}
		model.addAttribute("mobile", pending.mobileNumber().masked());
		model.addAttribute("resent", false);
		model.addAttribute("errors", errors.byField());
		return "account/register/verify";
	}

	private static @Nullable PendingRegistration pending(HttpSession session) {
		return (session.getAttribute(PendingRegistration.SESSION_ATTRIBUTE) instanceof PendingRegistration pending)
				? pending : null;
	}

	private static String value(Map<String, String> form, String name) {
		String value = form.get(name);
		return (value != null) ? value : "";
	}

	private static @Nullable Cnic parseCnic(String text, FormErrors errors) {
		try {
			return Cnic.parse(text);
		}
		catch (InvalidCnicException ex) {
			errors.add("cnic", ex.messageKey());
			return null;
		}
	}

	private static @Nullable MobileNumber parseMobile(String text, FormErrors errors) {
		try {
			return MobileNumber.parse(text);
		}
		catch (InvalidMobileNumberException ex) {
			errors.add("mobile", ex.messageKey());
			return null;
		}
	}

	private static List<String> contextWords(@Nullable Cnic cnic, String fullName, @Nullable MobileNumber mobile) {
		List<String> words = new ArrayList<>();
		if (cnic != null) {
			words.add(cnic.digits());
		}
		if (mobile != null) {
			words.add(mobile.e164().substring(3));
		}
		for (String part : fullName.split("\\s+")) {
			if (part.length() >= 3) {
				words.add(part);
			}
		}
		return words;
	}

}
