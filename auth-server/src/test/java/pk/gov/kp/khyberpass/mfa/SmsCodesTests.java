package pk.gov.kp.khyberpass.mfa;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpOutcome;
import pk.gov.kp.khyberpass.account.OtpRules;
import pk.gov.kp.khyberpass.account.OtpThrottledException;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.ClockedEphemeralStore;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SmsCodesTests {

	private static final AccountId ACCOUNT = new AccountId(UUID.fromString("6f1c1f5e-3a8e-4c61-9d4c-0c3f2b7a9e10"));

	private static final MobileNumber MOBILE = MobileNumber.parse("0300 7654321");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final ClockedEphemeralStore store = new ClockedEphemeralStore(this.clock);

	private final List<SmsMessage> sent = new ArrayList<>();

	private final SmsCodes codes = new SmsCodes(
			new OtpChallenges(this.store, new MasterKey(new byte[32], new SecureRandom()), new SecureRandom(),
					new OtpRules(Duration.ofMinutes(5), 5, Duration.ofSeconds(60), 5)),
			this.store, this.sent::add, messages());

	@Test
	void sendWhenAskedThenSixDigitCodeGoesToTheNumberInTheCitizensLanguage() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		this.codes.send(ACCOUNT, MobileNumber.parse("0311 1111111"), SmsCodes.Purpose.SIGN_IN,
				Locale.forLanguageTag("ur"));

		assertThat(this.sent.get(0).to()).isEqualTo(MOBILE.e164());
		assertThat(this.sent.get(0).text()).matches("Khyber Pass code: [0-9]{6}\\. It expires in 5 minutes\\..*");
		assertThat(this.sent.get(1).text()).startsWith("خیبر پاس کوڈ: ").contains(code(1));
		assertThat(this.store.keys()).noneMatch((key) -> key.contains(code(0)));
	}

	@Test
	void checkWhenRightCodeThenAcceptedOnlyOnce() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.ACCEPTED);
		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void checkWhenJustUnderFiveMinutesOldThenAccepted() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		this.clock.advance(Duration.ofMinutes(5).minusSeconds(1));

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void checkWhenExactlyFiveMinutesOldThenDead() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		this.clock.advance(Duration.ofMinutes(5));

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.DEAD);
	}

	@Test
	void checkWhenFourWrongCodesThenTheRightOneStillWorks() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		for (int i = 0; i < 4; i++) {
			assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, wrong(code(0))))
				.isEqualTo(OtpOutcome.WRONG_CODE);
		}

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void checkWhenFifthWrongCodeThenChallengeDeadEvenForTheRightCode() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		for (int i = 0; i < 4; i++) {
			this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, wrong(code(0)));
		}

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, wrong(code(0)))).isEqualTo(OtpOutcome.DEAD);
		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.DEAD);
		assertThat(this.codes.pending(ACCOUNT, SmsCodes.Purpose.SIGN_IN)).isFalse();
	}

	@Test
	void sendWhenAgainWithinAMinuteThenThrottledAndNoSecondSms() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		this.clock.advance(Duration.ofSeconds(59));

		assertThatExceptionOfType(OtpThrottledException.class)
			.isThrownBy(() -> this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH));
		assertThat(this.sent).hasSize(1);
	}

	@Test
	void sendWhenAgainAfterAMinuteThenNewCodeReplacesTheOldOne() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		this.clock.advance(Duration.ofSeconds(61));
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);

		if (!code(0).equals(code(1))) {
			assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.WRONG_CODE);
		}
		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(1))).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void sendWhenSixthCodeWithinTheHourThenThrottled() {
		for (int i = 0; i < 5; i++) {
			this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
			this.clock.advance(Duration.ofSeconds(61));
		}

		assertThatExceptionOfType(OtpThrottledException.class)
			.isThrownBy(() -> this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH));
	}

	@Test
	void checkWhenEnrolmentCodeUsedToSignInThenRefused() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.ENROLMENT, Locale.ENGLISH);

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, code(0))).isEqualTo(OtpOutcome.DEAD);
		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.ENROLMENT, code(0))).isEqualTo(OtpOutcome.ACCEPTED);
	}

	@Test
	void checkWhenCodeTypedWithSpacesThenAccepted() {
		this.codes.send(ACCOUNT, MOBILE, SmsCodes.Purpose.SIGN_IN, Locale.ENGLISH);
		String spaced = code(0).substring(0, 3) + " " + code(0).substring(3);

		assertThat(this.codes.check(ACCOUNT, SmsCodes.Purpose.SIGN_IN, spaced)).isEqualTo(OtpOutcome.ACCEPTED);
	}

	private String code(int message) {
		return this.sent.get(message).text().replaceAll("(?s)^[^0-9]*([0-9]{6}).*$", "$1");
	}

	private static String wrong(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
