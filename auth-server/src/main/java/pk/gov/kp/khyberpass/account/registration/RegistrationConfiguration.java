package pk.gov.kp.khyberpass.account.registration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.OtpRules;
import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.notify.SmsGateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class RegistrationConfiguration {

	@Bean
	@ConditionalOnProperty(name = "khyberpass.registration.civil-registry", havingValue = "synthetic",
			matchIfMissing = true)
	CivilRegistry syntheticCivilRegistry(RegistrationProperties properties, ResourceLoader resources) {
		try (InputStream in = resources.getResource(properties.syntheticRecords()).getInputStream()) {
			return SyntheticCivilRegistry.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + properties.syntheticRecords(), ex);
		}
	}

	@Bean
	@ConditionalOnProperty(name = "khyberpass.registration.civil-registry", havingValue = "http")
	CivilRegistry httpCivilRegistry(RegistrationProperties properties) {
		RegistrationProperties.RegistryHttp http = properties.registryHttp();
		if (http.endpoint() == null) {
			throw new IllegalStateException(
					"khyberpass.registration.civil-registry=http needs khyberpass.registration.registry-http.endpoint");
		}
		return new HttpCivilRegistry(HttpClient.newBuilder().connectTimeout(http.timeout()).build(), http.endpoint(),
				http.timeout());
	}

	@Bean
	OtpChallenges otpChallenges(EphemeralStore store, MasterKey masterKey, SecureRandom secureRandom,
			RegistrationProperties properties) {
		RegistrationProperties.Otp otp = properties.otp();
		return new OtpChallenges(store, masterKey, secureRandom,
				new OtpRules(otp.ttl(), otp.maxAttempts(), otp.resendInterval(), otp.maxPerHour()));
	}

	@Bean
	RegistrationService registrationService(CivilRegistry registry, AccountService accounts, PasswordHasher hasher,
			OtpChallenges otps, SmsGateway sms) {
		return new RegistrationService(registry, accounts, hasher, otps, sms);
	}

}
