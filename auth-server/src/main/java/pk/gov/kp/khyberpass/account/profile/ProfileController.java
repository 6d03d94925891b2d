package pk.gov.kp.khyberpass.account.profile;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.MobileNumberTakenException;
import pk.gov.kp.khyberpass.account.otp.OtpChallenge;
import pk.gov.kp.khyberpass.account.otp.OtpChallenges;
import pk.gov.kp.khyberpass.account.otp.OtpThrottledException;
import pk.gov.kp.khyberpass.account.registration.CivilRegistry;
import pk.gov.kp.khyberpass.account.registration.RegistryUnavailableException;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/profile}: the citizen's name, mobile number and e-mail address, each changed on its own
 * form. A new name must be confirmed by the civil registry with the CNIC and date of birth; a new mobile
 * number must be proved by a code sent to it, and the old number is told.
 */
@Controller
final class ProfileController {

	static final String PATH = "/account/profile";

	private static final Logger log = LoggerFactory.getLogger(ProfileController.class);

	private static final int MAX_NAME_LENGTH = 100;

	private static final int MAX_EMAIL_LENGTH = 254;

	private final AccountService accounts;

	private final CivilRegistry registry;

	private final OtpChallenges otps;

	private final SmsGateway sms;

	private final AccountNotices notices;

	private final ProfileChanges changes;

	private final MessageSource messages;

	ProfileController(AccountService accounts, CivilRegistry registry, OtpChallenges otps, SmsGateway sms,
			AccountNotices notices, ProfileChanges changes, MessageSource messages) {
		this.accounts = accounts;
		this.registry = registry;
		this.otps = otps;
		this.sms = sms;
		this.notices = notices;
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping(PATH)
	String show(Authentication citizen, @RequestParam(name = "changed", required = false) @Nullable String changed,
			Model model) {
		return page(account(citizen), Map.of(), Map.of(), changed, model);
	}

	@PostMapping(PATH + "/name")
	String changeName(Authentication citizen, @RequestParam(name = "fullName", defaultValue = "") String fullName,
			Model model, Locale locale) {
		Account account = account(citizen);
		FormErrors errors = new FormErrors(this.messages, locale);
		String name = fullName.strip().replaceAll("\\s+", " ");
		if (name.isEmpty()) {
			errors.add("fullName", "register.name.required");
		}
		else if (name.length() > MAX_NAME_LENGTH) {
			errors.add("fullName", "register.name.too-long", MAX_NAME_LENGTH);
		}
		else {
			try {
				if (this.registry.confirms(account.cnic(), name, account.birthDate())) {
					this.accounts.changeName(account.id(), name);
					this.changes.record(AuditEventType.NAME_CHANGED, account.id());
					return "redirect:" + PATH + "?changed=name";
				}
				errors.add("fullName", "profile.name.not-confirmed");
			}
			catch (RegistryUnavailableException ex) {
				log.warn("Name change stopped: {}", ex.getMessage());
				errors.add("fullName", "register.error.registry-unavailable");
			}
		}
		return page(account, Map.of("fullName", fullName), errors.byField(), null, model);
	}

	@PostMapping(PATH + "/mobile")
	String changeMobile(Authentication citizen, @RequestParam(name = "mobile", defaultValue = "") String mobileText,
			HttpSession session, Model model, Locale locale) {
		Account account = account(citizen);
		FormErrors errors = new FormErrors(this.messages, locale);
		try {
			MobileNumber mobile = MobileNumber.parse(mobileText);
			if (mobile.equals(account.mobile())) {
				errors.add("mobile", "profile.mobile.same");
			}
			else if (this.accounts.findByMobile(mobile).isPresent()) {
				errors.add("mobile", "register.error.mobile-taken");
			}
			else {
				OtpChallenge challenge = this.otps.issue(mobile);
				this.sms.send(new SmsMessage(mobile.e164(), "Khyber Pass code: " + challenge.code()
						+ ". It expires in 5 minutes. Never share it, not even with government staff."));
				session.setAttribute(PendingMobileChange.SESSION_ATTRIBUTE,
						new PendingMobileChange(mobile.e164(), challenge.id()));
				return "redirect:" + PATH + "/mobile/verify";
			}
		}
		catch (InvalidMobileNumberException ex) {
			errors.add("mobile", ex.messageKey());
		}
		catch (OtpThrottledException ex) {
			errors.add("mobile", "register.error.too-many-codes");
		}
		catch (SmsDeliveryException ex) {
			log.warn("Mobile change stopped: {}", ex.getMessage());
			errors.add("mobile", "register.error.sms-failed");
		}
		return page(account, Map.of("mobile", mobileText), errors.byField(), null, model);
	}

	@GetMapping(PATH + "/mobile/verify")
	String verifyMobileForm(HttpSession session, Model model) {
		PendingMobileChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + PATH;
		}
		model.addAttribute("mobile", new MobileNumber(pending.mobile()).national());
		model.addAttribute("errors", Map.of());
		return "account/profile/verify-mobile";
	}

