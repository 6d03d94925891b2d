package pk.gov.kp.khyberpass.protection;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTests {

	final MapStore store = new MapStore();

	final List<Object> published = new ArrayList<>();

	final SignInThrottleProperties properties = new SignInThrottleProperties(5, Duration.ofSeconds(1),
			Duration.ofSeconds(60), 20, Duration.ofMinutes(15), Duration.ofMinutes(15), 100);

	final SignInThrottle throttle = new SignInThrottle(this.store, this.properties,
			new MasterKey(new byte[32], new SecureRandom()), this.published::add);

	@Test
	void checkAllowedWhenFewerFailuresThanDelayThenAllowed() {
		fail("17301-1234567-2", 4);

		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.1"));
	}

	@Test
	void checkAllowedWhenDelayEarnedThenMustWait() {
		fail("17301-1234567-2", 5);

		assertThatThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.1"))
			.isInstanceOf(SignInThrottledException.class);
		assertThat(this.store.ttls).containsValue(Duration.ofSeconds(1));
	}

	@Test
	void recordFailureWhenLockThresholdReachedThenLockedForLockDuration() {
		fail("17301-1234567-2", 20);

		assertThatThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.9"))
			.isInstanceOf(SignInThrottledException.class)
			.satisfies(
					(ex) -> assertThat(((SignInThrottledException) ex).retryAfter()).isEqualTo(Duration.ofMinutes(15)));
	}

	@Test
	void recordFailureWhenLockThresholdReachedThenOneSignInLockedPublished() {
		fail("17301-1234567-2", 20);

		assertThat(this.published).containsExactly(new SignInLocked("17301-1234567-2", Duration.ofMinutes(15)));
	}

	@Test
	void recordFailureWhenAlreadyLockedThenNoSecondSignInLocked() {
		fail("17301-1234567-2", 40);

		assertThat(this.published).hasSize(1);
	}

	@Test
	void liftWhenNameLockedThenAllowedAtOnce() {
		fail("17301-1234567-2", 20);

		boolean lifted = this.throttle.lift("17301-1234567-2");

		assertThat(lifted).isTrue();
		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.3"));
	}

	@Test
	void liftWhenFailuresCountedThenCountStartsAgain() {
		fail("17301-1234567-2", 4);

		this.throttle.lift("1730112345672");

		fail("17301-1234567-2", 1);
		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.3"));
	}

	@Test
	void liftWhenNameMustWaitThenAllowedAtOnce() {
		fail("+923001234567", 6);

		boolean lifted = this.throttle.lift("+923001234567");

		assertThat(lifted).isFalse();
		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("+923001234567", "10.0.0.4"));
	}

	@Test
	void checkAllowedWhenOtherNameLockedThenThisNameAllowed() {
		fail("17301-1234567-2", 20);

		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("+923001234567", "10.0.0.2"));
	}

	@Test
	void checkAllowedWhenAddressFailedTooOftenThenRefused() {
		for (int i = 0; i < 100; i++) {
			this.throttle.recordFailure("name-" + i, "10.0.0.66");
		}

		assertThatThrownBy(() -> this.throttle.checkAllowed("someone-new", "10.0.0.66"))
			.isInstanceOf(SignInThrottledException.class);
	}

	@Test
	void recordSuccessWhenDelayPendingThenCleared() {
		fail("17301-1234567-2", 6);

		this.throttle.recordSuccess("17301-1234567-2");

		assertThatNoException().isThrownBy(() -> this.throttle.checkAllowed("17301-1234567-2", "10.0.0.3"));
	}

	@Test
	void delayForWhenFailuresGrowThenDoublesUpToTheMaximum() {
		assertThat(this.throttle.delayFor(5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.delayFor(7)).isEqualTo(Duration.ofSeconds(4));
		assertThat(this.throttle.delayFor(19)).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void storeWhenFailuresRecordedThenHoldsNoClearAccountName() {
		fail("17301-1234567-2", 3);

		assertThat(String.join(" ", this.store.values.keySet())).doesNotContain("17301").doesNotContain("1234567");
	}

	private void fail(String name, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.recordFailure(name, "10.0.0.1");
		}
	}

	/** A map-backed store that keeps what was written and with which time to live. */
	static final class MapStore implements EphemeralStore {

		final Map<String, byte[]> values = new HashMap<>();

		final Map<String, Duration> ttls = new HashMap<>();

		@Override
		public void put(String key, byte[] value, Duration ttl) {
			this.values.put(key, value);
			this.ttls.put(key, ttl);
		}

		@Override
		public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
			if (this.values.containsKey(key)) {
				return false;
			}
			put(key, value, ttl);
			return true;
		}

		@Override
		public Optional<byte[]> get(String key) {
			return Optional.ofNullable(this.values.get(key));
		}

		@Override
		public Optional<byte[]> take(String key) {
			return Optional.ofNullable(this.values.remove(key));
		}

		@Override
		public void delete(String key) {
			this.values.remove(key);
		}

		@Override
		public long increment(String key, Duration ttl) {
			long next = get(key).map((b) -> Long.parseLong(new String(b, StandardCharsets.US_ASCII))).orElse(0L) + 1;
			this.values.put(key, Long.toString(next).getBytes(StandardCharsets.US_ASCII));
			this.ttls.putIfAbsent(key, ttl);
			return next;
		}

	}

}
