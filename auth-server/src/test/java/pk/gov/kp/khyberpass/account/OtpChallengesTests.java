package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.testsupport.ClockedEphemeralStore;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OtpChallengesTests {

	private static final MobileNumber MOBILE = MobileNumber.parse("0300 7654321");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final ClockedEphemeralStore store = new ClockedEphemeralStore(this.clock);

	private final OtpChallenges otps = new OtpChallenges(this.store, new MasterKey(new byte[32], new SecureRandom()),
			new SecureRandom(), new OtpRules(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5));

	@Test
	void typedCodeWhenSixDigitsWithSpacesOrHyphensThenDigitsOnly() {
		assertThat(OtpChallenges.typedCode("123456")).contains("123456");
		assertThat(OtpChallenges.typedCode(" 123 456 ")).contains("123456");
		assertThat(OtpChallenges.typedCode("123-456")).contains("123456");
	}

	@Test
	void typedCodeWhenNotSixAsciiDigitsThenEmpty() {
		assertThat(OtpChallenges.typedCode("")).isEmpty();
		assertThat(OtpChallenges.typedCode("12345")).isEmpty();
		assertThat(OtpChallenges.typedCode("1234567")).isEmpty();
		assertThat(OtpChallenges.typedCode("12a456")).isEmpty();
		assertThat(OtpChallenges.typedCode("\u0661\u0662\u0663\u0664\u0665\u0666")).isEmpty();
	}

	@Test
	void issueWhenCalledThenSixDigitsAndOnlyAHashStored() {
		OtpChallenge challenge = this.otps.issue(MOBILE);

		assertThat(challenge.code()).matches("[0-9]{6}");
		assertThat(challenge.toString()).doesNotContain(challenge.code());
		assertThat(this.store.keys())
			.noneMatch((key) -> key.contains(challenge.code()) || key.contains(MOBILE.e164().substring(1)));
		assertThat(this.store.get("otp:" + challenge.id()).orElseThrow()).hasSize(32);
	}

	@Test
	void issueWhenEmailThenThrottledPerAddressWithoutKeepingIt() {
		EmailAddress email = EmailAddress.parse("junaid@example.pk").orElseThrow();
		OtpChallenge challenge = this.otps.issue(email);

		assertThatExceptionOfType(OtpThrottledException.class)
			.isThrownBy(() -> this.otps.issue(EmailAddress.parse("JUNAID@example.pk").orElseThrow()));
		assertThat(this.otps.issue(EmailAddress.parse("sana@example.pk").orElseThrow()).code()).matches("[0-9]{6}");
		assertThat(this.otps.issue(MOBILE).code()).matches("[0-9]{6}");
		assertThat(this.store.keys()).noneMatch((key) -> key.contains("junaid") || key.contains(challenge.code()));
		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.ACCEPTED);
		assertThat(this.otps.verify(challenge.id(), challenge.code())).isEqualTo(OtpOutcome.DEAD);
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

		assertThat(this.store.keys()).noneMatch((key) -> key.startsWith("otp-gap:") || key.startsWith("otp-hour:"));
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

}
