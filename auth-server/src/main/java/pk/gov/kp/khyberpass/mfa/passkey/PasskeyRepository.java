package pk.gov.kp.khyberpass.mfa.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * Passkeys and user handles in PostgreSQL ({@code passkey_credential},
 * {@code passkey_user}). Credential ids are stored base64url-encoded so they can be
 * unique and looked up as text.
 */
final class PasskeyRepository {

	private static final String COLUMNS = "c.id, c.account_id, u.user_handle, c.credential_id, c.public_key_cose, "
			+ "c.sign_count, c.uv_initialized, c.backup_eligible, c.backup_state, c.transports, c.aaguid, c.name, "
			+ "c.created_at, c.last_used_at FROM passkey_credential c JOIN passkey_user u ON u.account_id = c.account_id";

	private final JdbcClient jdbc;

	PasskeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<byte[]> userHandle(AccountId account) {
		return this.jdbc.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(account.value())
			.query(byte[].class)
			.optional();
	}

	void insertUserHandle(AccountId account, byte[] userHandle) {
		this.jdbc.sql("INSERT INTO passkey_user (account_id, user_handle) VALUES (?, ?)")
			.params(account.value(), userHandle)
			.update();
	}

	void insert(UUID id, AccountId account, PasskeyCeremonies.NewPasskey passkey, String name, Instant now) {
		this.jdbc
			.sql("INSERT INTO passkey_credential (id, account_id, credential_id, public_key_cose, sign_count, "
					+ "uv_initialized, backup_eligible, backup_state, transports, aaguid, name, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, account.value(), encode(passkey.credentialId()), passkey.publicKeyCose(), passkey.signCount(),
					passkey.uvInitialized(), passkey.backupEligible(), passkey.backupState(),
					String.join(" ", passkey.transports()), passkey.aaguid(), name, Timestamp.from(now))
			.update();
	}

	Optional<StoredPasskey> findByCredentialId(byte[] credentialId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " WHERE c.credential_id = ?")
			.param(encode(credentialId))
			.query(PasskeyRepository::map)
			.optional();
	}

	List<StoredPasskey> findAll(AccountId account) {
		return this.jdbc.sql("SELECT " + COLUMNS + " WHERE c.account_id = ? ORDER BY c.created_at, c.id")
			.param(account.value())
			.query(PasskeyRepository::map)
			.list();
	}

	Optional<StoredPasskey> find(AccountId account, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " WHERE c.account_id = ? AND c.id = ?")
			.params(account.value(), id)
			.query(PasskeyRepository::map)
			.optional();
	}

	long count(AccountId account) {
		return this.jdbc.sql("SELECT COUNT(*) FROM passkey_credential WHERE account_id = ?")
			.param(account.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Stores the counter an accepted assertion showed, only if it is still above the
	 * stored one, so two nodes accepting the same counter at once cannot both win.
	 * @return whether the row was updated
	 */
	boolean recordUse(UUID id, long previousCount, long signCount, boolean backupState, Instant now) {
		return this.jdbc
			.sql("UPDATE passkey_credential SET sign_count = ?, backup_state = ?, last_used_at = ? "
					+ "WHERE id = ? AND sign_count = ?")
			.params(signCount, backupState, Timestamp.from(now), id, previousCount)
			.update() == 1;
	}

	boolean rename(AccountId account, UUID id, String name) {
		return this.jdbc.sql("UPDATE passkey_credential SET name = ? WHERE account_id = ? AND id = ?")
			.params(name, account.value(), id)
			.update() == 1;
	}

	boolean delete(AccountId account, UUID id) {
		return this.jdbc.sql("DELETE FROM passkey_credential WHERE account_id = ? AND id = ?")
			.params(account.value(), id)
			.update() == 1;
	}

	private static StoredPasskey map(ResultSet rs, int row) throws SQLException {
		String transports = rs.getString("transports");
		return new StoredPasskey(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				rs.getBytes("user_handle"), Base64.getUrlDecoder().decode(rs.getString("credential_id")),
				rs.getBytes("public_key_cose"), rs.getLong("sign_count"), rs.getBoolean("uv_initialized"),
				rs.getBoolean("backup_eligible"), rs.getBoolean("backup_state"),
				transports.isBlank() ? List.of() : Arrays.asList(transports.split(" ")), rs.getString("aaguid"),
				rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("last_used_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
