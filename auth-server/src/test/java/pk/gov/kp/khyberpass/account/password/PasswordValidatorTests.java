package pk.gov.kp.khyberpass.account.password;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordValidatorTests {

	@Test
	void minimumLengthWhenSingleFactorThenUsesSingleFactorMinimum() {
		MinimumLengthValidator validator = new MinimumLengthValidator(15, 8);

		assertThat(validator.validate(candidate("x".repeat(14), FactorSetting.SINGLE_FACTOR))).isPresent();
		assertThat(validator.validate(candidate("x".repeat(15), FactorSetting.SINGLE_FACTOR))).isEmpty();
	}

	@Test
	void minimumLengthWhenMultiFactorThenUsesMultiFactorMinimum() {
		MinimumLengthValidator validator = new MinimumLengthValidator(15, 8);

		assertThat(validator.validate(candidate("x".repeat(7), FactorSetting.MULTI_FACTOR))).isPresent();
		assertThat(validator.validate(candidate("x".repeat(8), FactorSetting.MULTI_FACTOR))).isEmpty();
	}

	@Test
	void maximumLengthWhenOverThenViolation() {
		MaximumLengthValidator validator = new MaximumLengthValidator(64);

		assertThat(validator.validate(candidate("x".repeat(65), FactorSetting.SINGLE_FACTOR))).isPresent();
		assertThat(validator.validate(candidate("x".repeat(64), FactorSetting.SINGLE_FACTOR))).isEmpty();
	}

	@Test
	void blocklistWhenDifferentCaseThenViolation() {
		BlocklistValidator validator = new BlocklistValidator(Set.of("Secret Phrase"));

		assertThat(validator.validate(candidate("sECRET pHRASE", FactorSetting.SINGLE_FACTOR))).isPresent();
		assertThat(validator.validate(candidate("secret phrase!", FactorSetting.SINGLE_FACTOR))).isEmpty();
	}

	@Test
	void blocklistWhenShippedThenHoldsAboutAThousandEntries() {
		assertThat(BlocklistValidator.shipped().size()).isBetween(900, 2000);
	}

	@Test
	void contextWordsWhenContainsMobileDigitsThenViolation() {
		PasswordCandidate candidate = new PasswordCandidate("call me on 3001234567 please", FactorSetting.SINGLE_FACTOR,
				List.of("3001234567"));

		assertThat(new ContextWordsValidator().validate(candidate)).isPresent();
	}

	@Test
	void candidateToStringWhenCalledThenHidesPassword() {
		assertThat(candidate("hunter2 hunter2", FactorSetting.SINGLE_FACTOR).toString()).doesNotContain("hunter2");
	}

	private static PasswordCandidate candidate(String password, FactorSetting setting) {
		return new PasswordCandidate(password, setting, List.of());
	}

}
