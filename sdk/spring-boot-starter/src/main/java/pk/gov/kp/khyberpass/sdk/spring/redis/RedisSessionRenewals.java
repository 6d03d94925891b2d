package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;

import pk.gov.kp.khyberpass.sdk.SessionRenewals;

/**
 * {@link SessionRenewals} in Redis, shared by every node of a department service, so that
 * a citizen's refresh token is presented to Khyber Pass by one node only: a claim is a
 * {@code SET NX} with an expiry under
 * {@code khyberpass:<client id>:renewal-claim:<hash>}, an outcome a {@code SET} with an
 * expiry under {@code ...:renewal:<hash>}, the hash being of the renewal's identifier
 * (itself derived from the refresh token). The SDK hands over outcomes already encrypted
 * under a key derived from the refresh token: Redis never holds a token in clear.
 * Thread-safe.
 */
public final class RedisSessionRenewals implements SessionRenewals {

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	/**
	 * Creates a store.
	 * @param redis the template of the application's Redis, not {@code null}
	 * @param clientId the department's client id, which separates its keys, not
	 * {@code null}
	 */
	public RedisSessionRenewals(StringRedisTemplate redis, String clientId) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keys = new RedisKeys(Objects.requireNonNull(clientId, "clientId"));
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public boolean claim(String renewal, Duration hold) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(claimKey(renewal), "1", hold));
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public void publish(String renewal, String outcome, Duration keep) {
		this.redis.opsForValue().set(this.keys.key("renewal", renewal), outcome, keep);
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public Optional<String> outcome(String renewal) {
		return Optional.ofNullable(this.redis.opsForValue().get(this.keys.key("renewal", renewal)));
	}

	/**
	 * {@inheritDoc}
	 * @throws org.springframework.dao.DataAccessException if Redis cannot be reached
	 */
	@Override
	public void release(String renewal) {
		this.redis.delete(claimKey(renewal));
	}

	private String claimKey(String renewal) {
		return this.keys.key("renewal-claim", renewal);
	}

}
