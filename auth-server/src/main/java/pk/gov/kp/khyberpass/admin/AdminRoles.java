package pk.gov.kp.khyberpass.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * Who holds which admin role ({@code admin_role}). Roles count only while the account is
 * active: locking an administrator's account takes their rights away at once.
 */
@Component
public class AdminRoles {

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final Clock clock;

	AdminRoles(JdbcClient jdbc, TransactionOperations transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The roles of an active account; none for a locked or disabled one. */
	public Set<AdminRole> rolesOf(AccountId account) {
		Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
		this.jdbc
			.sql("SELECT r.role FROM admin_role r JOIN accounts a ON a.id = r.account_id "
					+ "WHERE r.account_id = ? AND a.status = 'ACTIVE'")
			.param(account.value())
			.query(String.class)
			.list()
			.forEach((name) -> AdminRole.of(name).ifPresent(roles::add));
		return roles;
	}

	/** Every role assignment, by account. */
	public List<Assignment> list() {
		return this.jdbc
			.sql("SELECT account_id, role, granted_at, granted_by FROM admin_role ORDER BY account_id, role")
			.query((rs, n) -> new Assignment(new AccountId(rs.getObject(1, UUID.class)),
					AdminRole.of(rs.getString(2)).orElseThrow(), rs.getObject(3, OffsetDateTime.class).toInstant(),
					rs.getString(4)))
			.list();
	}

	/**
	 * Gives {@code account} the role.
	 * @return whether it was new
	 */
	public boolean grant(AccountId account, AdminRole role, String grantedBy) {
		if (holds(account, role)) {
			return false;
		}
		try {
			insert(account, role, grantedBy);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Takes the role from {@code account}, unless it is the security-admin role of the
	 * last active security admin (whoever asks, that account itself included): nobody
	 * would be left to grant it again. Concurrent withdrawals queue on the security
	 * admins' rows, so two of them cannot leave none.
	 * @return what happened
	 */
	public Revocation revoke(AccountId account, AdminRole role) {
		Revocation outcome = this.transactions.execute((status) -> {
			if (role == AdminRole.SECURITY_ADMIN) {
				this.jdbc.sql("SELECT account_id FROM admin_role WHERE role = ? FOR UPDATE")
					.param(role.value())
					.query(Object.class)
					.list();
				if (rolesOf(account).contains(role) && activeHolders(role) <= 1) {
					return Revocation.LAST_SECURITY_ADMIN;
				}
			}
			int deleted = this.jdbc.sql("DELETE FROM admin_role WHERE account_id = ? AND role = ?")
				.params(account.value(), role.value())
				.update();
			return (deleted == 1) ? Revocation.REVOKED : Revocation.NOT_HELD;
		});
		return Objects.requireNonNull(outcome);
	}

	private long activeHolders(AdminRole role) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM admin_role r JOIN accounts a ON a.id = r.account_id "
					+ "WHERE r.role = ? AND a.status = 'ACTIVE'")
			.param(role.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Makes {@code account} a security admin if nobody holds any admin role yet; several
	 * nodes starting at once bootstrap once.
	 * @return whether this call made the first administrator
	 */
	boolean bootstrap(AccountId account, String grantedBy) {
		try {
			Boolean made = this.transactions.execute((status) -> {
				long admins = this.jdbc.sql("SELECT COUNT(*) FROM admin_role").query(Long.class).single();
				if (admins > 0) {
					return false;
				}
				insert(account, AdminRole.SECURITY_ADMIN, grantedBy);
				return true;
			});
			return Boolean.TRUE.equals(made);
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean holds(AccountId account, AdminRole role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM admin_role WHERE account_id = ? AND role = ?")
			.params(account.value(), role.value())
			.query(Long.class)
			.single() > 0;
	}

	private void insert(AccountId account, AdminRole role, String grantedBy) {
		Instant now = this.clock.instant();
		this.jdbc.sql("INSERT INTO admin_role (account_id, role, granted_at, granted_by) VALUES (?, ?, ?, ?)")
			.params(account.value(), role.value(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), grantedBy)
			.update();
	}

	/** The outcome of a withdrawal. */
	public enum Revocation {

		/** The account held the role and no longer does. */
		REVOKED,

		/** The account did not hold the role; nothing changed. */
		NOT_HELD,

		/** Refused: the account is the last active security admin. */
		LAST_SECURITY_ADMIN

	}

	/**
	 * One role held by one account.
	 *
	 * @param account the administrator's account
	 * @param role the role
	 * @param grantedAt when it was granted
	 * @param grantedBy the granting administrator's account id, or {@code system} for the
	 * bootstrap
	 */
	public record Assignment(AccountId account, AdminRole role, Instant grantedAt, String grantedBy) {
	}

}
