package pk.gov.kp.khyberpass.account;

import pk.gov.kp.khyberpass.account.password.FactorSetting;

/**
 * Whether an account's password is its only factor, which sets the password policy's
 * minimum length. The {@code mfa} feature, which knows the enrolled factors, supplies it,
 * so that {@code account} does not depend on {@code mfa} (which depends on
 * {@code account}).
 */
@FunctionalInterface
public interface EnrolledFactors {

	/** The factor setting the password policy applies to this account. */
	FactorSetting settingFor(AccountId account);

}
