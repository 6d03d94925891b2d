package pk.gov.kp.khyberpass.account.password;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The password rules of NIST SP 800-63B-4 §3.1.1.2, composed here in one place: a minimum
 * length that depends on whether the password is the only factor, a maximum length, no
 * composition rules, no common or compromised passwords, no context-specific words.
 * Passwords are NFKC-normalised before they are judged, exactly as {@link PasswordHasher}
 * does before hashing.
 *
 * @see <a href="https://pages.nist.gov/800-63-4/sp800-63b.html#password">NIST SP
 * 800-63B-4 §3.1.1.2</a>
 */
public final class PasswordPolicy {

	private final int maxLength;

	private final List<PasswordValidator> validators;

	/**
	 * Creates the policy with the shipped blocklist.
	 * @param minLengthSingleFactor minimum when the password is the only factor
	 * @param minLengthWithSecondFactor minimum when a second factor is always required
	 * @param maxLength maximum
	 */
	public PasswordPolicy(int minLengthSingleFactor, int minLengthWithSecondFactor, int maxLength) {
		this.maxLength = maxLength;
		this.validators = List.of(new MaximumLengthValidator(maxLength),
				new MinimumLengthValidator(minLengthSingleFactor, minLengthWithSecondFactor),
				BlocklistValidator.shipped(), new ContextWordsValidator());
	}

	/**
	 * Judges a proposed password.
	 * @param password the password as typed
	 * @param setting whether it will be the only factor
	 * @param contextWords the citizen's own identifiers it must not contain (CNIC digits,
	 * mobile number, name parts)
	 * @return the broken rules, empty when the password is acceptable
	 */
	public List<PasswordViolation> check(String password, FactorSetting setting, Collection<String> contextWords) {
		if (password.length() > 4 * this.maxLength) {
			return List.of(PasswordViolation.of(MaximumLengthValidator.TOO_LONG, this.maxLength));
		}
		PasswordCandidate candidate = new PasswordCandidate(Normalizer.normalize(password, Normalizer.Form.NFKC),
				setting, List.copyOf(contextWords));
		return this.validators.stream()
			.map((validator) -> validator.validate(candidate))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Like {@link #check} but throws.
	 * @throws PasswordRejectedException if the password breaks any rule
	 */
	public void enforce(String password, FactorSetting setting, Collection<String> contextWords) {
		List<PasswordViolation> violations = check(password, setting, contextWords);
		if (!violations.isEmpty()) {
			throw new PasswordRejectedException(violations);
		}
	}

}
