package pk.gov.kp.khyberpass.account.profile;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CodeEntry;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.InvalidMobileNumberException;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.MobileNumberTakenException;
import pk.gov.kp.khyberpass.account.OtpChallenge;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.SmsDeliveryException;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.notify.SmsMessage;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A new mobile number for the signed-in citizen, who must type the current password (the
 * number receives recovery codes, so a borrowed session must not be able to take it): a
 * code goes to the new number (same rules as at registration), and only when it comes
 * back does the number change; the old number is then told by SMS.
 */
@Controller
final class MobileChangeController {

	private static final String PATH = ProfileController.PATH + "/mobile";

	private static final Logger log = LoggerFactory.getLogger(MobileChangeController.class);

	private static final CodeEntry CODE = new CodeEntry("register.code.wrong", "profile.code.dead");

	private final AccountService accounts;

	private final OtpChallenges otps;

	private final SmsGateway sms;

	private final AccountNotices notices;

	private final ProfileChanges changes;

	private final CurrentPassword currentPassword;

	private final MessageSource messages;

	MobileChangeController(AccountService accounts, OtpChallenges otps, SmsGateway sms, AccountNotices notices,
			ProfileChanges changes, CurrentPassword currentPassword, MessageSource messages) {
		this.currentPassword = currentPassword;
		this.accounts = accounts;
		this.otps = otps;
		this.sms = sms;
		this.notices = notices;
		this.changes = changes;
		this.messages = messages;
	}

	@PostMapping(PATH)
	String changeMobile(Authentication citizen, @RequestParam(name = "mobile", defaultValue = "") String mobileText,
			@RequestParam(name = CurrentPassword.FIELD, defaultValue = "") String password, HttpSession session,
			Model model, Locale locale) {
		Account account = ProfileController.account(this.accounts, citizen);
		FormErrors errors = new FormErrors(this.messages, locale);
		if (!this.currentPassword.confirms(account.id(), password, errors)) {
			return ProfileController.page(account, Map.of("mobile", mobileText), errors.byField(), null, model);
		}
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
				this.sms.send(new SmsMessage(mobile.e164(), this.messages.getMessage("sms.code",
						new Object[] { challenge.code(), this.otps.rules().ttl().toMinutes() }, locale)));
				session.setAttribute(PendingMobileChange.SESSION_ATTRIBUTE,
						new PendingMobileChange(mobile.e164(), challenge.id()));
				return "redirect:" + PATH + "/verify";
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
		return ProfileController.page(account, Map.of("mobile", mobileText), errors.byField(), null, model);
	}

	@GetMapping(PATH + "/verify")
	String verifyForm(HttpSession session, Model model) {
		PendingMobileChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + ProfileController.PATH;
		}
		model.addAttribute("mobile", new MobileNumber(pending.mobile()).national());
		model.addAttribute("errors", Map.of());
		return "account/profile/verify-mobile";
	}

	@PostMapping(PATH + "/verify")
	String verify(Authentication citizen, @RequestParam(name = "code", defaultValue = "") String code,
			HttpSession session, Model model, Locale locale) {
		PendingMobileChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + ProfileController.PATH;
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		if (CODE.accepts(code, (digits) -> this.otps.verify(pending.challengeId(), digits), errors)) {
			session.removeAttribute(PendingMobileChange.SESSION_ATTRIBUTE);
			return complete(ProfileController.account(this.accounts, citizen), new MobileNumber(pending.mobile()));
		}
		model.addAttribute("mobile", new MobileNumber(pending.mobile()).national());
		model.addAttribute("errors", errors.byField());
		return "account/profile/verify-mobile";
	}

	private String complete(Account account, MobileNumber mobile) {
		try {
			this.accounts.changeMobile(account.id(), mobile);
		}
		catch (MobileNumberTakenException ex) {
			// taken by someone else since the code was sent: the profile page offers to
			// try another number
			return "redirect:" + ProfileController.PATH;
		}
		this.changes.record(AuditEventType.MOBILE_CHANGED, account.id());
		if (account.mobile() != null) {
			this.notices.mobileChanged(account.mobile(), mobile);
		}
		return "redirect:" + ProfileController.PATH + "?changed=mobile";
	}

	private static @Nullable PendingMobileChange pending(HttpSession session) {
		return (session.getAttribute(PendingMobileChange.SESSION_ATTRIBUTE) instanceof PendingMobileChange pending)
				? pending : null;
	}

}
