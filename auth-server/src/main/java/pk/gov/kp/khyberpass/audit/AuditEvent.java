package pk.gov.kp.khyberpass.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Something security-relevant that happened, as features publish it (with
 * {@code ApplicationEventPublisher.publishEvent}) and the audit log stores it. Never put
 * secrets, tokens or a clear CNIC in any component: use account ids, key ids, client ids,
 * or keyed hashes.
 * <p>
 * {@code occurredAt} is truncated to microseconds (what PostgreSQL stores), so the stored
 * entry hashes the same as the published one.
 *
 * @param type what happened
 * @param actor who did it: an account id, {@code "system"}, an operator, or a keyed hash
 * of an attempted username
 * @param subject what it happened to (an account id, a key id, a client id, a token
 * family id)
 * @param clientId the department client involved, if any
 * @param occurredAt when
 * @param details a few extra facts (at most 16, short strings)
 */
public record AuditEvent(AuditEventType type, String actor, String subject, @Nullable String clientId,
		Instant occurredAt, Map<String, String> details) {

	/** The actor of events that no person caused. */
	public static final String SYSTEM = "system";

	private static final int MAX_DETAILS = 16;

	private static final int MAX_LENGTH = 200;

	public AuditEvent {
		check("actor", actor);
		check("subject", subject);
		if (clientId != null) {
			check("clientId", clientId);
		}
		occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
		if (details.size() > MAX_DETAILS) {
			throw new IllegalArgumentException("An audit event carries at most " + MAX_DETAILS + " details");
		}
		details.forEach((key, value) -> {
			check("detail name", key);
			if (value.length() > 1000) {
				throw new IllegalArgumentException("Audit detail " + key + " is too long");
			}
		});
		details = Map.copyOf(new TreeMap<>(details));
	}

	/** An event without details. */
	public static AuditEvent of(AuditEventType type, String actor, String subject, @Nullable String clientId,
			Instant occurredAt) {
		return new AuditEvent(type, actor, subject, clientId, occurredAt, Map.of());
	}

	private static void check(String name, String value) {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("Audit " + name + " must have 1 to " + MAX_LENGTH + " characters");
		}
	}

}
