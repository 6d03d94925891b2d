package pk.gov.kp.khyberpass.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads when events of some types happened, for the admin dashboard's counts over time. Only the time and
 * the type leave the log: no actor, subject or detail.
 */
@Component
public class AuditCounts {

	private final JdbcClient jdbc;

	AuditCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The time and type of each entry of the given types in {@code [from, to)}, oldest first. */
	public List<Occurrence> occurrences(Instant from, Instant to, Collection<AuditEventType> types) {
		if (types.isEmpty()) {
			return List.of();
		}
		String marks = String.join(", ", types.stream().map((type) -> "?").toList());
		List<Object> params = new java.util.ArrayList<>();
		params.add(Timestamp.from(from));
		params.add(Timestamp.from(to));
		types.forEach((type) -> params.add(type.name()));
		return this.jdbc
			.sql("SELECT occurred_at, type FROM audit_entry WHERE occurred_at >= ? AND occurred_at < ? AND type IN ("
					+ marks + ") ORDER BY sequence")
			.params(params)
			.query((rs, row) -> new Occurrence(rs.getTimestamp(1).toInstant(), AuditEventType.valueOf(rs.getString(2))))
			.list();
	}

	/** When an event of a type happened. */
	public record Occurrence(Instant occurredAt, AuditEventType type) {
	}

}
