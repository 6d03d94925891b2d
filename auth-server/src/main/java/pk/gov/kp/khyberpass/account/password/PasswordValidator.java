package pk.gov.kp.khyberpass.account.password;

import java.util.Optional;

/**
 * One password rule. The rules are composed in {@link PasswordPolicy}.
 */
interface PasswordValidator {

	/** The rule's complaint about {@code candidate}, or empty when it passes. */
	Optional<PasswordViolation> validate(PasswordCandidate candidate);

}
