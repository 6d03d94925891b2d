package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.time.Clock;

import pk.gov.kp.khyberpass.account.password.HashingCost;
import pk.gov.kp.khyberpass.account.password.PasswordHasher;
import pk.gov.kp.khyberpass.account.password.PasswordPolicy;
import pk.gov.kp.khyberpass.cnic.CnicProtector;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	PasswordHasher passwordHasher(AccountProperties properties, SecureRandom secureRandom) {
		AccountProperties.PasswordHashing hashing = properties.passwordHashing();
		return new PasswordHasher(new HashingCost(hashing.memoryKib(), hashing.iterations(), hashing.parallelism()),
				secureRandom);
	}

	@Bean
	PasswordPolicy passwordPolicy(AccountProperties properties) {
		AccountProperties.PasswordPolicy policy = properties.passwordPolicy();
		return new PasswordPolicy(policy.minLengthSingleFactor(), policy.minLengthWithSecondFactor(),
				policy.maxLength());
	}

	@Bean
	AccountRepository accountRepository(JdbcClient jdbcClient, CnicProtector cnicProtector) {
		return new AccountRepository(jdbcClient, cnicProtector);
	}

	@Bean
	AccountService accountService(AccountRepository repository, PasswordHasher passwordHasher,
			PlatformTransactionManager transactionManager, Clock clock, SecureRandom secureRandom) {
		return new AccountService(repository, passwordHasher, new TransactionTemplate(transactionManager), clock,
				secureRandom);
	}

	@Bean
	AccountAdministration accountAdministration(AccountRepository repository, ApplicationEventPublisher events,
			Clock clock) {
		return new AccountAdministration(repository, events, clock);
	}

	@Bean
	CitizenAuthenticationProvider citizenAuthenticationProvider(AccountRepository repository,
			PasswordHasher passwordHasher, Clock clock, SecureRandom secureRandom) {
		return new CitizenAuthenticationProvider(repository, passwordHasher, clock, secureRandom);
	}

}
