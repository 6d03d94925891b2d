package pk.gov.kp.khyberpass.account.sessions;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.PageTimes;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/sessions}: where the citizen is signed in (device, masked address,
 * sign-in time, last activity), with a button to sign out each other session and one for
 * all others.
 */
@Controller
final class SessionsController {

	static final String PATH = "/account/sessions";

	private final CitizenSessions sessions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionsController(CitizenSessions sessions, ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String list(Authentication citizen, @RequestParam(name = "ended", required = false) @Nullable String ended,
			HttpSession session, Locale locale, Model model) {
		model.addAttribute("times", new PageTimes(locale));
		model.addAttribute("sessions", this.sessions.list(AccountId.parse(citizen.getName()), session.getId()));
		model.addAttribute("ended", ended != null);
		return "account/sessions";
	}

	@PostMapping(PATH + "/end")
	String endOne(Authentication citizen, @RequestParam(name = "session", defaultValue = "") String handle,
			HttpSession session) {
		AccountId account = AccountId.parse(citizen.getName());
		if (this.sessions.endOne(account, handle, session.getId())) {
			record(account, "one", 1);
		}
		return "redirect:" + PATH + "?ended";
	}

	@PostMapping(PATH + "/end-others")
	String endOthers(Authentication citizen, HttpSession session) {
		AccountId account = AccountId.parse(citizen.getName());
		int ended = this.sessions.endOthers(account, session.getId());
		record(account, "others", ended);
		return "redirect:" + PATH + "?ended";
	}

	private void record(AccountId account, String scope, int count) {
		this.events.publishEvent(new AuditEvent(AuditEventType.SESSIONS_ENDED, account.toString(), account.toString(),
				null, this.clock.instant(), Map.of("which", scope, "count", Integer.toString(count))));
	}

}
