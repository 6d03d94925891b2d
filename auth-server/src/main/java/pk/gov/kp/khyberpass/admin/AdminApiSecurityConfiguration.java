package pk.gov.kp.khyberpass.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * The admin API's filter chain: an OAuth 2.0 resource server that accepts only access
 * tokens this server signed ({@code typ: at+jwt}, our issuer, verified with the server's
 * own keys), and lets each endpoint through only for the roles listed here. No token or a
 * bad one: 401 with {@code WWW-Authenticate}; a genuine token without the right client,
 * audience, assurance level or role: 403. Neither carries data.
 */
@Configuration(proxyBeanMethods = false)
class AdminApiSecurityConfiguration {

	static final String SECURITY_ADMIN = AdminRole.SECURITY_ADMIN.authority();

	static final String HELPDESK = AdminRole.HELPDESK.authority();

	static final String AUDITOR = AdminRole.AUDITOR.authority();

	/**
	 * Before the authorization server (order 1) and the pages (order 2); the paths do not
	 * overlap.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain adminApiFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, OidcProperties oidc,
			AdminProperties properties, AdminRoles roles, AccessTokenCutoff cutoff) throws Exception {
		AdminTokenConverter converter = new AdminTokenConverter(properties.consoleClientId(),
				properties.audienceFor(oidc.issuer()), roles);
		http.securityMatcher("/admin/api/**")
			.authorizeHttpRequests((authorize) -> authorize.requestMatchers(HttpMethod.GET, "/admin/api/openapi.json")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/admin/api/me")
				.hasAnyAuthority(SECURITY_ADMIN, HELPDESK, AUDITOR)
				// counts only, no personal data: helpdesk too sees a surge of locks
				.requestMatchers(HttpMethod.GET, "/admin/api/stats")
				.hasAnyAuthority(SECURITY_ADMIN, HELPDESK, AUDITOR)
				.requestMatchers(HttpMethod.GET, "/admin/api/clients", "/admin/api/clients/*", "/admin/api/keys")
				.hasAnyAuthority(SECURITY_ADMIN, AUDITOR)
				.requestMatchers("/admin/api/clients", "/admin/api/clients/**", "/admin/api/keys/**")
				.hasAuthority(SECURITY_ADMIN)
				// what citizens read on the consent page: only the team that registers
				// clients describes scopes
				.requestMatchers("/admin/api/scopes", "/admin/api/scopes/**")
				.hasAuthority(SECURITY_ADMIN)
				.requestMatchers(HttpMethod.POST, "/admin/api/citizens/*/cnic")
				.hasAuthority(SECURITY_ADMIN)
				.requestMatchers("/admin/api/citizens", "/admin/api/citizens/**")
				.hasAnyAuthority(SECURITY_ADMIN, HELPDESK)
				.requestMatchers(HttpMethod.GET, "/admin/api/audit", "/admin/api/audit/export",
						"/admin/api/audit/verify")
				.hasAnyAuthority(SECURITY_ADMIN, AUDITOR)
				.requestMatchers("/admin/api/admins", "/admin/api/admins/**")
				.hasAuthority(SECURITY_ADMIN)
				.anyRequest()
				.denyAll())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(adminTokens(jwtDecoder, oidc, cutoff)).jwtAuthenticationConverter(converter)))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * The server's decoder (our keys, time claims), narrowed to our own access tokens (an
	 * ID token or a logout token signed by the same keys is not an access token, RFC 9068
	 * §4) that were not issued before their subject was signed out everywhere.
	 */
	static JwtDecoder adminTokens(JwtDecoder serverDecoder, OidcProperties oidc, AccessTokenCutoff cutoff) {
		String issuer = oidc.issuer().toString();
		return (token) -> {
			Jwt jwt = serverDecoder.decode(token);
			if (!"at+jwt".equals(jwt.getHeaders().get("typ"))) {
				throw new BadJwtException("Not an access token");
			}
			if (jwt.getIssuer() == null || !issuer.equals(jwt.getIssuer().toString())) {
				throw new BadJwtException("Not issued by this server");
			}
			if (cutoff.isCutOff(jwt)) {
				throw new BadJwtException("Issued before its subject was signed out everywhere");
			}
			return jwt;
		};
	}

}
