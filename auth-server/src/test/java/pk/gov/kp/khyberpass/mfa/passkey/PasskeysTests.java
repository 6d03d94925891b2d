package pk.gov.kp.khyberpass.mfa.passkey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasskeysTests {

	@Test
	void cleanNameWhenSurroundedBySpacesThenTrimmed() {
		assertThat(Passkeys.cleanName("  My phone ")).contains("My phone");
	}

	@Test
	void cleanNameWhenBlankOrMissingThenEmpty() {
		assertThat(Passkeys.cleanName("   ")).isEmpty();
		assertThat(Passkeys.cleanName(null)).isEmpty();
	}

	@Test
	void cleanNameWhenLongerThan64ThenEmpty() {
		assertThat(Passkeys.cleanName("x".repeat(65))).isEmpty();
		assertThat(Passkeys.cleanName("x".repeat(64))).isPresent();
	}

	@Test
	void cleanNameWhenControlCharactersThenReplaced() {
		assertThat(Passkeys.cleanName("Phone\n\u0007one")).contains("Phone  one");
	}

}
