package pk.gov.kp.khyberpass.account.password;

import java.util.Optional;

/**
 * Refuses passwords longer than the maximum (which NIST asks to be at least 64).
 */
final class MaximumLengthValidator implements PasswordValidator {

	static final String TOO_LONG = "password.too-long";

	private final int maximum;

	MaximumLengthValidator(int maximum) {
		this.maximum = maximum;
	}

	@Override
	public Optional<PasswordViolation> validate(PasswordCandidate candidate) {
		return (candidate.length() > this.maximum) ? Optional.of(PasswordViolation.of(TOO_LONG, this.maximum))
				: Optional.empty();
	}

}
