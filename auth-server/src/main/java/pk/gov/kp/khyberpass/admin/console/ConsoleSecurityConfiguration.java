package pk.gov.kp.khyberpass.admin.console;

import java.security.SecureRandom;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import pk.gov.kp.khyberpass.admin.AdminProperties;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;
import pk.gov.kp.khyberpass.oidc.OidcProperties;

/**
 * The admin console's filter chain: the console is an OpenID Connect client of this very
 * server (code flow with PKCE, {@code acr_values=urn:kp:loa:3}, so the administrator uses
 * a passkey). Its sign-in lives under its own session attribute, apart from the citizen
 * sign-in that the server keeps in the same session, so signing in to (or out of) the
 * console never changes who the citizen pages think is signed in.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

	static final String REGISTRATION_ID = "khyberpass";

	static final String CONTEXT_ATTRIBUTE = "KHYBERPASS_ADMIN_CONSOLE_SECURITY_CONTEXT";

	static final String SAVED_REQUEST_ATTRIBUTE = "KHYBERPASS_ADMIN_CONSOLE_SAVED_REQUEST";

	/**
	 * The callback path, registered with the console client as the issuer followed by it.
	 */
	static final String CALLBACK = "/admin/callback";

	static final String AUTHORIZATION_BASE = "/admin/console/oauth2/authorization";

	/**
	 * As the citizen pages, plus {@code form-action 'self'}: no console form posts
	 * anywhere else.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * Before the authorization server (order 1) and the citizen pages (order 2); the
	 * paths do not overlap.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain adminConsoleFilterChain(HttpSecurity http, ClientRegistrationRepository consoleRegistrations,
			OAuth2AuthorizedClientRepository consoleAuthorizedClients) throws Exception {
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey(CONTEXT_ATTRIBUTE);
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName(SAVED_REQUEST_ATTRIBUTE);
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setRequestCache(requests);
		success.setDefaultTargetUrl("/admin/console");
		DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
				consoleRegistrations, AUTHORIZATION_BASE);
		authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
			.andThen((request) -> request
				.additionalParameters((parameters) -> parameters.put("acr_values", AssuranceLevels.LOA3))));
		http.securityMatcher("/admin/console", "/admin/console/**", CALLBACK, "/webjars/**")
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/webjars/**", "/admin/console/signed-out", "/admin/console/expired")
				.permitAll()
				.anyRequest()
				.authenticated())
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requests))
			// The sign-in at the server renewed the session id a moment before, in the
			// same flow; renewing it
			// again here would orphan the server's record of that session (its sid) for
			// single logout.
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.none()))
			.oauth2Login((login) -> login.clientRegistrationRepository(consoleRegistrations)
				.authorizedClientRepository(consoleAuthorizedClients)
				.loginPage(AUTHORIZATION_BASE + "/" + REGISTRATION_ID)
				.authorizationEndpoint((endpoint) -> endpoint.baseUri(AUTHORIZATION_BASE)
					.authorizationRequestResolver(authorizationRequests))
				.redirectionEndpoint((endpoint) -> endpoint.baseUri(CALLBACK))
				.successHandler(success)
				.failureUrl("/admin/console/expired?failed"))
			.logout((logout) -> logout.logoutUrl("/admin/console/sign-out")
				.invalidateHttpSession(false)
				.addLogoutHandler((request, response, authentication) -> forget(consoleAuthorizedClients,
						authentication, request, response))
				.logoutSuccessUrl("/admin/console/signed-out"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	private static void forget(OAuth2AuthorizedClientRepository clients, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		if (authentication != null) {
			clients.removeAuthorizedClient(REGISTRATION_ID, authentication, request, response);
		}
	}

	/**
	 * The provider's endpoints follow from the issuer: no discovery call to ourselves at
	 * start-up.
	 */
	@Bean
	ClientRegistrationRepository consoleRegistrations(OidcProperties oidc, AdminProperties admin,
			ConsoleProperties console) {
		String issuer = stripSlash(oidc.issuer().toString());
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(admin.consoleClientId())
			.clientSecret((console.clientSecret() != null) ? console.clientSecret() : "")
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(issuer + CALLBACK)
			.scope("openid")
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(issuer + "/oauth2/token")
			.jwkSetUri(issuer + "/oauth2/jwks")
			.issuerUri(issuer)
			.userNameAttributeName("sub")
			.clientName("Khyber Pass admin console")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
		HttpSessionOAuth2AuthorizedClientRepository repository = new HttpSessionOAuth2AuthorizedClientRepository();
		return repository;
	}

	/**
	 * Refreshes an expired access token with the refresh token, once per refresh token
	 * however many requests of the session need it at once ({@link ConsoleTokenRefresh});
	 * fails when the admin must sign in again.
	 */
	@Bean
	OAuth2AuthorizedClientManager consoleAuthorizedClientManager(ClientRegistrationRepository consoleRegistrations,
			OAuth2AuthorizedClientRepository consoleAuthorizedClients, EphemeralStore ephemeral, SecureRandom random,
			Clock clock) {
		RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
		refresh.setClock(clock);
		DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(consoleRegistrations,
				consoleAuthorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
			.authorizationCode()
			.provider(new ConsoleTokenRefresh(refresh, ephemeral, random, clock))
			.build());
		return manager;
	}

	/** ID tokens signed with the algorithm registered for the console client. */
	@Bean
	JwtDecoderFactory<ClientRegistration> consoleIdTokenDecoderFactory(RegisteredClientRepository registeredClients) {
		OidcIdTokenDecoderFactory factory = new OidcIdTokenDecoderFactory();
		factory.setJwsAlgorithmResolver((registration) -> {
			RegisteredClient client = registeredClients.findByClientId(registration.getClientId());
			SignatureAlgorithm algorithm = (client != null) ? client.getTokenSettings().getIdTokenSignatureAlgorithm()
					: null;
			return (algorithm != null) ? algorithm : SignatureAlgorithm.RS256;
		});
		return factory;
	}

	private static String stripSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

}
