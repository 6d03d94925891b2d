package pk.gov.kp.khyberpass.oidc;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ClientSecretHasherTests {

	private static final String SECRET = "kQ3v2m9Xb7Yt1Zc4Lp8Rw0Ns6Hd5Jf2Gg1Aa3Ss4Dd5";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

	private final ClientSecretHasher hasher = new ClientSecretHasher(masterKey((byte) 1), this.clock);

	@Test
	void matchesWhenRotatedThenNewAndPreviousSecretUntilGraceEnds() {
		String rotated = this.hasher.encodeRotation("new-" + SECRET, this.hasher.encode(SECRET),
				this.clock.instant().plus(Duration.ofHours(1)));

		assertThat(this.hasher.matches("new-" + SECRET, rotated)).isTrue();
		assertThat(this.hasher.matches(SECRET, rotated)).isTrue();
		assertThat(this.hasher.previousValidUntil(rotated)).contains(Instant.parse("2026-05-01T11:00:00Z"));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.hasher.matches(SECRET, rotated)).isFalse();
		assertThat(this.hasher.matches("new-" + SECRET, rotated)).isTrue();
		assertThat(this.hasher.previousValidUntil(rotated)).isEmpty();
	}

	@Test
	void encodeRotationWhenRotatedTwiceThenOnlyTheLatestPreviousSecretKept() {
		String first = this.hasher.encodeRotation("second-" + SECRET, this.hasher.encode(SECRET),
				this.clock.instant().plus(Duration.ofHours(1)));

		String second = this.hasher.encodeRotation("third-" + SECRET, first,
				this.clock.instant().plus(Duration.ofHours(1)));

		assertThat(this.hasher.matches("third-" + SECRET, second)).isTrue();
		assertThat(this.hasher.matches("second-" + SECRET, second)).isTrue();
		assertThat(this.hasher.matches(SECRET, second)).isFalse();
		assertThat(second).hasSizeLessThanOrEqualTo(200);
	}

	@Test
	void encodeWhenSecretThenPrefixedAndWithoutSecret() {
		String encoded = this.hasher.encode(SECRET);

		assertThat(encoded).matches("hmac-sha256:[A-Za-z0-9_-]{43}").doesNotContain(SECRET);
	}

	@Test
	void encodeWhenSameSecretTwiceThenSameEncoding() {
		assertThat(this.hasher.encode(SECRET)).isEqualTo(this.hasher.encode(SECRET));
	}

	@Test
	void matchesWhenOwnEncodingThenTrue() {
		assertThat(this.hasher.matches(SECRET, this.hasher.encode(SECRET))).isTrue();
	}

	@Test
	void matchesWhenWrongSecretThenFalse() {
		assertThat(this.hasher.matches(SECRET + "x", this.hasher.encode(SECRET))).isFalse();
	}

	@Test
	void matchesWhenEncodedUnderOtherMasterKeyThenFalse() {
		String foreign = new ClientSecretHasher(masterKey((byte) 2), this.clock).encode(SECRET);

		assertThat(foreign).isNotEqualTo(this.hasher.encode(SECRET));
		assertThat(this.hasher.matches(SECRET, foreign)).isFalse();
	}

	@Test
	void matchesWhenOtherEncoderFormatThenFalse() {
		assertThat(this.hasher.matches(SECRET, "{noop}" + SECRET)).isFalse();
		assertThat(this.hasher.matches(SECRET, SECRET)).isFalse();
		assertThat(this.hasher.matches(SECRET, "$2a$10$abcdefghijklmnopqrstuu")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "hmac-sha256:", "hmac-sha256:!!!not-base64!!!", "hmac-sha256:A", "hmac-sha256:AAAA",
			"hmac-sha256:====", "hmac-sha256:+/+/", "HMAC-SHA256:AAAA" })
	void matchesWhenGarbageEncodingThenFalseWithoutThrowing(String encoded) {
		assertThatNoException().isThrownBy(() -> this.hasher.matches(SECRET, encoded));
		assertThat(this.hasher.matches(SECRET, encoded)).isFalse();
	}

	@Test
	void matchesWhenNullsThenFalse() {
		assertThat(this.hasher.matches(null, this.hasher.encode(SECRET))).isFalse();
		assertThat(this.hasher.matches(SECRET, null)).isFalse();
	}

	@Test
	void matchesWhenEncodingTruncatedThenFalse() {
		String encoded = this.hasher.encode(SECRET);

		assertThat(this.hasher.matches(SECRET, encoded.substring(0, encoded.length() - 2))).isFalse();
	}

	private static MasterKey masterKey(byte fill) {
		byte[] key = new byte[32];
		Arrays.fill(key, fill);
		return new MasterKey(key, new SecureRandom());
	}

}
