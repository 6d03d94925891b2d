package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.springframework.data.redis.core.StringRedisTemplate;

import pk.gov.kp.khyberpass.sdk.ReplayStore;

/**
 * A {@link ReplayStore} in Redis, shared by every node of a department service: each
 * logout token id is recorded with {@code SET NX} and expires with the token, so a token
 * replayed to any node is refused. Keys:
 * {@code khyberpass:<client id>:logout-jti:<SHA-256 of the jti>}. Thread-safe.
 */
public final class RedisReplayStore implements ReplayStore {

	private static final Duration SHORTEST = Duration.ofSeconds(1);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Clock clock;

	/**
	 * Creates a store.
	 * @param redis the template of the application's Redis, not {@code null}
	 * @param clientId the department's client id, which separates its keys, not
	 * {@code null}
	 * @param clock the clock that turns the token's expiry into a time to live, not
	 * {@code null}
	 */
	public RedisReplayStore(StringRedisTemplate redis, String clientId, Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keys = new RedisKeys(Objects.requireNonNull(clientId, "clientId"));
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Records the id unless Redis already holds it, with a time to live reaching
	 * {@code expiresAt} (at least one second).
	 * @param id the token id, not {@code null}
	 * @param expiresAt when the token expires, not {@code null}
	 * @return {@code true} the first time, {@code false} if any node recorded it before
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public boolean firstUse(String id, Instant expiresAt) {
		Duration ttl = Duration.between(this.clock.instant(), expiresAt);
		Boolean recorded = this.redis.opsForValue()
			.setIfAbsent(this.keys.key("logout-jti", id), "1", (ttl.compareTo(SHORTEST) < 0) ? SHORTEST : ttl);
		return Boolean.TRUE.equals(recorded);
	}

}
