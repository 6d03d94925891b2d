package pk.gov.kp.khyberpass.oidc;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Khyber Pass's rules for RFC 8693 token exchange, checked before Spring's provider
 * issues the token: a department trades the access token a citizen's request arrived with
 * for one to call another department's API on the citizen's behalf. The subject token
 * must be a live citizen access token that this server issued to the calling client (or
 * that names the caller's client id in {@code aud}); the target, named by exactly one
 * {@code audience} or {@code resource}, must be one of the caller's registered audiences;
 * the scopes can only narrow the subject token's. Actor tokens (delegation chains) are
 * not accepted: the {@code act} claim names the calling client (see
 * {@link TokenClaimsCustomizer}). The exchanged token's family is tied to the subject
 * token's, so revoking that one revokes it too.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8693#section-2.1">RFC 8693 §2.1</a>
 */
final class TokenExchangeProvider implements AuthenticationProvider {

	private static final String ERROR_URI = "https://www.rfc-editor.org/rfc/rfc8693#section-2.2.2";

	private final AuthenticationProvider delegate;

	private final OAuth2AuthorizationService authorizations;

	TokenExchangeProvider(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations) {
		this.delegate = delegate;
		this.authorizations = authorizations;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2TokenExchangeAuthenticationToken exchange = (OAuth2TokenExchangeAuthenticationToken) authentication;
		if (!(exchange.getPrincipal() instanceof OAuth2ClientAuthenticationToken caller) || !caller.isAuthenticated()
				|| caller.getRegisteredClient() == null) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		RegisteredClient client = caller.getRegisteredClient();
		if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.TOKEN_EXCHANGE)) {
			throw error(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "This client is not registered for token exchange");
		}
		if (exchange.getActorToken() != null) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "actor_token is not supported; the caller is the actor");
		}
		requireRegisteredTarget(client, exchange);
		OAuth2Authorization subject = this.authorizations.findByToken(exchange.getSubjectToken(),
				OAuth2TokenType.ACCESS_TOKEN);
		OAuth2Authorization.Token<OAuth2Token> subjectToken = (subject != null)
				? subject.getToken(exchange.getSubjectToken()) : null;
		if (subjectToken == null || !subjectToken.isActive()) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token is invalid, expired or revoked");
		}
		if (!issuedToCaller(subject, subjectToken, client)) {
			throw error(OAuth2ErrorCodes.INVALID_GRANT, "The subject token was not issued to this client");
		}
		if (!subject.getAuthorizedScopes().containsAll(exchange.getScopes())) {
			throw error(OAuth2ErrorCodes.INVALID_SCOPE, "A requested scope is not in the subject token");
		}
		TokenFamilyAuthorizationService.exchangingFrom(subject);
		return this.delegate.authenticate(exchange);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenExchangeAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * The one API the exchanged token is for: the {@code audience} or {@code resource} of
	 * the request.
	 */
	static String target(OAuth2TokenExchangeAuthenticationToken exchange) {
		Set<String> targets = new LinkedHashSet<>(exchange.getAudiences());
		targets.addAll(exchange.getResources());
		return targets.iterator().next();
	}

	private static void requireRegisteredTarget(RegisteredClient client,
			OAuth2TokenExchangeAuthenticationToken exchange) {
		Set<String> targets = new LinkedHashSet<>(exchange.getAudiences());
		targets.addAll(exchange.getResources());
		if (targets.isEmpty()) {
			throw error(OAuth2ErrorCodes.INVALID_REQUEST, "Name the target API with audience or resource");
		}
		if (targets.size() > 1) {
			throw error("invalid_target", "Ask for one target API per exchange");
		}
		if (!KhyberPassClientSettings.audiences(client).containsAll(targets)) {
			throw error("invalid_target", "The target API is not registered for this client");
		}
	}

	private static boolean issuedToCaller(OAuth2Authorization subject, OAuth2Authorization.Token<OAuth2Token> token,
			RegisteredClient client) {
		if (subject.getRegisteredClientId().equals(client.getId())) {
			return true;
		}
		Object audience = (token.getClaims() != null) ? token.getClaims().get("aud") : null;
		return (audience instanceof Collection<?> values) ? values.contains(client.getClientId())
				: client.getClientId().equals(audience);
	}

	private static OAuth2AuthenticationException error(String code, String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(code, description, ERROR_URI));
	}

}
