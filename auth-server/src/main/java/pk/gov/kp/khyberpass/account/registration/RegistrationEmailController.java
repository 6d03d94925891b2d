package pk.gov.kp.khyberpass.account.registration;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CodeEntry;
import pk.gov.kp.khyberpass.account.EmailAddress;
import pk.gov.kp.khyberpass.account.EmailCodes;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.EmailDeliveryException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The optional last registration step, {@code /register/email}: once the mobile number is
 * proved and the account exists, a code goes to the e-mail address given on the form, and
 * the address is stored only when that code comes back. The citizen may skip it; the
 * account works without an address (one can be added later under <em>Your details</em>).
 * The step belongs to the browser session that created the account.
 */
@Controller
final class RegistrationEmailController {

	static final String PATH = "/register/email";

	private static final String DONE = "redirect:/login?registered";

	private static final Logger log = LoggerFactory.getLogger(RegistrationEmailController.class);

	private static final CodeEntry CODE = new CodeEntry("profile.email.code.wrong", "register.email.code.dead");

	private final EmailCodes codes;

	private final OtpChallenges otps;

	private final AccountService accounts;

	private final MessageSource messages;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RegistrationEmailController(EmailCodes codes, OtpChallenges otps, AccountService accounts, MessageSource messages,
			ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.codes = codes;
		this.otps = otps;
		this.accounts = accounts;
		this.messages = messages;
	}

	/**
	 * Sends the code for a just-created account and returns where the citizen goes next:
	 * the code page, or straight to sign-in when the code cannot be sent (the account is
	 * created either way).
	 */
	String start(AccountId account, EmailAddress address, HttpSession session, Locale locale) {
		try {
			String challengeId = this.codes.send(address, locale);
			session.setAttribute(RegisteredEmail.SESSION_ATTRIBUTE,
					new RegisteredEmail(account.toString(), address.value(), challengeId));
			return "redirect:" + PATH;
		}
		catch (OtpThrottledException | EmailDeliveryException ex) {
			log.warn("Registration e-mail code not sent: {}", ex.getMessage());
			return DONE + "&email-not-sent";
		}
	}

	@GetMapping(PATH)
	String form(HttpSession session, Model model) {
		RegisteredEmail pending = pending(session);
		if (pending == null) {
			return "redirect:/register";
		}
		model.addAttribute("email", pending.email());
		model.addAttribute("errors", Map.of());
		return "account/register/email";
	}

	@PostMapping(PATH)
	String verify(@RequestParam(name = "code", defaultValue = "") String code, HttpSession session, Model model,
			Locale locale) {
		RegisteredEmail pending = pending(session);
		if (pending == null) {
			return "redirect:/register";
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		if (CODE.accepts(code, (digits) -> this.otps.verify(pending.challengeId(), digits), errors)) {
			session.removeAttribute(RegisteredEmail.SESSION_ATTRIBUTE);
			this.accounts.changeEmail(AccountId.parse(pending.accountId()), pending.email());
			// the same entry as a change in the profile, so the activity page shows it;
			// never the address
			this.events.publishEvent(new AuditEvent(AuditEventType.EMAIL_CHANGED, pending.accountId(),
					pending.accountId(), null, this.clock.instant(), Map.of("change", "verified-at-registration")));
			return DONE + "&email-confirmed";
		}
		model.addAttribute("email", pending.email());
		model.addAttribute("errors", errors.byField());
		return "account/register/email";
	}

	@PostMapping(PATH + "/skip")
	String skip(HttpSession session) {
		session.removeAttribute(RegisteredEmail.SESSION_ATTRIBUTE);
		return DONE;
	}

	private static @Nullable RegisteredEmail pending(HttpSession session) {
		return (session.getAttribute(RegisteredEmail.SESSION_ATTRIBUTE) instanceof RegisteredEmail pending) ? pending
				: null;
	}

}
