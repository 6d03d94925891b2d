package pk.gov.kp.khyberpass.account.password;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(15, 8, 128);

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "tarbooz aur aam garmi mein", "aaaaaaaaaaaaaaa!x",
			"میرا پاس ورڈ بہت لمبا ہے", "زما پټنوم ډېر اوږد دی", "no digits no symbols ok" })
	void checkWhenLongUncommonPasswordThenNoViolations(String password) {
		assertThat(this.policy.check(password, FactorSetting.SINGLE_FACTOR, List.of())).isEmpty();
	}

	@Test
	void checkWhenFourteenCharactersAloneThenTooShort() {
		assertThat(this.policy.check("abcdefghijklmn".replace('a', 'z'), FactorSetting.SINGLE_FACTOR, List.of()))
			.containsExactly(new PasswordViolation("password.too-short", List.of(15)));
	}

	@Test
	void checkWhenEightCharactersWithSecondFactorThenNoViolations() {
		assertThat(this.policy.check("tzq8#lkw", FactorSetting.MULTI_FACTOR, List.of())).isEmpty();
	}

	@Test
	void checkWhenSevenCharactersWithSecondFactorThenTooShort() {
		assertThat(this.policy.check("tzq8#lk", FactorSetting.MULTI_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.containsExactly("password.too-short");
	}

	@Test
	void checkWhenLengthCountedThenCodePointsNotUtf16Units() {
		String fifteenEmoji = "😀".repeat(15);

		assertThat(this.policy.check(fifteenEmoji, FactorSetting.SINGLE_FACTOR, List.of())).isEmpty();
		assertThat(this.policy.check("😀".repeat(14), FactorSetting.SINGLE_FACTOR, List.of())).isNotEmpty();
	}

	@Test
	void checkWhenLongerThanMaximumThenTooLong() {
		assertThat(this.policy.check("x".repeat(129), FactorSetting.SINGLE_FACTOR, List.of()))
			.containsExactly(new PasswordViolation("password.too-long", List.of(128)));
	}

	@Test
	void checkWhenHugeThenTooLongWithoutNormalising() {
		assertThat(this.policy.check("x".repeat(1_000_000), FactorSetting.SINGLE_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.containsExactly("password.too-long");
	}

	@Test
	void checkWhenExactlyMaximumThenNoViolations() {
		assertThat(this.policy.check("xy".repeat(64), FactorSetting.SINGLE_FACTOR, List.of())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "pakistanzindabad", "PakistanZindabad", "iloveyouiloveyou", "123456789012345",
			"qwertyuiopasdfgh", "bismillahirrahmanirrahim", "PASSWORDPASSWORD", "khyberpakhtunkhwa" })
	void checkWhenOnBlocklistThenBlocked(String password) {
		assertThat(this.policy.check(password, FactorSetting.SINGLE_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.contains("password.blocked");
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "pakistan123", "iloveyou", "qwerty123", "Pakistan786" })
	void checkWhenCommonShortPasswordWithSecondFactorThenBlocked(String password) {
		assertThat(this.policy.check(password, FactorSetting.MULTI_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.contains("password.blocked");
	}

	@Test
	void checkWhenFullwidthFormOfBlockedPasswordThenBlockedAfterNfkc() {
		assertThat(this.policy.check("ｐａｓｓｗｏｒｄ１２３", FactorSetting.MULTI_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.contains("password.blocked");
	}

	@Test
	void checkWhenContainsCnicThenContextViolation() {
		assertThat(this.policy.check("my id 1730112345675 yes", FactorSetting.SINGLE_FACTOR, List.of("1730112345675")))
			.extracting(PasswordViolation::messageKey)
			.containsExactly("password.context");
	}

	@Test
	void checkWhenContainsServiceNameThenContextViolation() {
		assertThat(this.policy.check("my KhyberPass account", FactorSetting.SINGLE_FACTOR, List.of()))
			.extracting(PasswordViolation::messageKey)
			.containsExactly("password.context");
	}

	@Test
	void checkWhenShortContextWordThenIgnored() {
		assertThat(this.policy.check("a long passphrase by ali", FactorSetting.SINGLE_FACTOR, List.of("Ali")))
			.isEmpty();
	}

	@Test
	void enforceWhenViolationsThenThrowsWithoutEchoingPassword() {
		assertThatThrownBy(() -> this.policy.enforce("pakistan123", FactorSetting.SINGLE_FACTOR, List.of()))
			.isInstanceOfSatisfying(PasswordRejectedException.class, (ex) -> {
				assertThat(ex.violations()).extracting(PasswordViolation::messageKey)
					.containsExactly("password.too-short", "password.blocked");
				assertThat(ex.getMessage()).doesNotContain("pakistan123");
			});
	}

	@Test
	void enforceWhenAcceptableThenReturns() {
		this.policy.enforce("correct horse battery staple", FactorSetting.SINGLE_FACTOR, List.of());
	}

}
