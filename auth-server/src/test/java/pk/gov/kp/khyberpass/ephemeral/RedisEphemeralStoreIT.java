package pk.gov.kp.khyberpass.ephemeral;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

import pk.gov.kp.khyberpass.testsupport.RealServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisEphemeralStore} against a real Redis ({@code KHYBERPASS_IT_REDIS_URL},
 * default the local server), every key under a random prefix that is removed afterwards.
 */
@EnabledIf(value = "redisReachableOrRequired",
		disabledReason = "Skipping RedisEphemeralStoreIT: " + RedisEphemeralStoreIT.MISSING)
class RedisEphemeralStoreIT {

	static final String MISSING = "Redis is not reachable at KHYBERPASS_IT_REDIS_URL (default redis://127.0.0.1:6379)";

	private static final Duration LONG = Duration.ofMinutes(5);

	private static final Duration SHORT = Duration.ofMillis(300);

	private static LettuceConnectionFactory connectionFactory;

	private static RedisTemplate<String, byte[]> redis;

	private final String prefix = "kp-it:" + UUID.randomUUID() + ":";

	private final RedisEphemeralStore store = new RedisEphemeralStore(redis, this.prefix);

	@BeforeAll
	static void connect() {
		Assumptions.assumeTrue(redisReachableOrRequired(), "Skipping RedisEphemeralStoreIT: " + MISSING);
		connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(RealServers.REDIS_URL));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		redis = new RedisTemplate<>();
		redis.setConnectionFactory(connectionFactory);
		redis.setKeySerializer(RedisSerializer.string());
		redis.setValueSerializer(RedisSerializer.byteArray());
		redis.afterPropertiesSet();
	}

	@AfterEach
	void removeKeys() {
		Set<String> keys = redis.keys(this.prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			redis.delete(keys);
		}
	}

	@AfterAll
	static void disconnect() {
		if (connectionFactory != null) {
			connectionFactory.destroy();
		}
	}

	@Test
	void getWhenPutThenValueUnderPrefixedKeyWithTtl() {
		this.store.put("code:a", bytes("one"), LONG);

		assertThat(this.store.get("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
		assertThat(redis.opsForValue().get(this.prefix + "code:a")).isEqualTo(bytes("one"));
		assertThat(redis.getExpire(this.prefix + "code:a", TimeUnit.MILLISECONDS)).isBetween(1L, LONG.toMillis());
	}

	@Test
	void getWhenAbsentThenEmpty() {
		assertThat(this.store.get("code:none")).isEmpty();
	}

	@Test
	void getWhenTtlPassedThenEmpty() {
		this.store.put("code:a", bytes("one"), SHORT);

		awaitGone("code:a");

		assertThat(this.store.get("code:a")).isEmpty();
	}

	@Test
	void putWhenKeyPresentThenReplacesValueAndTtl() {
		this.store.put("code:a", bytes("one"), SHORT);

		this.store.put("code:a", bytes("two"), LONG);

		assertThat(this.store.get("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("two")));
		assertThat(redis.getExpire(this.prefix + "code:a", TimeUnit.MILLISECONDS)).isGreaterThan(SHORT.toMillis());
	}

	@Test
	void putWhenOtherPrefixThenInvisible() {
		RedisEphemeralStore other = new RedisEphemeralStore(redis, this.prefix + "other:");
		other.put("code:a", bytes("theirs"), LONG);

		assertThat(this.store.get("code:a")).isEmpty();
	}

	@Test
	void putIfAbsentWhenAbsentThenStoresAndTrue() {
		assertThat(this.store.putIfAbsent("replay:a", bytes("one"), LONG)).isTrue();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
		assertThat(redis.getExpire(this.prefix + "replay:a", TimeUnit.MILLISECONDS)).isBetween(1L, LONG.toMillis());
	}

	@Test
	void putIfAbsentWhenLiveThenKeepsFirstAndFalse() {
		this.store.putIfAbsent("replay:a", bytes("one"), LONG);

		boolean stored = this.store.putIfAbsent("replay:a", bytes("two"), LONG);

		assertThat(stored).isFalse();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
	}

	@Test
	void putIfAbsentWhenEarlierEntryExpiredThenStoresAndTrue() {
		this.store.put("replay:a", bytes("one"), SHORT);
		awaitGone("replay:a");

		boolean stored = this.store.putIfAbsent("replay:a", bytes("two"), LONG);

		assertThat(stored).isTrue();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("two")));
	}

	@Test
	void takeWhenPresentThenValueAndRemoved() {
		this.store.put("code:a", bytes("one"), LONG);

		assertThat(this.store.take("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
		assertThat(this.store.take("code:a")).isEmpty();
		assertThat(redis.hasKey(this.prefix + "code:a")).isFalse();
	}

	@Test
	void takeWhenAbsentThenEmpty() {
		assertThat(this.store.take("code:none")).isEmpty();
	}

	@Test
	void deleteWhenPresentThenGone() {
		this.store.put("code:a", bytes("one"), LONG);

		this.store.delete("code:a");

		assertThat(this.store.get("code:a")).isEmpty();
	}

	@Test
	void deleteWhenAbsentThenIgnored() {
		this.store.delete("code:none");

		assertThat(this.store.get("code:none")).isEmpty();
	}

	@Test
	void incrementWhenNewThenOneThenCountsWithTtl() {
		assertThat(this.store.increment("rate:a", LONG)).isEqualTo(1);
		assertThat(this.store.increment("rate:a", LONG)).isEqualTo(2);
		assertThat(this.store.increment("rate:a", LONG)).isEqualTo(3);
		assertThat(this.store.increment("rate:b", LONG)).isEqualTo(1);
		assertThat(redis.getExpire(this.prefix + "rate:a", TimeUnit.MILLISECONDS)).isBetween(1L, LONG.toMillis());
		assertThat(this.store.get("rate:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("3")));
	}

	@Test
	void incrementWhenLaterCallHasLongerTtlThenWindowDoesNotSlide() {
		this.store.increment("rate:a", Duration.ofSeconds(10));

		this.store.increment("rate:a", Duration.ofHours(1));

		assertThat(redis.getExpire(this.prefix + "rate:a", TimeUnit.MILLISECONDS)).isBetween(1L, 10_000L);
	}

	@Test
	void incrementWhenWindowEndsThenStartsAgainAtOne() {
		this.store.increment("rate:a", SHORT);
		this.store.increment("rate:a", LONG);
		awaitGone("rate:a");

		assertThat(this.store.increment("rate:a", LONG)).isEqualTo(1);
		assertThat(redis.getExpire(this.prefix + "rate:a", TimeUnit.MILLISECONDS)).isGreaterThan(SHORT.toMillis());
	}

	private void awaitGone(String key) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> !Boolean.TRUE.equals(redis.hasKey(this.prefix + key)));
	}

	static boolean redisReachableOrRequired() {
		URI uri = URI.create(RealServers.REDIS_URL);
		return reachable(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379) || RealServers.required();
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
