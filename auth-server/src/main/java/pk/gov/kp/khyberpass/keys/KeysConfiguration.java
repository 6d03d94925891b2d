package pk.gov.kp.khyberpass.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing keys from the database: the {@link SigningKeys} service, the JWKS source the
 * authorization server publishes, the {@link JwtEncoder} that signs our tokens and the
 * {@link JwtDecoder} that verifies them, and the periodic refresh, retirement and
 * rotation.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class KeysConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	SigningKeys signingKeys(JdbcClient jdbcClient, PlatformTransactionManager transactionManager, MasterKey masterKey,
			KeysProperties properties, Clock clock, SecureRandom secureRandom, ApplicationEventPublisher events) {
		SigningKeys signingKeys = create(jdbcClient, new TransactionTemplate(transactionManager), masterKey, properties,
				clock, secureRandom, events);
		signingKeys.start();
		return signingKeys;
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys signingKeys) {
		return (selector, context) -> selector.select(signingKeys.published());
	}

	@Bean
	JwtEncoder jwtEncoder(SigningKeys signingKeys) {
		return new SigningKeyJwtEncoder(signingKeys);
	}

	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, Clock clock) {
		return createJwtDecoder(jwkSource, clock);
	}

	@Bean
	SchedulingConfigurer signingKeyMaintenance(SigningKeys signingKeys, KeysProperties properties) {
		Duration interval = properties.refreshInterval();
		return (registrar) -> registrar.addFixedDelayTask(signingKeys::maintain, interval);
	}

	/** Assembles the service outside Spring too (tests, several nodes in one JVM). */
	static SigningKeys create(JdbcClient jdbcClient, TransactionTemplate transactions, MasterKey masterKey,
			KeysProperties properties, Clock clock, SecureRandom random, ApplicationEventPublisher events) {
		SigningKeyRepository repository = new SigningKeyRepository(jdbcClient);
		// a key is NEXT for one period, ACTIVE for one, then RETIRING; a week's margin
		// for late rotations
		Duration certificateValidity = properties.rotationPeriod()
			.multipliedBy(2)
			.plus(properties.retention())
			.plusDays(7);
		SigningKeyGenerator generator = new SigningKeyGenerator(masterKey, random, certificateValidity);
		SigningKeyLifecycle lifecycle = new SigningKeyLifecycle(repository, generator, transactions, events, clock,
				properties);
		return new SigningKeys(lifecycle, repository, generator, clock);
	}

	/**
	 * Verifies tokens signed by our keys (ES256 or RS256, through Bouncy Castle) and
	 * their time claims; {@code typ}, issuer and audience are for the caller to check.
	 * The Java key of each published JWK is made once ({@link PublishedKeySelector}).
	 */
	static NimbusJwtDecoder createJwtDecoder(JWKSource<SecurityContext> jwkSource, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwtProcessorCustomizer((processor) -> {
				DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
				verifiers.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
				processor.setJWSVerifierFactory(verifiers);
				processor.setJWSKeySelector(
						new PublishedKeySelector(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), jwkSource));
			})
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(clock);
		decoder.setJwtValidator(timestamps);
		return decoder;
	}

}
