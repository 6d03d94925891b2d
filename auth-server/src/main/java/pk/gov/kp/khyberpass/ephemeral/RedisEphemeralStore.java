package pk.gov.kp.khyberpass.ephemeral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The production store: Redis through Lettuce, every key under one prefix so that several
 * deployments (or test classes) can share a server.
 */
final class RedisEphemeralStore implements EphemeralStore {

	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return n""", Long.class);

	private final RedisTemplate<String, byte[]> redis;

	private final String prefix;

	RedisEphemeralStore(RedisTemplate<String, byte[]> redis, String prefix) {
		this.redis = redis;
		this.prefix = prefix;
	}

	@Override
	public void put(String key, byte[] value, Duration ttl) {
		this.redis.opsForValue().set(this.prefix + key, value, ttl);
	}

	@Override
	public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(this.prefix + key, value, ttl));
	}

	@Override
	public Optional<byte[]> get(String key) {
		return Optional.ofNullable(this.redis.opsForValue().get(this.prefix + key));
	}

	@Override
	public Optional<byte[]> take(String key) {
		return Optional.ofNullable(this.redis.opsForValue().getAndDelete(this.prefix + key));
	}

	@Override
	public void delete(String key) {
		this.redis.delete(this.prefix + key);
	}

	@Override
	public long increment(String key, Duration ttl) {
		Long count = this.redis.execute(INCREMENT, List.of(this.prefix + key),
				Long.toString(ttl.toMillis()).getBytes(StandardCharsets.US_ASCII));
		return (count != null) ? count : 0;
	}

}
