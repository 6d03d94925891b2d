package pk.gov.kp.khyberpass.sdk.spring.security;

import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassAutoConfiguration;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassServiceTokens;

/**
 * Auto-configures Khyber Pass in Spring Security for a servlet application: the
 * {@link KhyberPassSecurityConfigurer} (with the application's shared
 * {@link EndedSessions} store, if it has one), the session index for back-channel logout,
 * the {@link KhyberPassCitizenTokens} that renew the signed-in citizen's access token,
 * the {@link RequiresAssuranceLevel} interceptor, and (only when the application defines
 * no {@code SecurityFilterChain}) two default chains: the bearer-token API and the
 * signed-in browser pages.
 */
@AutoConfiguration(after = KhyberPassAutoConfiguration.class,
		before = { ServletWebSecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class },
		afterName = { "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
				"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, SecurityFilterChain.class })
@ConditionalOnBean(KhyberPassClient.class)
public final class KhyberPassWebSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KhyberPassSecurityConfigurer khyberPassSecurityConfigurer(KhyberPassClient client, KhyberPassProperties properties,
			ObjectProvider<KhyberPassAssurance> assurances, KhyberPassSessionIndex sessions,
			ObjectProvider<EndedSessions> endedSessions) {
		KhyberPassAssurance assurance = KhyberPassAssurance.none();
		for (var entry : properties.assurance().paths().entrySet()) {
			assurance = assurance.andRequire(entry.getKey()).on(entry.getValue().toArray(String[]::new));
		}
		for (KhyberPassAssurance bean : assurances.orderedStream().toList()) {
			assurance = assurance.and(bean);
		}
		return new KhyberPassSecurityConfigurer(client, properties, assurance, sessions, endedSessions.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	KhyberPassCitizenTokens khyberPassCitizenTokens(KhyberPassClient client, KhyberPassServiceTokens serviceTokens) {
		return new KhyberPassCitizenTokens(client, serviceTokens);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FindByIndexNameSessionRepository.class)
	@ConditionalOnBean(FindByIndexNameSessionRepository.class)
	static class SpringSessionIndexConfiguration {

		@Bean
		@ConditionalOnMissingBean
		KhyberPassSessionIndex khyberPassSessionIndex(FindByIndexNameSessionRepository<? extends Session> sessions) {
			return new SpringSessionKhyberPassSessionIndex(sessions);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InMemorySessionIndexConfiguration {

		// whichever of the two configurations Spring reads first, indexed Spring Session
		// sessions win
		@Bean
		@ConditionalOnMissingBean(value = KhyberPassSessionIndex.class,
				type = "org.springframework.session.FindByIndexNameSessionRepository")
		KhyberPassSessionIndex khyberPassSessionIndex() {
			return new InMemoryKhyberPassSessionIndex();
		}

	}

	/**
	 * A department that wrote its own {@code SecurityFilterChain} and has not yet given
	 * it {@code browser(http)} or {@code api(http)} starts with no Khyber Pass sign-in at
	 * all: say so once at start-up instead of leaving a sign-in form that no password
	 * passes.
	 */
	@Bean
	SmartInitializingSingleton khyberPassChainCheck(KhyberPassSecurityConfigurer khyberPass) {
		return () -> {
			if (!khyberPass.applied()) {
				LoggerFactory.getLogger(KhyberPassSecurityConfigurer.class)
					.warn("No SecurityFilterChain calls KhyberPassSecurityConfigurer.browser(http) or api(http): "
							+ "citizens cannot sign in with Khyber Pass. End your chain with browser(http) "
							+ "(docs/onboarding.md, 'A service you already have')");
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnDefaultWebSecurity
	static class DefaultSecurityFilterChainConfiguration {

		@Bean
		@Order(SecurityFilterProperties.BASIC_AUTH_ORDER - 1)
		SecurityFilterChain khyberPassApiSecurityFilterChain(HttpSecurity http,
				KhyberPassSecurityConfigurer khyberPass) {
			return khyberPass.api(http).build();
		}

		@Bean
		@Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
		SecurityFilterChain khyberPassSecurityFilterChain(HttpSecurity http, KhyberPassSecurityConfigurer khyberPass) {
			return khyberPass.browser(http).build();
		}

	}

	/**
	 * Stands in for Spring Boot's generated in-memory user (and its logged password),
	 * with the starter's chains or the department's own: citizens authenticate at Khyber
	 * Pass, never with a local password. A service that has its own users (staff, say)
	 * keeps them.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean({ AuthenticationManager.class, AuthenticationProvider.class, UserDetailsService.class })
	static class NoLocalPasswordsConfiguration {

		@Bean
		AuthenticationProvider khyberPassNoLocalPasswords() {
			return new AuthenticationProvider() {

				@Override
				public Authentication authenticate(Authentication authentication) {
					return null;
				}

				@Override
				public boolean supports(Class<?> authentication) {
					return false;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class AssuranceInterceptorConfiguration {

		@Bean
		WebMvcConfigurer khyberPassAssuranceWebMvcConfigurer(KhyberPassSecurityConfigurer khyberPass) {
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new KhyberPassAssuranceInterceptor(khyberPass.stepUp()));
				}

			};
		}

	}

}
