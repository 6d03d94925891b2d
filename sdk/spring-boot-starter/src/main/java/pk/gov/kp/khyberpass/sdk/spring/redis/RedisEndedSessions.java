package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import pk.gov.kp.khyberpass.sdk.EndedSessions;

/**
 * {@link EndedSessions} in Redis, shared by every node of a department service: a logout
 * naming a Khyber Pass session ({@code sid}) is kept under
 * {@code khyberpass:<client id>:ended-sid:<hash>}, one naming only a citizen under
 * {@code ...:ended-sub:<hash>} with the newest logout's issue time; both expire after the
 * retention time. One read ({@code MGET}) per check. Thread-safe.
 */
public final class RedisEndedSessions implements EndedSessions {

	/** Keeps the newest issue time of the subject's logouts, atomically. */
	private static final RedisScript<Long> KEEP_NEWEST = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if (not current) or (tonumber(current) < tonumber(ARGV[1])) then
				redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			end
			return 1""", Long.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration retention;

	/**
	 * Creates a store.
	 * @param redis the template of the application's Redis, not {@code null}
	 * @param clientId the department's client id, which separates its keys, not
	 * {@code null}
	 * @param retention how long to keep a record: at least as long as a session can last;
	 * positive
	 * @throws IllegalArgumentException if {@code retention} is not positive
	 */
	public RedisEndedSessions(StringRedisTemplate redis, String clientId, Duration retention) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keys = new RedisKeys(Objects.requireNonNull(clientId, "clientId"));
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("retention must be positive");
		}
		this.retention = retention;
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public void end(Optional<String> subject, Optional<String> sessionId, Instant issuedAt) {
		if (sessionId.isPresent()) {
			this.redis.opsForValue().set(this.keys.key("ended-sid", sessionId.get()), "1", this.retention);
		}
		else if (subject.isPresent()) {
			this.redis.execute(KEEP_NEWEST, List.of(this.keys.key("ended-sub", subject.get())),
					Long.toString(issuedAt.getEpochSecond()), Long.toString(this.retention.toMillis()));
		}
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public boolean isEnded(String subject, Optional<String> sessionId, Instant signedInAt) {
		List<String> keys = new ArrayList<>();
		keys.add(this.keys.key("ended-sub", subject));
		sessionId.ifPresent((sid) -> keys.add(this.keys.key("ended-sid", sid)));
		List<String> values = this.redis.opsForValue().multiGet(keys);
		if (values == null) {
			return false;
		}
		if (values.size() > 1 && values.get(1) != null) {
			return true;
		}
		String loggedOut = values.get(0);
		return loggedOut != null && signedInAt.getEpochSecond() <= Long.parseLong(loggedOut);
	}

}
