package pk.gov.kp.khyberpass.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores signing keys and the internal CA ({@code V2__signing_keys.sql}). State changes
 * are conditional updates that report whether they applied, so a change another node made
 * first is never applied twice.
 */
final class SigningKeyRepository {

	private static final String COLUMNS = "kid, algorithm, state, created_at, activated_at, retiring_at, retire_after,"
			+ " retired_at, master_key_id, private_key, public_jwk, certificate_chain, authority_id";

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the row lock that serialises key changes across nodes; call inside a
	 * transaction.
	 */
	void lock() {
		this.jdbc.sql("SELECT id FROM signing_key_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	List<StoredSigningKey> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key ORDER BY created_at DESC, kid")
			.query(SigningKeyRepository::mapKey)
			.list();
	}

	/** The keys in the JWKS: {@code NEXT}, {@code ACTIVE} and {@code RETIRING}. */
	List<StoredSigningKey> findPublished() {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM signing_key WHERE state <> 'RETIRED' ORDER BY created_at DESC, kid")
			.query(SigningKeyRepository::mapKey)
			.list();
	}

	Optional<StoredSigningKey> findByKid(String kid) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE kid = ?")
			.param(kid)
			.query(SigningKeyRepository::mapKey)
			.optional();
	}

	/** The one {@code NEXT} or {@code ACTIVE} key of an algorithm. */
	Optional<StoredSigningKey> findCurrent(SigningAlgorithm algorithm, SigningKeyState state) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE algorithm = ? AND current_state = ?")
			.param(algorithm.name())
			.param(state.name())
			.query(SigningKeyRepository::mapKey)
			.optional();
	}

	List<StoredSigningKey> findRetiringDue(Instant now) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM signing_key WHERE state = 'RETIRING' AND retire_after <= ? ORDER BY kid")
			.param(time(now))
			.query(SigningKeyRepository::mapKey)
			.list();
	}

	void insert(StoredSigningKey key) {
		boolean current = key.state() == SigningKeyState.NEXT || key.state() == SigningKeyState.ACTIVE;
		this.jdbc
			.sql("INSERT INTO signing_key (" + COLUMNS + ", current_state)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.param(key.kid())
			.param(key.algorithm().name())
			.param(key.state().name())
			.param(time(key.createdAt()))
			.param(time(key.activatedAt()))
			.param(time(key.retiringAt()))
			.param(time(key.retireAfter()))
			.param(time(key.retiredAt()))
			.param(key.masterKeyId())
			.param(key.sealedPrivateKey())
			.param(key.publicJwk())
			.param(key.certificateChain())
			.param(key.authorityId())
			.param(new SqlParameterValue(Types.VARCHAR, current ? key.state().name() : null))
			.update();
	}

	/** {@code NEXT} to {@code ACTIVE}; false if the key was not {@code NEXT}. */
	boolean activate(String kid, Instant now) {
		return this.jdbc
			.sql("UPDATE signing_key SET state = 'ACTIVE', current_state = 'ACTIVE', activated_at = ?"
					+ " WHERE kid = ? AND state = 'NEXT'")
			.param(time(now))
			.param(kid)
			.update() == 1;
	}

	/** {@code ACTIVE} to {@code RETIRING}; false if the key was not {@code ACTIVE}. */
	boolean startRetiring(String kid, Instant now, Instant retireAfter) {
		return this.jdbc
			.sql("UPDATE signing_key SET state = 'RETIRING', current_state = NULL, retiring_at = ?,"
					+ " retire_after = ? WHERE kid = ? AND state = 'ACTIVE'")
			.param(time(now))
			.param(time(retireAfter))
			.param(kid)
			.update() == 1;
	}

	/**
	 * Any published state to {@code RETIRED}, erasing the private key; false if already
	 * retired or absent.
	 */
	boolean retire(String kid, Instant now) {
		return this.jdbc
			.sql("UPDATE signing_key SET state = 'RETIRED', current_state = NULL, retired_at = ?,"
					+ " private_key = NULL, master_key_id = NULL WHERE kid = ? AND state <> 'RETIRED'")
			.param(time(now))
			.param(kid)
			.update() == 1;
	}

	/** The newest internal CA. */
	Optional<StoredAuthority> findAuthority() {
		return this.jdbc
			.sql("SELECT id, created_at, not_after, master_key_id, private_key, certificate FROM signing_key_authority"
					+ " ORDER BY created_at DESC, id")
			.query((rs, row) -> new StoredAuthority(rs.getString("id"), instant(rs, "created_at"),
					instant(rs, "not_after"), rs.getString("master_key_id"), rs.getBytes("private_key"),
					rs.getString("certificate")))
			.list()
			.stream()
			.findFirst();
	}

	void insertAuthority(StoredAuthority authority) {
		this.jdbc
			.sql("INSERT INTO signing_key_authority (id, created_at, not_after, master_key_id, private_key,"
					+ " certificate) VALUES (?, ?, ?, ?, ?, ?)")
			.param(authority.id())
			.param(time(authority.createdAt()))
			.param(time(authority.notAfter()))
			.param(authority.masterKeyId())
			.param(authority.sealedPrivateKey())
			.param(authority.certificate())
			.update();
	}

	private static StoredSigningKey mapKey(ResultSet rs, int row) throws SQLException {
		return new StoredSigningKey(rs.getString("kid"), SigningAlgorithm.valueOf(rs.getString("algorithm")),
				SigningKeyState.valueOf(rs.getString("state")), instant(rs, "created_at"),
				nullableInstant(rs, "activated_at"), nullableInstant(rs, "retiring_at"),
				nullableInstant(rs, "retire_after"), nullableInstant(rs, "retired_at"), rs.getString("master_key_id"),
				rs.getBytes("private_key"), rs.getString("public_jwk"), rs.getString("certificate_chain"),
				rs.getString("authority_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant instant = nullableInstant(rs, column);
		if (instant == null) {
			throw new IllegalStateException(column + " is null");
		}
		return instant;
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static SqlParameterValue time(@Nullable Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
				(instant != null) ? instant.atOffset(ZoneOffset.UTC) : null);
	}

}
