package pk.gov.kp.khyberpass.account.profile;

import java.time.Clock;
import java.util.Map;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records a change the citizen made to their own details in the audit log.
 */
@Component
final class ProfileChanges {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProfileChanges(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	void record(AuditEventType type, AccountId account) {
		this.events
			.publishEvent(AuditEvent.of(type, account.toString(), account.toString(), null, this.clock.instant()));
	}

	/** Records with details, which must name no address, number or code. */
	void record(AuditEventType type, AccountId account, Map<String, String> details) {
		this.events.publishEvent(
				new AuditEvent(type, account.toString(), account.toString(), null, this.clock.instant(), details));
	}

}
