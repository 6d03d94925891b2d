package pk.gov.kp.khyberpass.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the audit chain: appending under the chain head's row lock, reading in
 * sequence order, searching, and the checkpoints. Callers provide the transactions.
 */
final class AuditRepository {

	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private static final String COLUMNS = "sequence, occurred_at, type, actor, subject, client_id, details, prev_hash, entry_hash";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Locks the chain head until the end of the transaction. */
	Head lockHead() {
		return this.jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	Head head() {
		return this.jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	void insert(AuditEntry entry) {
		AuditEvent event = entry.event();
		this.jdbc.sql("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.sequence(), OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC), event.type().name(),
					event.actor(), event.subject(), event.clientId(), detailsJson(event.details()), entry.prevHash(),
					entry.entryHash())
			.update();
		this.jdbc.sql("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1")
			.params(entry.sequence(), entry.entryHash())
			.update();
	}

	/**
	 * Every stored row up to {@code lastSequence}, in sequence order, as they are (not
	 * yet parsed).
	 */
	void forEachRow(long lastSequence, Consumer<Row> action) {
		this.jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE sequence <= ? ORDER BY sequence")
			.param(lastSequence)
			.query((ResultSet rs) -> {
				action.accept(row(rs));
			});
	}

	List<AuditEntry> search(@Nullable Instant from, @Nullable Instant to, @Nullable AuditEventType type,
			@Nullable String actor, @Nullable String subject, @Nullable String clientId, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (from != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
		}
		if (to != null) {
			sql.append(" AND occurred_at < ?");
			params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
		}
		if (type != null) {
			sql.append(" AND type = ?");
			params.add(type.name());
		}
		if (actor != null) {
			sql.append(" AND actor = ?");
			params.add(actor);
		}
		if (subject != null) {
			sql.append(" AND subject = ?");
			params.add(subject);
		}
		if (clientId != null) {
			sql.append(" AND client_id = ?");
			params.add(clientId);
		}
		sql.append(" ORDER BY sequence DESC LIMIT ?");
		params.add(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs).toEntry(this)).list();
	}

	void insertCheckpoint(Checkpoint checkpoint) {
		this.jdbc.sql("INSERT INTO audit_checkpoint (sequence, head_hash, created_at, signature) VALUES (?, ?, ?, ?)")
			.params(checkpoint.sequence(), checkpoint.headHash(),
					OffsetDateTime.ofInstant(checkpoint.createdAt(), ZoneOffset.UTC), checkpoint.signature())
			.update();
	}

	long lastCheckpointSequence() {
		return this.jdbc.sql("SELECT COALESCE(MAX(sequence), 0) FROM audit_checkpoint").query(Long.class).single();
	}

	List<Checkpoint> checkpoints() {
		return this.jdbc
			.sql("SELECT sequence, head_hash, created_at, signature FROM audit_checkpoint ORDER BY sequence")
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
			.list();
	}

	String detailsJson(Map<String, String> details) {
		return this.json.writeValueAsString(new TreeMap<>(details));
	}

	Map<String, String> parseDetails(String details) {
		return this.json.readValue(details, DETAILS);
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
	}

	/** The chain head: the last sequence and its hash. */
	record Head(long sequence, String hash) {
	}

	/**
	 * A signed statement that the chain up to {@code sequence} ended in {@code headHash}.
	 */
	record Checkpoint(long sequence, String headHash, Instant createdAt, String signature) {
	}

	/** A stored row as read, before it is trusted. */
	record Row(long sequence, Instant occurredAt, String type, String actor, String subject, @Nullable String clientId,
			String details, String prevHash, String entryHash) {

		/**
		 * @throws IllegalArgumentException if the row does not form a valid event
		 * (unknown type, bad details)
		 */
		AuditEntry toEntry(AuditRepository repository) {
			AuditEvent event = new AuditEvent(AuditEventType.valueOf(this.type), this.actor, this.subject,
					this.clientId, this.occurredAt, repository.parseDetails(this.details));
			return new AuditEntry(this.sequence, event, this.prevHash, this.entryHash);
		}

	}

}
