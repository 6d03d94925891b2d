package pk.gov.kp.khyberpass.ephemeral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryEphemeralStoreTests {

	private static final Duration TTL = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T09:00:00Z"));

	private final InMemoryEphemeralStore store = new InMemoryEphemeralStore(this.clock);

	@Test
	void getWhenPutAndLiveThenValue() {
		this.store.put("code:a", bytes("one"), TTL);

		assertThat(this.store.get("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
	}

	@Test
	void getWhenAbsentThenEmpty() {
		assertThat(this.store.get("code:none")).isEmpty();
	}

	@Test
	void getWhenJustBeforeTtlThenValue() {
		this.store.put("code:a", bytes("one"), TTL);

		this.clock.advance(TTL.minusMillis(1));

		assertThat(this.store.get("code:a")).isPresent();
	}

	@Test
	void getWhenTtlReachedThenEmpty() {
		this.store.put("code:a", bytes("one"), TTL);

		this.clock.advance(TTL);

		assertThat(this.store.get("code:a")).isEmpty();
	}

	@Test
	void putWhenKeyPresentThenReplacesValueAndTtl() {
		this.store.put("code:a", bytes("one"), TTL);
		this.clock.advance(Duration.ofMinutes(4));

		this.store.put("code:a", bytes("two"), TTL);
		this.clock.advance(Duration.ofMinutes(2));

		assertThat(this.store.get("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("two")));
	}

	@Test
	void putWhenCallerChangesArrayAfterwardsThenStoredValueUnchanged() {
		byte[] value = bytes("one");
		this.store.put("code:a", value, TTL);

		value[0] = 'X';
		this.store.get("code:a").get()[1] = 'Y';

		assertThat(this.store.get("code:a")).hasValueSatisfying((stored) -> assertThat(stored).isEqualTo(bytes("one")));
	}

	@Test
	void putIfAbsentWhenAbsentThenStoresAndTrue() {
		assertThat(this.store.putIfAbsent("replay:a", bytes("one"), TTL)).isTrue();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
	}

	@Test
	void putIfAbsentWhenLiveThenKeepsFirstAndFalse() {
		this.store.putIfAbsent("replay:a", bytes("one"), TTL);

		boolean stored = this.store.putIfAbsent("replay:a", bytes("two"), TTL);

		assertThat(stored).isFalse();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
	}

	@Test
	void putIfAbsentWhenLiveThenDoesNotExtendTtl() {
		this.store.putIfAbsent("replay:a", bytes("one"), TTL);
		this.clock.advance(Duration.ofMinutes(4));
		this.store.putIfAbsent("replay:a", bytes("two"), TTL);

		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.store.get("replay:a")).isEmpty();
	}

	@Test
	void putIfAbsentWhenExpiredEntryThenStoresAndTrue() {
		this.store.put("replay:a", bytes("one"), TTL);
		this.clock.advance(TTL);

		boolean stored = this.store.putIfAbsent("replay:a", bytes("two"), TTL);

		assertThat(stored).isTrue();
		assertThat(this.store.get("replay:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("two")));
		this.clock.advance(TTL.minusMillis(1));
		assertThat(this.store.get("replay:a")).isPresent();
	}

	@Test
	void takeWhenLiveThenValueAndRemoved() {
		this.store.put("code:a", bytes("one"), TTL);

		assertThat(this.store.take("code:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("one")));
		assertThat(this.store.take("code:a")).isEmpty();
		assertThat(this.store.get("code:a")).isEmpty();
	}

	@Test
	void takeWhenExpiredThenEmpty() {
		this.store.put("code:a", bytes("one"), TTL);
		this.clock.advance(TTL);

		assertThat(this.store.take("code:a")).isEmpty();
	}

	@Test
	void takeWhenAbsentThenEmpty() {
		assertThat(this.store.take("code:none")).isEmpty();
	}

	@Test
	void deleteWhenPresentThenGone() {
		this.store.put("code:a", bytes("one"), TTL);

		this.store.delete("code:a");

		assertThat(this.store.get("code:a")).isEmpty();
		assertThat(this.store.putIfAbsent("code:a", bytes("two"), TTL)).isTrue();
	}

	@Test
	void deleteWhenAbsentThenIgnored() {
		this.store.delete("code:none");

		assertThat(this.store.get("code:none")).isEmpty();
	}

	@Test
	void incrementWhenNewThenOneThenCounts() {
		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(1);
		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(2);
		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(3);
		assertThat(this.store.increment("rate:b", TTL)).isEqualTo(1);
	}

	@Test
	void incrementWhenWindowEndsThenStartsAgainAtOne() {
		this.store.increment("rate:a", TTL);
		this.store.increment("rate:a", TTL);

		this.clock.advance(TTL);

		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(1);
	}

	@Test
	void incrementWhenCalledLaterInWindowThenWindowDoesNotSlide() {
		this.store.increment("rate:a", TTL);
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(2);

		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.store.increment("rate:a", TTL)).isEqualTo(1);
	}

	@Test
	void incrementWhenLaterCallHasLongerTtlThenFirstTtlStillApplies() {
		this.store.increment("rate:a", Duration.ofMinutes(1));
		this.store.increment("rate:a", Duration.ofHours(1));

		this.clock.advance(Duration.ofMinutes(1));

		assertThat(this.store.increment("rate:a", Duration.ofHours(1))).isEqualTo(1);
	}

	@Test
	void getWhenCounterThenDecimalText() {
		this.store.increment("rate:a", TTL);
		this.store.increment("rate:a", TTL);

		assertThat(this.store.get("rate:a")).hasValueSatisfying((value) -> assertThat(value).isEqualTo(bytes("2")));
	}

	@Test
	void putWhenManyWritesThenExpiredEntriesSweptAndLiveOnesKept() {
		this.store.put("live", bytes("kept"), Duration.ofHours(1));
		for (int i = 0; i < 1100; i++) {
			this.store.put("short:" + i, bytes("x"), Duration.ofSeconds(1));
		}
		this.clock.advance(Duration.ofSeconds(1));

		for (int i = 0; i < 1100; i++) {
			this.store.put("more:" + i, bytes("x"), TTL);
		}

		assertThat(this.store.get("live")).isPresent();
		assertThat(this.store.get("short:0")).isEmpty();
		assertThat(this.store.putIfAbsent("short:0", bytes("y"), TTL)).isTrue();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
