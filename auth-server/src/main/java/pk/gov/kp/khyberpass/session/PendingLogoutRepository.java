package pk.gov.kp.khyberpass.session;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pending back-channel logout deliveries in the {@code backchannel_logout_delivery}
 * table, shared by every node. A node takes a row for one attempt by pushing its next
 * attempt time past that attempt (a lease), so another node picks it up only if this one
 * stops before finishing.
 */
final class PendingLogoutRepository {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PendingLogoutRepository(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores a delivery whose first attempt starts now and may run until {@code lease}
	 * has passed.
	 */
	PendingLogout add(String clientId, URI endpoint, String logoutToken, Duration lease) {
		Instant now = this.clock.instant();
		PendingLogout logout = new PendingLogout(UUID.randomUUID().toString(), clientId, endpoint, logoutToken, 1);
		this.jdbc
			.sql("INSERT INTO backchannel_logout_delivery (id, client_id, endpoint, logout_token, attempts, "
					+ "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(logout.id(), clientId, endpoint.toString(), logoutToken, 1, Timestamp.from(now.plus(lease)),
					Timestamp.from(now))
			.update();
		return logout;
	}

	/**
	 * Takes at most {@code limit} deliveries that are due, skipping rows another node is
	 * taking at the same moment ({@code FOR UPDATE SKIP LOCKED}, on PostgreSQL and on
	 * H2), and counts the attempt each is about to get; {@code lease} gives, for an
	 * attempt number, how long that attempt may run.
	 */
	List<PendingLogout> claimDue(int limit, IntFunction<Duration> lease) {
		List<PendingLogout> claimed = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<PendingLogout> due = this.jdbc
				.sql("SELECT id, client_id, endpoint, logout_token, attempts FROM backchannel_logout_delivery "
						+ "WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
				.params(Timestamp.from(now), limit)
				.query((rs, n) -> new PendingLogout(rs.getString(1), rs.getString(2), URI.create(rs.getString(3)),
						rs.getString(4), rs.getInt(5) + 1))
				.list();
			for (PendingLogout logout : due) {
				this.jdbc.sql("UPDATE backchannel_logout_delivery SET attempts = ?, next_attempt_at = ? WHERE id = ?")
					.params(logout.attempt(), Timestamp.from(now.plus(lease.apply(logout.attempt()))), logout.id())
					.update();
			}
			return due;
		});
		return (claimed != null) ? claimed : List.of();
	}

	/**
	 * After a failed attempt: the next one is due at {@code next}, unless another node
	 * took the row since.
	 */
	void retryAt(PendingLogout logout, Instant next) {
		this.jdbc.sql("UPDATE backchannel_logout_delivery SET next_attempt_at = ? WHERE id = ? AND attempts = ?")
			.params(Timestamp.from(next), logout.id(), logout.attempt())
			.update();
	}

	/** Delivered, or given up. */
	void remove(PendingLogout logout) {
		this.jdbc.sql("DELETE FROM backchannel_logout_delivery WHERE id = ?").param(logout.id()).update();
	}

}
