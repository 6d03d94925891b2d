package pk.gov.kp.khyberpass.protection;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import pk.gov.kp.khyberpass.account.CitizenAuthenticationProvider;

/**
 * The citizen-facing pages: form sign-in, static assets, health probes, and the security
 * headers every page carries (a strict Content-Security-Policy with no inline script or
 * style).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/**
	 * No {@code form-action}: browsers apply it to the redirects that follow a form post
	 * too, and the sign-in and consent forms end in a redirect to the department's
	 * registered URI.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain pagesFilterChain(HttpSecurity http, ThrottledSignInProvider signIn, LogoutHandler singleLogout)
			throws Exception {
		http.authenticationProvider(signIn)
			.authorizeHttpRequests((authorize) -> authorize
				// /register itself, not only below it; /dev/** exists only in the
				// development default (the SMS outbox).
				.requestMatchers("/login", "/login/passkey", "/login/passkey/options", "/register", "/register/**",
						"/recover", "/recover/**", "/dev/**", "/error", "/css/**", "/js/**", "/img/**", "/favicon.ico",
						"/actuator/health/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.defaultSuccessUrl("/account")
				.failureHandler(new SignInFailureHandler())
				.permitAll())
			.logout((logout) -> logout.addLogoutHandler(singleLogout).logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	/**
	 * Before every other filter, so that a waiting request holds no session, context or
	 * observation.
	 */
	@Bean
	FilterRegistrationBean<CpuBoundRequestsFilter> cpuBoundRequestsFilter(ProtocolConcurrencyProperties properties) {
		FilterRegistrationBean<CpuBoundRequestsFilter> registration = new FilterRegistrationBean<>(
				new CpuBoundRequestsFilter(properties.effectiveLimit(), properties.maxWait()));
		registration.addUrlPatterns(CpuBoundRequestsFilter.URL_PATTERNS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * No Spring Security observations at all, not even no-op ones: disabling them by name
	 * ({@code management.observations.enable.spring.security}) still left every filter
	 * wrapped in an observation decorator, about a tenth of a token request's CPU
	 * (docs/performance.md).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ThrottledSignInProvider throttledSignInProvider(CitizenAuthenticationProvider passwords, SignInThrottle throttle) {
		return new ThrottledSignInProvider(passwords, throttle);
	}

	/**
	 * The Khyber Pass security headers, on every filter chain (Spring Security applies a
	 * {@code Customizer} bean of a configurer to each {@code HttpSecurity}): the
	 * authorization server's own error pages, such as an authorization request from an
	 * unknown client, carry them too.
	 */
	@Bean
	Customizer<HeadersConfigurer<HttpSecurity>> securityHeaders() {
		return (headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.frameOptions((frame) -> frame.deny());
	}

}
