package pk.gov.kp.khyberpass.account.password;

import java.util.List;

/**
 * A proposed password breaks the policy. The message lists only the rules' keys, never
 * the password.
 */
public final class PasswordRejectedException extends IllegalArgumentException {

	private final List<PasswordViolation> violations;

	PasswordRejectedException(List<PasswordViolation> violations) {
		super("Password rejected: " + violations.stream().map(PasswordViolation::messageKey).toList());
		this.violations = List.copyOf(violations);
	}

	/** The broken rules, at least one. */
	public List<PasswordViolation> violations() {
		return this.violations;
	}

}
