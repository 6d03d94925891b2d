package pk.gov.kp.khyberpass.account.activity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.PageTimes;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /account/activity}: the last {@value #SHOWN} audit entries about the signed-in
 * citizen's account, each named in the citizen's language, with the department and the
 * network (never more of the address) where the entry has them. Audit entries hold no
 * secrets, and only these three facts are shown.
 */
@Controller
final class ActivityController {

	static final int SHOWN = 20;

	private final AuditLog auditLog;

	private final MessageSource messages;

	ActivityController(AuditLog auditLog, MessageSource messages) {
		this.auditLog = auditLog;
		this.messages = messages;
	}

	@GetMapping("/account/activity")
	String activity(Authentication citizen, Locale locale, Model model) {
		List<Activity> entries = this.auditLog.search(null, null, null, null, citizen.getName(), null, SHOWN)
			.stream()
			.map((entry) -> activity(entry, locale))
			.toList();
		model.addAttribute("entries", entries);
		model.addAttribute("times", new PageTimes(locale));
		return "account/activity";
	}

	private Activity activity(AuditEntry entry, Locale locale) {
		String type = entry.event().type().name();
		String name = this.messages.getMessage("activity.event." + type, null, type, locale);
		return new Activity(type, name, entry.event().occurredAt(), entry.event().clientId(),
				entry.event().details().get("addressPrefix"));
	}

	/**
	 * One line of the activity page.
	 *
	 * @param type the audit event type (for tests and styling)
	 * @param name the event's name in the citizen's language
	 * @param at when
	 * @param department the department client involved, if any
	 * @param network the network the request came from, if recorded
	 */
	record Activity(String type, String name, Instant at, @Nullable String department, @Nullable String network) {
	}

}
