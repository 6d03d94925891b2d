package pk.gov.kp.khyberpass.sdk.spring;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.FindByIndexNameSessionRepository;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.SessionRenewals;
import pk.gov.kp.khyberpass.sdk.spring.redis.KhyberPassRedisAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.redis.RedisEndedSessions;
import pk.gov.kp.khyberpass.sdk.spring.redis.RedisReplayStore;
import pk.gov.kp.khyberpass.sdk.spring.redis.RedisSessionRenewals;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassSecurityConfigurer;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassSessionIndex;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassWebSecurityAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The auto-configuration: what it defines from the three properties, when it backs off,
 * and how it reports wrong properties.
 */
class KhyberPassAutoConfigurationTests {

	private static final String[] MINIMUM = { "khyberpass.issuer=https://login.kp.gov.pk",
			"khyberpass.client-id=motor-vehicles", "khyberpass.client-secret=s3cret" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KhyberPassAutoConfiguration.class));

	private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KhyberPassAutoConfiguration.class,
				KhyberPassWebSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
				ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class));

	@Test
	void contextWhenThreePropertiesThenClientAndServiceTokens() {
		this.runner.withPropertyValues(MINIMUM).run((context) -> {
			assertThat(context).hasSingleBean(KhyberPassClient.class).hasSingleBean(KhyberPassServiceTokens.class);
			KhyberPassClient client = context.getBean(KhyberPassClient.class);
			assertThat(client.issuer()).isEqualTo("https://login.kp.gov.pk");
			assertThat(client.clientId()).isEqualTo("motor-vehicles");
			KhyberPassProperties properties = context.getBean(KhyberPassProperties.class);
			assertThat(properties.callbackPath()).isEqualTo("/login/khyberpass/callback");
			assertThat(properties.backchannelLogoutPath()).isEqualTo("/logout/backchannel");
			assertThat(properties.apiPaths()).containsExactly("/api/**");
			assertThat(properties.scopes()).containsExactly("openid", "profile");
		});
	}

	@Test
	void contextWhenServletApplicationThenDefaultChainsAndNoGeneratedPassword() {
		this.webRunner.withPropertyValues(MINIMUM).run((context) -> {
			assertThat(context).hasBean("khyberPassApiSecurityFilterChain")
				.hasBean("khyberPassSecurityFilterChain")
				.hasSingleBean(KhyberPassSecurityConfigurer.class)
				.doesNotHaveBean(InMemoryUserDetailsManager.class);
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
		});
	}

	@Test
	void contextWhenApplicationDefinesSecurityFilterChainThenDefaultChainsBackOff() {
		this.webRunner.withPropertyValues(MINIMUM).withUserConfiguration(OwnChain.class).run((context) -> {
			assertThat(context).doesNotHaveBean("khyberPassSecurityFilterChain")
				.doesNotHaveBean("khyberPassApiSecurityFilterChain")
				.hasBean("ownChain")
				.hasSingleBean(KhyberPassSecurityConfigurer.class);
		});
	}

	@Test
	void contextWhenApplicationDefinesClientThenClientBacksOff() {
		this.runner.withPropertyValues(MINIMUM).withUserConfiguration(OwnClient.class).run((context) -> {
			assertThat(context).hasSingleBean(KhyberPassClient.class);
			assertThat(context.getBean(KhyberPassClient.class).clientId()).isEqualTo("own-client");
		});
	}

	@Test
	void contextWhenIssuerMissingThenFailureNamesProperty() {
		this.runner.withPropertyValues("khyberpass.client-id=motor-vehicles", "khyberpass.client-secret=s3cret")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new InvalidKhyberPassPropertiesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("khyberpass.issuer is not set");
				assertThat(analysis.getAction()).contains("KHYBERPASS_ISSUER");
			});
	}

	@Test
	void contextWhenNothingConfiguredThenFailureNamesIssuer() {
		this.runner.run((context) -> assertThat(
				new InvalidKhyberPassPropertiesFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
			.contains("khyberpass.issuer"));
	}

	@Test
	void contextWhenSecretMissingThenFailureNamesClientSecret() {
		this.runner.withPropertyValues("khyberpass.issuer=https://login.kp.gov.pk", "khyberpass.client-id=x")
			.run((context) -> assertThat(
					new InvalidKhyberPassPropertiesFailureAnalyzer().analyze(context.getStartupFailure())
						.getDescription())
				.contains("khyberpass.client-secret is not set"));
	}

	@Test
	void contextWhenPrivateKeyJwtWithoutKeyThenFailureNamesPrivateKey() {
		this.runner
			.withPropertyValues("khyberpass.issuer=https://login.kp.gov.pk", "khyberpass.client-id=x",
					"khyberpass.client-authentication=private-key-jwt")
			.run((context) -> assertThat(
					new InvalidKhyberPassPropertiesFailureAnalyzer().analyze(context.getStartupFailure())
						.getDescription())
				.contains("khyberpass.private-key is not set"));
	}

	@Test
	void contextWhenAssurancePathsThenBoundPerLevel() {
		this.runner.withPropertyValues(MINIMUM)
			.withPropertyValues("khyberpass.assurance.paths.loa2=/pay/**,/fines/**",
					"khyberpass.post-logout-redirect-uri=https://vehicles.kp.gov.pk/")
			.run((context) -> {
				KhyberPassProperties properties = context.getBean(KhyberPassProperties.class);
				assertThat(properties.assurance().paths()).containsEntry(AssuranceLevel.LOA2,
						java.util.List.of("/pay/**", "/fines/**"));
				assertThat(properties.postLogoutRedirectUri()).isEqualTo(URI.create("https://vehicles.kp.gov.pk/"));
			});
	}

	@Test
	void contextWhenStringRedisTemplateThenLogoutStateSharedThroughRedis() {
		this.runner.withConfiguration(AutoConfigurations.of(KhyberPassRedisAutoConfiguration.class))
			.withPropertyValues(MINIMUM)
			.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(mock(RedisConnectionFactory.class)))
			.run((context) -> {
				assertThat(context).hasSingleBean(KhyberPassClient.class);
				assertThat(context.getBean(ReplayStore.class)).isInstanceOf(RedisReplayStore.class);
				assertThat(context.getBean(EndedSessions.class)).isInstanceOf(RedisEndedSessions.class);
				assertThat(context.getBean(SessionRenewals.class)).isInstanceOf(RedisSessionRenewals.class);
			});
	}

	@Test
	void contextWhenNoStringRedisTemplateThenNoSharedStores() {
		this.runner.withConfiguration(AutoConfigurations.of(KhyberPassRedisAutoConfiguration.class))
			.withPropertyValues(MINIMUM)
			.run((context) -> assertThat(context).hasSingleBean(KhyberPassClient.class)
				.doesNotHaveBean(ReplayStore.class)
				.doesNotHaveBean(EndedSessions.class)
				.doesNotHaveBean(SessionRenewals.class));
	}

	@Test
	void contextWhenSpringDataRedisAbsentThenStarterStillStarts() {
		this.runner.withConfiguration(AutoConfigurations.of(KhyberPassRedisAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
			.withPropertyValues(MINIMUM)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(KhyberPassClient.class)
				.doesNotHaveBean(ReplayStore.class));
	}

	@Test
	void contextWhenApplicationDefinesReplayStoreThenRedisOneBacksOff() {
		ReplayStore own = ReplayStore.inMemory(100, java.time.Clock.systemUTC());
		this.runner.withConfiguration(AutoConfigurations.of(KhyberPassRedisAutoConfiguration.class))
			.withPropertyValues(MINIMUM)
			.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(mock(RedisConnectionFactory.class)))
			.withBean(ReplayStore.class, () -> own)
			.run((context) -> assertThat(context.getBean(ReplayStore.class)).isSameAs(own));
	}

	@Test
	void contextWhenApplicationDefinesSessionRenewalsThenRedisOneBacksOff() {
		SessionRenewals own = mock(SessionRenewals.class);
		this.runner.withConfiguration(AutoConfigurations.of(KhyberPassRedisAutoConfiguration.class))
			.withPropertyValues(MINIMUM)
			.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(mock(RedisConnectionFactory.class)))
			.withBean(SessionRenewals.class, () -> own)
			.run((context) -> assertThat(context.getBean(SessionRenewals.class)).isSameAs(own));
	}

	@Test
	void contextWhenIndexedSpringSessionRepositoryThenSessionIndexUsesIt() {
		this.webRunner.withPropertyValues(MINIMUM)
			.withBean(FindByIndexNameSessionRepository.class, () -> mock(FindByIndexNameSessionRepository.class))
			.run((context) -> assertThat(context.getBean(KhyberPassSessionIndex.class).getClass().getSimpleName())
				.isEqualTo("SpringSessionKhyberPassSessionIndex"));
	}

	@Test
	void contextWhenNoSpringSessionThenSessionIndexInMemory() {
		this.webRunner.withPropertyValues(MINIMUM)
			.run((context) -> assertThat(context.getBean(KhyberPassSessionIndex.class).getClass().getSimpleName())
				.isEqualTo("InMemoryKhyberPassSessionIndex"));
	}

	@Test
	void contextWhenServletApplicationThenCitizenTokens() {
		this.webRunner.withPropertyValues(MINIMUM)
			.run((context) -> assertThat(context).hasSingleBean(KhyberPassCitizenTokens.class));
	}

	@Test
	void contextWhenRefreshMarginAboveTenMinutesThenFailureNamesProperty() {
		this.runner.withPropertyValues(MINIMUM)
			.withPropertyValues("khyberpass.session-token-refresh-margin=11m")
			.run((context) -> assertThat(
					new InvalidKhyberPassPropertiesFailureAnalyzer().analyze(context.getStartupFailure())
						.getDescription())
				.contains("khyberpass.session-token-refresh-margin"));
	}

	@Test
	void contextWhenDefaultsThenRefreshMarginAndRetention() {
		this.runner.withPropertyValues(MINIMUM).run((context) -> {
			KhyberPassProperties properties = context.getBean(KhyberPassProperties.class);
			assertThat(properties.sessionTokenRefreshMargin()).isEqualTo(java.time.Duration.ofSeconds(30));
			assertThat(properties.endedSessionRetention()).isEqualTo(java.time.Duration.ofHours(24));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		KhyberPassClient ownClient() {
			return KhyberPassClient
				.builder(URI.create("https://login.kp.gov.pk"), "own-client", ClientAuthentication.none())
				.build();
		}

	}

}
