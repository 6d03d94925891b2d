package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.notify.SmsGateway;
import pk.gov.kp.khyberpass.protection.SignInThrottle;

/**
 * Wires passkeys. The relying party comes from the issuer, so RP ID and origin can never
 * disagree with it.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PasskeyCeremonies passkeyCeremonies(AuthorizationServerSettings settings, EphemeralStore ephemeral,
			SecureRandom secureRandom, PasskeyProperties properties) {
		return new PasskeyCeremonies(RelyingParty.of(URI.create(settings.getIssuer())),
				new PasskeyChallenges(ephemeral, secureRandom, properties.challengeTtl()));
	}

	@Bean
	PasskeyRepository passkeyRepository(JdbcClient jdbc) {
		return new PasskeyRepository(jdbc);
	}

	@Bean
	PasskeyNotifications passkeyNotifications(ApplicationEventPublisher events, SmsGateway sms,
			MessageSource messageSource, Clock clock) {
		return new PasskeyNotifications(events, sms, messageSource, clock);
	}

	@Bean
	Passkeys passkeys(PasskeyRepository repository, PasskeyCeremonies ceremonies, PasskeyNotifications notifications,
			PasskeyProperties properties, Clock clock, SecureRandom secureRandom) {
		return new Passkeys(repository, ceremonies, notifications, properties, clock, secureRandom);
	}

	@Bean
	PasskeyAssertions passkeyAssertions(PasskeyRepository repository, PasskeyCeremonies ceremonies,
			AccountService accounts, SignInThrottle throttle, PasskeyNotifications notifications,
			EphemeralStore ephemeral, PasskeyProperties properties, Clock clock) {
		return new PasskeyAssertions(repository, ceremonies, accounts, throttle, notifications, ephemeral, properties,
				clock);
	}

	@Bean
	PasskeySessions passkeySessions(Clock clock) {
		return new PasskeySessions(clock);
	}

}
