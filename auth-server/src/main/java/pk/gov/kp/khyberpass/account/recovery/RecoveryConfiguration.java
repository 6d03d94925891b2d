package pk.gov.kp.khyberpass.account.recovery;

import java.time.Clock;

import pk.gov.kp.khyberpass.account.AccountNotices;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.OtpChallenges;
import pk.gov.kp.khyberpass.account.sessions.CitizenSessions;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

	@Bean
	RecoveryThrottle recoveryThrottle(EphemeralStore store, MasterKey masterKey, RecoveryProperties properties) {
		return new RecoveryThrottle(store, masterKey.keyedHash("recovery-throttle"), properties);
	}

	@Bean
	RecoveryService recoveryService(AccountService accounts, OtpChallenges otps, AccountNotices notices,
			CitizenSessions sessions, ApplicationEventPublisher events, MasterKey masterKey, Clock clock) {
		return new RecoveryService(accounts, otps, notices, sessions, events, masterKey.keyedHash("recovery-audit"),
				clock);
	}

}
