package pk.gov.kp.khyberpass.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.cnic.CnicProtector;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code accounts} table. Encrypts the CNIC on the way in and decrypts it on the way
 * out, so that no caller handles ciphertext.
 */
final class AccountRepository {

	private static final String COLUMNS = "id, cnic_ciphertext, full_name, birth_date, mobile_e164, email, "
			+ "password_hash, status, created_at, updated_at, password_changed_at, password_reset_required";

	private final JdbcClient jdbc;

	private final CnicProtector cnicProtector;

	AccountRepository(JdbcClient jdbc, CnicProtector cnicProtector) {
		this.jdbc = jdbc;
		this.cnicProtector = cnicProtector;
	}

	Optional<StoredAccount> findByCnic(Cnic cnic) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE cnic_blind_index = ?")
			.param(this.cnicProtector.blindIndex(cnic))
			.query(this::map)
			.optional();
	}

	Optional<StoredAccount> findByMobile(MobileNumber mobile) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE mobile_e164 = ?")
			.param(mobile.e164())
			.query(this::map)
			.optional();
	}

	Optional<StoredAccount> findById(AccountId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ?")
			.param(id.value())
			.query(this::map)
			.optional();
	}

	void insert(Account account, String passwordHash) {
		UUID id = account.id().value();
		this.jdbc.sql("""
				INSERT INTO accounts (id, cnic_ciphertext, cnic_key_id, cnic_blind_index, full_name, birth_date,
				    mobile_e164, email, password_hash, status, created_at, updated_at, password_changed_at)
				VALUES (:id, :ciphertext, :keyId, :blindIndex, :fullName, :birthDate, :mobile, :email, :hash,
				    :status, :createdAt, :updatedAt, :passwordChangedAt)""")
			.param("id", id)
			.param("ciphertext", this.cnicProtector.encrypt(account.cnic(), id))
			.param("keyId", this.cnicProtector.keyId())
			.param("blindIndex", this.cnicProtector.blindIndex(account.cnic()))
			.param("fullName", account.fullName())
			.param("birthDate", account.birthDate())
			.param("mobile", e164(account.mobile()))
			.param("email", account.email())
			.param("hash", passwordHash)
			.param("status", account.status().name())
			.param("createdAt", timestamp(account.createdAt()))
			.param("updatedAt", timestamp(account.updatedAt()))
			.param("passwordChangedAt", timestamp(account.passwordChangedAt()))
			.update();
	}

	void updateProfile(AccountId id, String fullName, LocalDate birthDate, @Nullable MobileNumber mobile, Instant now) {
		this.jdbc.sql("UPDATE accounts SET full_name = ?, birth_date = ?, mobile_e164 = ?, updated_at = ? WHERE id = ?")
			.params(fullName, birthDate, e164(mobile), timestamp(now), id.value())
			.update();
	}

	void updateName(AccountId id, String fullName, Instant now) {
		this.jdbc.sql("UPDATE accounts SET full_name = ?, updated_at = ? WHERE id = ?")
			.params(fullName, timestamp(now), id.value())
			.update();
	}

	void updateMobile(AccountId id, MobileNumber mobile, Instant now) {
		this.jdbc.sql("UPDATE accounts SET mobile_e164 = ?, updated_at = ? WHERE id = ?")
			.params(mobile.e164(), timestamp(now), id.value())
			.update();
	}

	void updateEmail(AccountId id, @Nullable String email, Instant now) {
		this.jdbc.sql("UPDATE accounts SET email = ?, updated_at = ? WHERE id = ?")
			.params(email, timestamp(now), id.value())
			.update();
	}

	/** Stores a new password's hash; a forced reset is then done. */
	void changePassword(AccountId id, String passwordHash, Instant now) {
		this.jdbc
			.sql("UPDATE accounts SET password_hash = ?, password_changed_at = ?, updated_at = ?, "
					+ "password_reset_required = FALSE WHERE id = ?")
			.params(passwordHash, timestamp(now), timestamp(now), id.value())
			.update();
	}

	/**
	 * Replaces the hash of the same password (stronger parameters); the password did not
	 * change.
	 */
	void rehashPassword(AccountId id, String passwordHash, Instant now) {
		this.jdbc.sql("UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?")
			.params(passwordHash, timestamp(now), id.value())
			.update();
	}

	/**
	 * Accounts whose name contains {@code fragment} (any case), by name, at most
	 * {@code limit}.
	 */
	List<Account> findByNameContaining(String fragment, int limit) {
		String pattern = "%"
				+ fragment.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM accounts WHERE LOWER(full_name) LIKE ? ESCAPE '\\' "
					+ "ORDER BY full_name, id LIMIT ?")
			.params(pattern, limit)
			.query(this::map)
			.list()
			.stream()
			.map(StoredAccount::account)
			.toList();
	}

	/** Sets the status; returns whether the account exists. */
	boolean updateStatus(AccountId id, AccountStatus status, Instant now) {
		return this.jdbc.sql("UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), timestamp(now), id.value())
			.update() == 1;
	}

	/**
	 * Requires a new password before the next sign-in; returns whether the account
	 * exists.
	 */
	boolean requirePasswordReset(AccountId id, Instant now) {
		return this.jdbc.sql("UPDATE accounts SET password_reset_required = TRUE, updated_at = ? WHERE id = ?")
			.params(timestamp(now), id.value())
			.update() == 1;
	}

	private StoredAccount map(ResultSet rs, int row) throws SQLException {
		AccountId id = new AccountId(rs.getObject("id", UUID.class));
		String mobile = rs.getString("mobile_e164");
		Account account = new Account(id, this.cnicProtector.decrypt(rs.getBytes("cnic_ciphertext"), id.value()),
				rs.getString("full_name"), rs.getObject("birth_date", LocalDate.class),
				(mobile != null) ? new MobileNumber(mobile) : null, rs.getString("email"),
				AccountStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "password_changed_at"), rs.getBoolean("password_reset_required"));
		return new StoredAccount(account, rs.getString("password_hash"));
	}

	private static @Nullable String e164(@Nullable MobileNumber mobile) {
		return (mobile != null) ? mobile.e164() : null;
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
