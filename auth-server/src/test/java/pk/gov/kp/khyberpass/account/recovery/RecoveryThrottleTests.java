package pk.gov.kp.khyberpass.account.recovery;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryThrottleTests {

	final CountingStore store = new CountingStore();

	final RecoveryThrottle throttle = new RecoveryThrottle(this.store,
			new MasterKey(new byte[32], new SecureRandom()).keyedHash("recovery-throttle"),
			new RecoveryProperties(3, 5, Duration.ofMinutes(10)));

	@Test
	void allowWhenFourthRequestForOneCnicThenRefused() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.allow(Cnic.parse("17301-1234567-2"), "10.0.0." + i)).isTrue();
		}

		assertThat(this.throttle.allow(Cnic.parse("17301-1234567-2"), "10.0.0.9")).isFalse();
	}

	@Test
	void allowWhenSixthRequestFromOneAddressForDifferentCnicsThenRefused() {
		for (int i = 1; i <= 5; i++) {
			assertThat(this.throttle.allow(Cnic.parse("17301-123456" + i + "-2"), "10.0.0.1")).isTrue();
		}

		assertThat(this.throttle.allow(Cnic.parse("17301-1234560-2"), "10.0.0.1")).isFalse();
	}

	@Test
	void allowWhenCountingThenNoClearCnicInTheStore() {
		this.throttle.allow(Cnic.parse("17301-1234567-2"), "10.0.0.1");

		assertThat(this.store.counters.keySet()).noneMatch((key) -> key.contains("1234567"));
	}

	/** Counters only, enough for the throttle. */
	static final class CountingStore implements EphemeralStore {

		final Map<String, Long> counters = new HashMap<>();

		@Override
		public void put(String key, byte[] value, Duration ttl) {
		}

		@Override
		public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
			return true;
		}

		@Override
		public Optional<byte[]> get(String key) {
			return Optional.empty();
		}

		@Override
		public Optional<byte[]> take(String key) {
			return Optional.empty();
		}

		@Override
		public void delete(String key) {
			this.counters.remove(key);
		}

		@Override
		public long increment(String key, Duration ttl) {
			return this.counters.merge(key, 1L, Long::sum);
		}

	}

}
