package pk.gov.kp.khyberpass.account;

import java.util.List;

import pk.gov.kp.khyberpass.account.password.FactorSetting;
import pk.gov.kp.khyberpass.account.password.PasswordPolicy;
import pk.gov.kp.khyberpass.account.password.PasswordViolation;

import org.springframework.stereotype.Component;

/**
 * Checks a new password typed twice on a form (registration, password change, recovery)
 * against the password policy, with the minimum length the account's enrolled factors
 * call for and the citizen's own details as context words.
 */
@Component
public final class NewPasswordValidator {

	private final PasswordPolicy policy;

	private final EnrolledFactors factors;

	NewPasswordValidator(PasswordPolicy policy, EnrolledFactors factors) {
		this.policy = policy;
		this.factors = factors;
	}

	/**
	 * Adds an error for field {@code password} or {@code confirmPassword} when the new
	 * password may not be used.
	 */
	public void check(Account account, String password, String confirmation, FormErrors errors) {
		check(password, confirmation, this.factors.settingFor(account.id()), account.passwordContextWords(), errors);
	}

	/**
	 * As {@link #check(Account, String, String, FormErrors)}, before there is an account
	 * (registration): with the factor setting and the context words given.
	 */
	public void check(String password, String confirmation, FactorSetting setting, List<String> contextWords,
			FormErrors errors) {
		if (password.isEmpty()) {
			errors.add("password", "register.password.required");
			return;
		}
		List<PasswordViolation> violations = this.policy.check(password, setting, contextWords);
		if (!violations.isEmpty()) {
			PasswordViolation first = violations.get(0);
			errors.add("password", first.messageKey(), first.arguments().toArray());
		}
		else if (!password.equals(confirmation)) {
			errors.add("confirmPassword", "register.password.mismatch");
		}
	}

}
