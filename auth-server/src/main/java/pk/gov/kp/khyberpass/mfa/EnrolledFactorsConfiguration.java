package pk.gov.kp.khyberpass.mfa;

import pk.gov.kp.khyberpass.account.EnrolledFactors;
import pk.gov.kp.khyberpass.account.password.FactorSetting;
import pk.gov.kp.khyberpass.mfa.passkey.Passkeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells {@code account} whether a citizen's password stands alone (the password policy's
 * minimum length depends on it).
 */
@Configuration(proxyBeanMethods = false)
class EnrolledFactorsConfiguration {

	@Bean
	EnrolledFactors enrolledFactors(SecondFactors secondFactors, Passkeys passkeys) {
		return (account) -> (secondFactors.hasSecondFactor(account) || passkeys.hasPasskey(account))
				? FactorSetting.MULTI_FACTOR : FactorSetting.SINGLE_FACTOR;
	}

}
