package pk.gov.kp.khyberpass.oidc;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.MasterKey;
import pk.gov.kp.khyberpass.mfa.SecondFactors;
import pk.gov.kp.khyberpass.mfa.passkey.Passkeys;

/**
 * Spring Authorization Server, customised for Khyber Pass through its DSL: our client
 * registry, token storage, claims, prompt handling, response {@code iss}, and exact
 * redirect URI matching.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerFilterChain(HttpSecurity http, OAuth2AuthorizationService authorizations,
			ClientSecretHasher secretHasher, DiscoveryMetadata discoveryMetadata,
			SelfContainedAccessTokens selfContained, UserInfoClaims userInfoClaims,
			RegisteredClientRepository registeredClients, SecondFactors secondFactors, Passkeys passkeys,
			LogoutHandler singleLogout, Clock clock) throws Exception {
		AuthorizationResponses responses = new AuthorizationResponses();
		ClientAssertionDecoders assertionDecoders = new ClientAssertionDecoders();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.authorizationService(authorizations)
				.clientAuthentication(
						(clients) -> clients.errorResponseHandler(new ClientAuthenticationFailureHandler())
							.authenticationProviders((providers) -> providers.forEach((provider) -> {
								if (provider instanceof ClientSecretAuthenticationProvider secrets) {
									secrets.setPasswordEncoder(secretHasher);
								}
								else if (provider instanceof JwtClientAssertionAuthenticationProvider assertions) {
									assertions.setJwtDecoderFactory(assertionDecoders);
								}
							})))
				.authorizationEndpoint((endpoint) -> endpoint.consentPage(ConsentController.PATH)
					.authorizationResponseHandler(responses)
					.errorResponseHandler(responses)
					.authenticationProviders((providers) -> providers.stream()
						.filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
						.map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
						.forEach((provider) -> {
							provider.setAuthenticationValidator(new RedirectUriValidator());
							provider.setAuthorizationConsentRequired(new ConsentRequired());
						})))
				.tokenEndpoint((endpoint) -> endpoint.accessTokenResponseHandler(new TokenResponseWriter())
					.authenticationProviders((providers) -> providers
						.replaceAll((provider) -> (provider instanceof OAuth2TokenExchangeAuthenticationProvider)
								? new TokenExchangeProvider(provider, authorizations) : provider)))
				.tokenIntrospectionEndpoint((endpoint) -> endpoint.authenticationProviders((providers) -> providers
					.replaceAll((provider) -> new SelfContainedIntrospectionProvider(provider, selfContained,
							registeredClients))))
				.tokenRevocationEndpoint((endpoint) -> endpoint.authenticationProviders((providers) -> providers
					.replaceAll((provider) -> new SelfContainedRevocationProvider(provider, selfContained))))
				.oidc((oidc) -> oidc
					.providerConfigurationEndpoint(
							(discovery) -> discovery.providerConfigurationCustomizer(discoveryMetadata))
					.userInfoEndpoint((userInfo) -> userInfo.userInfoMapper(userInfoClaims))
					.logoutEndpoint((logout) -> logout.logoutResponseHandler(rpInitiatedLogout(singleLogout))));
		});
		http.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new ClientAuthenticationFailureHandler(),
					PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
							"/oauth2/{endpoint:token|introspect|revoke}"))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), htmlRequests()));
		http.addFilterBefore(new ClientAssertionClientIdFilter(), AbstractPreAuthenticatedProcessingFilter.class);
		// After Spring's validating filter (which sits just before this position) and
		// before its
		// AuthorizationFilter, which would send an unauthenticated request to the login
		// page.
		http.addFilterAfter(new PromptLoginFilter("/oauth2/authorize", clock, responses),
				AbstractPreAuthenticatedProcessingFilter.class);
		http.addFilterAfter(
				new AssuranceRequirementFilter(registeredClients,
						(accountId) -> secondFactors.hasSecondFactor(AccountId.parse(accountId)),
						(accountId) -> passkeys.hasPasskey(AccountId.parse(accountId)), responses),
				PromptLoginFilter.class);
		return http.build();
	}

	/**
	 * RP-initiated logout: single logout runs first (while the session still exists),
	 * then Spring's sign-out; a request without a signed-in citizen only redirects.
	 */
	private static OidcLogoutAuthenticationSuccessHandler rpInitiatedLogout(LogoutHandler singleLogout) {
		OidcLogoutAuthenticationSuccessHandler handler = new OidcLogoutAuthenticationSuccessHandler();
		SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
		handler.setLogoutHandler((request, response, authentication) -> {
			OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
			if (logout.isPrincipalAuthenticated()) {
				singleLogout.logout(request, response, authentication);
				signOut.logout(request, response, (Authentication) logout.getPrincipal());
			}
		});
		return handler;
	}

	private static MediaTypeRequestMatcher htmlRequests() {
		MediaTypeRequestMatcher matcher = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		matcher.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
		return matcher;
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(OidcProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
	}

	@Bean
	CachingRegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, OidcProperties properties,
			Clock clock) {
		return new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(jdbc),
				properties.clientCacheTtl(), clock);
	}

	@Bean
	TokenFamilyAuthorizationService authorizationService(EphemeralStore ephemeral, JdbcClient jdbc,
			TransactionTemplate transactions, RegisteredClientRepository clients, Clock clock,
			ApplicationEventPublisher events) {
		return new TokenFamilyAuthorizationService(ephemeral, jdbc, transactions, clients, clock, events);
	}

	@Bean
	OAuth2AuthorizationConsentService authorizationConsentService(JdbcOperations jdbc,
			RegisteredClientRepository clients, ApplicationEventPublisher events, Clock clock) {
		return new AuditedConsentService(new JdbcOAuth2AuthorizationConsentService(jdbc, clients), clients, events,
				clock);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenClaimsCustomizer(PairwiseSubjects subjects) {
		return new TokenClaimsCustomizer(subjects);
	}

	@Bean
	SelfContainedAccessTokens selfContainedAccessTokens(JwtDecoder jwtDecoder, JWKSource<SecurityContext> jwkSource,
			EphemeralStore ephemeral, Clock clock) {
		return new SelfContainedAccessTokens(jwtDecoder, new VerifiedSignatures(jwkSource, clock), ephemeral, clock);
	}

	@Bean
	UserInfoClaims userInfoClaims(AccountService accounts, RegisteredClientRepository clients,
			PairwiseSubjects subjects) {
		return new UserInfoClaims(accounts, clients, subjects);
	}

	@Bean
	ClientSecretHasher clientSecretHasher(MasterKey masterKey, Clock clock) {
		return new ClientSecretHasher(masterKey, clock);
	}

	@Bean
	DiscoveryMetadata discoveryMetadata() {
		return new DiscoveryMetadata();
	}

	/**
	 * Spring Authorization Server finds the citizen's session here to put {@code sid} in
	 * ID tokens: the Redis sessions in production, the container's in development.
	 */
	@Bean
	SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> redisSessions) {
		FindByIndexNameSessionRepository<? extends Session> sessions = redisSessions.getIfAvailable();
		return (sessions != null) ? new SpringSessionBackedSessionRegistry<>(sessions) : new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

}
