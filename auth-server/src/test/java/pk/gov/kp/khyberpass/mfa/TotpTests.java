package pk.gov.kp.khyberpass.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The RFC 6238 Appendix B SHA-1 seed. */
	static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codeWhenRfc6238VectorsThenLastSixDigitsMatch() {
		assertThat(Totp.code(SEED, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(SEED, Totp.stepAt(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(SEED, Totp.stepAt(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(SEED, Totp.stepAt(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void matchingStepWhenCodeFromPreviousOrNextStepThenAccepted() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.stepAt(now);

		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step + 1), now)).hasValue(step + 1);
	}

	@Test
	void matchingStepWhenCodeTwoStepsAwayThenRefused() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.stepAt(now);

		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, Totp.code(SEED, step + 2), now)).isEmpty();
	}

	@Test
	void matchingStepWhenWindowEdgeThenStepBoundaryRespected() {
		Instant lastSecondOfStep = Instant.ofEpochSecond(59);
		Instant firstSecondOfNext = Instant.ofEpochSecond(60);

		assertThat(Totp.matchingStep(SEED, "287082", lastSecondOfStep)).hasValue(1);
		assertThat(Totp.matchingStep(SEED, "287082", firstSecondOfNext)).hasValue(1);
		assertThat(Totp.matchingStep(SEED, "287082", Instant.ofEpochSecond(90))).isEmpty();
	}

	@Test
	void matchingStepWhenNotSixDigitsThenRefused() {
		Instant now = Instant.ofEpochSecond(59);

		assertThat(Totp.matchingStep(SEED, "28708", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, "2870821", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, "٢٨٧٠٨٢", now)).isEmpty();
		assertThat(Totp.matchingStep(SEED, "287 082", now)).hasValue(1);
	}

	@Test
	void base32WhenRoundTripThenSameBytes() {
		byte[] secret = "Hello!\u00de\u00ad\u00be\u00ef".getBytes(StandardCharsets.ISO_8859_1);

		assertThat(Base32.decode(Base32.encode(secret))).isEqualTo(secret);
		assertThat(Base32.decode("JBSWY3DPEHPK3PXP")).isEqualTo(secret);
	}

}