	@PostMapping(PATH + "/mobile/verify")
	String verifyMobile(Authentication citizen, @RequestParam(name = "code", defaultValue = "") String code,
			HttpSession session, Model model, Locale locale) {
		PendingMobileChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + PATH;
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		String digits = code.replaceAll("[\\s-]", "");
		if (!digits.matches("[0-9]{6}")) {
			errors.add("code", "register.code.format");
		}
		else {
			switch (this.otps.verify(pending.challengeId(), digits)) {
				case ACCEPTED -> {
					session.removeAttribute(PendingMobileChange.SESSION_ATTRIBUTE);
					return completeMobileChange(account(citizen), new MobileNumber(pending.mobile()), errors);
				}
				case WRONG_CODE -> errors.add("code", "register.code.wrong");
				case DEAD -> errors.add("code", "profile.code.dead");
			}
		}
		model.addAttribute("mobile", new MobileNumber(pending.mobile()).national());
		model.addAttribute("errors", errors.byField());
		return "account/profile/verify-mobile";
	}

	@PostMapping(PATH + "/email")
	String changeEmail(Authentication citizen, @RequestParam(name = "email", defaultValue = "") String emailText,
			Model model, Locale locale) {
		Account account = account(citizen);
		String email = emailText.strip();
		if (!email.isEmpty() && (email.length() > MAX_EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
			FormErrors errors = new FormErrors(this.messages, locale);
			errors.add("email", "register.email.invalid");
			return page(account, Map.of("email", emailText), errors.byField(), null, model);
		}
		this.accounts.changeEmail(account.id(), email.isEmpty() ? null : email);
		this.changes.record(AuditEventType.EMAIL_CHANGED, account.id());
		return "redirect:" + PATH + "?changed=email";
	}

	private String completeMobileChange(Account account, MobileNumber mobile, FormErrors errors) {
		try {
			this.accounts.changeMobile(account.id(), mobile);
		}
		catch (MobileNumberTakenException ex) {
			errors.add("mobile", "register.error.mobile-taken");
			return "redirect:" + PATH;
		}
		this.changes.record(AuditEventType.MOBILE_CHANGED, account.id());
		if (account.mobile() != null) {
			this.notices.mobileChanged(account.mobile(), mobile);
		}
		return "redirect:" + PATH + "?changed=mobile";
	}

	private String page(Account account, Map<String, String> form, Map<String, String> errors,
			@Nullable String changed, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("mobile", (account.mobile() != null) ? account.mobile().national() : "");
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("changed", (changed != null && changed.matches("name|mobile|email")) ? changed : null);
		return "account/profile/profile";
	}

	private Account account(Authentication citizen) {
		return this.accounts.findById(AccountId.parse(citizen.getName()))
			.orElseThrow(() -> new IllegalStateException("Signed-in account " + citizen.getName() + " not found"));
	}

	private static @Nullable PendingMobileChange pending(HttpSession session) {
		return (session.getAttribute(PendingMobileChange.SESSION_ATTRIBUTE) instanceof PendingMobileChange pending)
				? pending : null;
	}

	/** Records a profile change in the audit log. */
	@org.springframework.stereotype.Component
	static final class ProfileChanges {

		private final ApplicationEventPublisher events;

		private final Clock clock;

		ProfileChanges(ApplicationEventPublisher events, Clock clock) {
			this.events = events;
			this.clock = clock;
		}

		void record(AuditEventType type, AccountId account) {
			this.events.publishEvent(
					AuditEvent.of(type, account.toString(), account.toString(), null, this.clock.instant()));
		}

	}

}
