package pk.gov.kp.khyberpass.account.password;

import java.util.Optional;

/**
 * Refuses passwords shorter than the minimum for their {@link FactorSetting}.
 */
final class MinimumLengthValidator implements PasswordValidator {

	static final String TOO_SHORT = "password.too-short";

	private final int singleFactor;

	private final int multiFactor;

	MinimumLengthValidator(int singleFactor, int multiFactor) {
		this.singleFactor = singleFactor;
		this.multiFactor = multiFactor;
	}

	@Override
	public Optional<PasswordViolation> validate(PasswordCandidate candidate) {
		int minimum = (candidate.setting() == FactorSetting.SINGLE_FACTOR) ? this.singleFactor : this.multiFactor;
		return (candidate.length() < minimum) ? Optional.of(PasswordViolation.of(TOO_SHORT, minimum))
				: Optional.empty();
	}

}
