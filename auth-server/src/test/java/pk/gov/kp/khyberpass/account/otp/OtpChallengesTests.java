package pk.gov.kp.khyberpass.account.otp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OtpChallengesTests {

	private static final MobileNumber MOBILE = MobileNumber.parse("0300 7654321");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final ClockedStore store = new ClockedStore(this.clock);

	private final OtpChallenges otps = new OtpChallenges(this.store, new MasterKey(new byte[32], new SecureRandom()),
			new SecureRandom(), new OtpSettings(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5));

	@Test
	void issueWhenCalledThenSixDigitsAndOnlyAHashStored() {
		OtpChallenge challenge = this.otps.issue(MOBILE);

		assertThat(challenge.code()).matches("[0-9]{6}");
		assertThat(challenge.toString()).doesNotContain(challenge.code());
		assertThat(this.store.values.keySet()).noneMatch((key) -> key.contains(challenge.code())
				|| key.contains(MOBILE.e164().substring(1)));
		assertThat(this.store.values.get("otp:" + challenge.id()).value()).hasSize(32);
	}

	@Test
	void issueDecoyWhenWrongCodesThenAnsweredLikeARealChallenge() {
		OtpChallenge decoy = this.otps.issueDecoy();
		String wrong = decoy.code().equals("000000") ? "000001" : "000000";

		for (int i = 0; i < 4; i++) {
			assertThat(this.otps.verify(decoy.id(), wrong)).isEqualTo(OtpOutcome.WRONG_CODE);
		}
		assertThat(this.otps.verify(decoy.id(), wrong)).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void issueDecoyWhenCalledRepeatedlyThenNeverThrottledAndNoMobileCounted() {
		for (int i = 0; i < 10; i++) {
			this.otps.issueDecoy();
		}

		assertThat(this.store.values.keySet()).noneMatch((key) -> key.startsWith("otp-gap:") || key.startsWith("otp-hour:"));
	}

	@Test
	void verifyWhenRightCodeThenAcceptedOnlyOnce() {
		OtpChallenge challenge = this.otps.issue(MOBILE);

		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.ACCEPTED);
		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void verifyWhenCodeOlderThanFiveMinutesThenDead() {
		OtpChallenge challenge = this.otps.issue(MOBILE);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void verifyWhenCodeJustUnderFiveMinutesOldThenAccepted() {
		OtpChallenge challenge = this.otps.issue(MOBILE);
		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));

		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void verifyWhenFourWrongCodesThenRightOneStillAccepted() {
		OtpChallenge challenge = this.otps.issue(MOBILE);
		for (int i = 0; i < 4; i++) {
			assertThat(this.otps.verify(challenge.id(), wrong(challenge))).isEqualTo(OtpOutcome.WRONG_CODE);
		}

		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void verifyWhenFiveWrongCodesThenChallengeDeadEvenForRightCode() {
		OtpChallenge challenge = this.otps.issue(MOBILE);
		for (int i = 0; i < 4; i++) {
			this.otps.verify(challenge.id(), wrong(challenge));
		}

		assertThat(this.otps.verify(challenge.id(), wrong(challenge))).isEqualTo(OtpOutcome.DEAD);
		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void verifyWhenUnknownChallengeThenDead() {
		assertThat(this.otps.verify("no-such-challenge", "123456")).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void issueWhenAgainWithinAMinuteThenThrottled() {
		this.otps.issue(MOBILE);
		this.clock.advance(Duration.ofSeconds(59));

		assertThatExceptionOfType(OtpThrottledException.class).isThrownBy(() -> this.otps.issue(MOBILE));
	}

	@Test
	void issueWhenAgainAfterAMinuteThenNewChallenge() {
		OtpChallenge first = this.otps.issue(MOBILE);
		this.clock.advance(Duration.ofSeconds(61));

		assertThat(this.otps.issue(MOBILE).id()).isNotEqualTo(first.id());
		assertThat(this.otps.issue(MobileNumber.parse("0311 1111111"))).isNotNull();
	}

	@Test
	void issueWhenSixthCodeWithinTheHourThenThrottled() {
		for (int i = 0; i < 5; i++) {
			this.otps.issue(MOBILE);
			this.clock.advance(Duration.ofSeconds(61));
		}

		assertThatExceptionOfType(OtpThrottledException.class).isThrownBy(() -> this.otps.issue(MOBILE));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.otps.issue(MOBILE)).isNotNull();
	}

	private static String wrong(OtpChallenge challenge) {
		return challenge.code().equals("000000") ? "000001" : "000000";
	}

	/** An {@link EphemeralStore} that expires entries by the test's clock. */
	private static final class ClockedStore implements EphemeralStore {

		private final Map<String, Entry> values = new HashMap<>();

		private final Clock clock;

		ClockedStore(Clock clock) {
			this.clock = clock;
		}

		@Override
		public void put(String key, byte[] value, Duration ttl) {
			this.values.put(key, new Entry(value, this.clock.instant().plus(ttl)));
		}

		@Override
		public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
			if (get(key).isPresent()) {
				return false;
			}
			put(key, value, ttl);
			return true;
		}

		@Override
		public Optional<byte[]> get(String key) {
			Entry entry = this.values.get(key);
			if (entry == null || !entry.expiresAt().isAfter(this.clock.instant())) {
				this.values.remove(key);
				return Optional.empty();
			}
			return Optional.of(entry.value());
		}

		@Override
		public Optional<byte[]> take(String key) {
			Optional<byte[]> value = get(key);
			this.values.remove(key);
			return value;
		}

		@Override
		public void delete(String key) {
			this.values.remove(key);
		}

		@Override
		public long increment(String key, Duration ttl) {
			Optional<byte[]> current = get(key);
			long count = current.map((bytes) -> Long.parseLong(new String(bytes))).orElse(0L) + 1;
			Instant expiresAt = current.isPresent() ? this.values.get(key).expiresAt()
					: this.clock.instant().plus(ttl);
			this.values.put(key, new Entry(Long.toString(count).getBytes(), expiresAt));
			return count;
		}

		private record Entry(byte[] value, Instant expiresAt) {
		}

	}

}
