package pk.gov.kp.khyberpass.account.password;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTests {

	/**
	 * From the reference implementation (phc-winner-argon2): "password" with salt
	 * "somesalt".
	 */
	private static final String REFERENCE = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

	private final PasswordHasher hasher = new PasswordHasher(HashingCost.BASELINE, new SecureRandom());

	@Test
	void hashWhenCalledThenPhcStringWithConfiguredParameters() {
		String encoded = this.hasher.hash("correct horse battery staple");

		assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
	}

	@Test
	void hashWhenCalledThenSaltComesFromInjectedRandom() {
		PasswordHasher fixed = new PasswordHasher(HashingCost.BASELINE, new FixedRandom((byte) 7));
		byte[] salt = new byte[16];
		Arrays.fill(salt, (byte) 7);

		String encoded = fixed.hash("correct horse battery staple");

		assertThat(encoded.split("\\$")[4]).isEqualTo(Base64.getEncoder().withoutPadding().encodeToString(salt));
	}

	@Test
	void hashWhenCalledTwiceThenDifferentSalts() {
		assertThat(this.hasher.hash("same password here")).isNotEqualTo(this.hasher.hash("same password here"));
	}

	@Test
	void verifyWhenSamePasswordThenTrue() {
		String encoded = this.hasher.hash("correct horse battery staple");

		assertThat(this.hasher.verify("correct horse battery staple", encoded)).isTrue();
	}

	@Test
	void verifyWhenWrongPasswordThenFalse() {
		String encoded = this.hasher.hash("correct horse battery staple");

		assertThat(this.hasher.verify("correct horse battery stapler", encoded)).isFalse();
	}

	@Test
	void verifyWhenReferenceVectorThenTrue() {
		assertThat(this.hasher.verify("password", REFERENCE)).isTrue();
		assertThat(this.hasher.verify("Password", REFERENCE)).isFalse();
	}

	@Test
	void verifyWhenCompatibilityFormThenMatchesNfkc() {
		String encoded = this.hasher.hash("ﬁne password ①②③");

		assertThat(this.hasher.verify("fine password 123", encoded)).isTrue();
	}

	@Test
	void verifyWhenUrduPasswordThenTrue() {
		String encoded = this.hasher.hash("میرا پاس ورڈ بہت لمبا ہے");

		assertThat(this.hasher.verify("میرا پاس ورڈ بہت لمبا ہے", encoded)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plain",
			"$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
			"$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$",
			"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy" })
	void verifyWhenMalformedThenFalse(String encoded) {
		assertThat(this.hasher.verify("password", encoded)).isFalse();
	}

	@Test
	void needsRehashWhenSameParametersThenFalse() {
		assertThat(this.hasher.needsRehash(this.hasher.hash("correct horse battery staple"))).isFalse();
	}

	@Test
	void needsRehashWhenStrongerParametersThenFalse() {
		assertThat(this.hasher.needsRehash(REFERENCE)).isFalse();
	}

	@Test
	void needsRehashWhenMemoryBelowConfiguredThenTrue() {
		String weak = new PasswordHasher(new HashingCost(8192, 2, 1), new SecureRandom()).hash("pw pw pw pw");

		assertThat(this.hasher.needsRehash(weak)).isTrue();
	}

	@Test
	void needsRehashWhenIterationsBelowConfiguredThenTrue() {
		PasswordHasher raised = new PasswordHasher(new HashingCost(19456, 3, 1), new SecureRandom());

		assertThat(raised.needsRehash(this.hasher.hash("pw pw pw pw"))).isTrue();
	}

	@Test
	void needsRehashWhenMalformedThenTrue() {
		assertThat(this.hasher.needsRehash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy")).isTrue();
	}

	private static final class FixedRandom extends SecureRandom {

		private final byte fill;

		FixedRandom(byte fill) {
			this.fill = fill;
		}

		@Override
		public void nextBytes(byte[] bytes) {
			Arrays.fill(bytes, this.fill);
		}

	}

}
