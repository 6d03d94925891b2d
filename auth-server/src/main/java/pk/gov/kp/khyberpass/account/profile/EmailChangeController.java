package pk.gov.kp.khyberpass.account.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CodeEntry;
import pk.gov.kp.khyberpass.account.EmailAddress;
import pk.gov.kp.khyberpass.account.EmailCodes;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.notify.EmailDeliveryException;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A new e-mail address for the signed-in citizen: a code goes to the new address (same
 * rules as the SMS codes), and only when it comes back does the address become the
 * account's; until then the profile shows it as pending. The old address, if any, is then
 * told. An empty field removes the address at once, since removing proves nothing about
 * anyone's mailbox; the old address is told of that too. The audit entries name no
 * address.
 */
@Controller
final class EmailChangeController {

	private static final String PATH = ProfileController.PATH + "/email";

	private static final Logger log = LoggerFactory.getLogger(EmailChangeController.class);

	private static final CodeEntry CODE = new CodeEntry("profile.email.code.wrong", "profile.code.dead");

	private final AccountService accounts;

	private final OtpChallenges otps;

	private final EmailCodes codes;

	private final AccountNotices notices;

	private final ProfileChanges changes;

	private final MessageSource messages;

	EmailChangeController(AccountService accounts, OtpChallenges otps, EmailCodes codes, AccountNotices notices,
			ProfileChanges changes, MessageSource messages) {
		this.accounts = accounts;
		this.otps = otps;
		this.codes = codes;
		this.notices = notices;
		this.changes = changes;
		this.messages = messages;
	}

	@PostMapping(PATH)
	String changeEmail(Authentication citizen, @RequestParam(name = "email", defaultValue = "") String emailText,
			HttpSession session, Model model, Locale locale) {
		Account account = ProfileController.account(this.accounts, citizen);
		if (emailText.isBlank()) {
			session.removeAttribute(PendingEmailChange.SESSION_ATTRIBUTE);
			return remove(account);
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		Optional<EmailAddress> parsed = EmailAddress.parse(emailText);
		if (parsed.isEmpty()) {
			errors.add("email", "register.email.invalid");
		}
		else if (account.email() != null && parsed.get().sameAs(account.email())) {
			errors.add("email", "profile.email.same");
		}
		else {
			EmailAddress address = parsed.get();
			try {
				String challengeId = this.codes.send(address, locale);
				session.setAttribute(PendingEmailChange.SESSION_ATTRIBUTE,
						new PendingEmailChange(address.value(), challengeId));
				return "redirect:" + PATH + "/verify";
			}
			catch (OtpThrottledException ex) {
				errors.add("email", "profile.email.too-many-codes");
			}
			catch (EmailDeliveryException ex) {
				log.warn("E-mail change stopped: {}", ex.getMessage());
				errors.add("email", "profile.email.send-failed");
			}
		}
		PendingEmailChange waiting = pending(session);
		model.addAttribute("pendingEmail", (waiting != null) ? waiting.email() : null);
		return ProfileController.page(account, Map.of("email", emailText), errors.byField(), null, model);
	}

	@GetMapping(PATH + "/verify")
	String verifyForm(HttpSession session, Model model) {
		PendingEmailChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + ProfileController.PATH;
		}
		model.addAttribute("email", pending.email());
		model.addAttribute("errors", Map.of());
		return "account/profile/verify-email";
	}

	@PostMapping(PATH + "/verify")
	String verify(Authentication citizen, @RequestParam(name = "code", defaultValue = "") String code,
			HttpSession session, Model model, Locale locale) {
		PendingEmailChange pending = pending(session);
		if (pending == null) {
			return "redirect:" + ProfileController.PATH;
		}
		FormErrors errors = new FormErrors(this.messages, locale);
		if (CODE.accepts(code, (digits) -> this.otps.verify(pending.challengeId(), digits), errors)) {
			session.removeAttribute(PendingEmailChange.SESSION_ATTRIBUTE);
			return complete(ProfileController.account(this.accounts, citizen), new EmailAddress(pending.email()));
		}
		model.addAttribute("email", pending.email());
		model.addAttribute("errors", errors.byField());
		return "account/profile/verify-email";
	}

	private String complete(Account account, EmailAddress address) {
		this.accounts.changeEmail(account.id(), address.value());
		this.changes.record(AuditEventType.EMAIL_CHANGED, account.id(), Map.of("change", "verified"));
		notifyOld(account);
		return "redirect:" + ProfileController.PATH + "?changed=email";
	}

	private String remove(Account account) {
		if (account.email() == null) {
			return "redirect:" + ProfileController.PATH;
		}
		this.accounts.changeEmail(account.id(), null);
		this.changes.record(AuditEventType.EMAIL_CHANGED, account.id(), Map.of("change", "removed"));
		notifyOld(account);
		return "redirect:" + ProfileController.PATH + "?changed=email-removed";
	}

	private void notifyOld(Account account) {
		String old = account.email();
		if (old != null) {
			// an address stored before addresses were checked may not parse; it gets no
			// notice
			EmailAddress.parse(old).ifPresent(this.notices::emailChanged);
		}
	}

	private static @Nullable PendingEmailChange pending(HttpSession session) {
		return (session.getAttribute(PendingEmailChange.SESSION_ATTRIBUTE) instanceof PendingEmailChange pending)
				? pending : null;
	}

}
