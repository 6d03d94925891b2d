package pk.gov.kp.khyberpass.admin;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * Records what an administrator did, with the administrator's account id as the actor
 * and, for changes, the reason they gave.
 */
@Component
final class AdminAudit {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AdminAudit(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	void record(AuditEventType type, Jwt admin, String subject, @Nullable String clientId, @Nullable String reason,
			Map<String, String> details) {
		Map<String, String> all = new HashMap<>(details);
		if (reason != null) {
			all.put("reason", reason);
		}
		this.events
			.publishEvent(new AuditEvent(type, admin.getSubject(), subject, clientId, this.clock.instant(), all));
	}

	void record(AuditEventType type, Jwt admin, String subject, String reason) {
		record(type, admin, subject, null, reason, Map.of());
	}

}
