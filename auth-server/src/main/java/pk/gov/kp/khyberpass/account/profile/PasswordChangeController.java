package pk.gov.kp.khyberpass.account.profile;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.account.NewPasswordValidator;
import pk.gov.kp.khyberpass.account.PasswordChanged;
import pk.gov.kp.khyberpass.account.sessions.CitizenSessions;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/password}: a new password for the signed-in citizen, who must type the
 * current one ({@link CurrentPassword}). The citizen's other sessions end and every
 * refresh-token family is revoked; this session stays signed in.
 */
@Controller
final class PasswordChangeController {

	static final String PATH = "/account/password";

	private final AccountService accounts;

	private final NewPasswordValidator passwords;

	private final CitizenSessions sessions;

	private final AccountNotices notices;

	private final CurrentPassword currentPassword;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	PasswordChangeController(AccountService accounts, NewPasswordValidator passwords, CitizenSessions sessions,
			AccountNotices notices, CurrentPassword currentPassword, ApplicationEventPublisher events,
			MessageSource messages, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.sessions = sessions;
		this.notices = notices;
		this.currentPassword = currentPassword;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String form(@RequestParam(name = "changed", required = false) String changed, Model model) {
		model.addAttribute("changed", changed != null);
		model.addAttribute("errors", Map.of());
		return "account/profile/password";
	}

	@PostMapping(PATH)
	String change(Authentication citizen, @RequestParam(name = "currentPassword", defaultValue = "") String current,
			@RequestParam(name = "password", defaultValue = "") String password,
			@RequestParam(name = "confirmPassword", defaultValue = "") String confirmation, HttpSession session,
			Model model, Locale locale) {
		AccountId id = AccountId.parse(citizen.getName());
		Account account = this.accounts.findById(id)
			.orElseThrow(() -> new IllegalStateException("Signed-in account " + id + " not found"));
		FormErrors errors = new FormErrors(this.messages, locale);
		if (this.currentPassword.confirms(id, current, errors)) {
			this.passwords.check(account, password, confirmation, errors);
		}
		if (!errors.isEmpty()) {
			model.addAttribute("changed", false);
			model.addAttribute("errors", errors.byField());
			return "account/profile/password";
		}
		this.accounts.changePassword(id, password);
		int ended = this.sessions.endOthers(id, session.getId());
		this.events.publishEvent(new PasswordChanged(id, this.clock.instant(), "changed"));
		this.events.publishEvent(new AuditEvent(AuditEventType.PASSWORD_CHANGED, id.toString(), id.toString(), null,
				this.clock.instant(), Map.of("sessionsEnded", Integer.toString(ended))));
		if (account.mobile() != null) {
			this.notices.passwordChanged(account.mobile());
		}
		return "redirect:" + PATH + "?changed";
	}

}
