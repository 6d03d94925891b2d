package pk.gov.kp.khyberpass.oidc;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Token introspection (RFC 7662): a self-contained client-credentials token is
 * introspected from its own verified claims, without touching storage; every other token
 * goes to Spring's provider, which looks up the stored token families. A self-contained
 * token of a client that has since been disabled or deleted is inactive: the client
 * registrations are cached, so this costs a map look-up.
 */
final class SelfContainedIntrospectionProvider implements AuthenticationProvider {

	private final AuthenticationProvider stored;

	private final SelfContainedAccessTokens tokens;

	private final RegisteredClientRepository clients;

	SelfContainedIntrospectionProvider(AuthenticationProvider stored, SelfContainedAccessTokens tokens,
			RegisteredClientRepository clients) {
		this.stored = stored;
		this.tokens = tokens;
		this.clients = clients;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2TokenIntrospectionAuthenticationToken request = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
		if (!this.tokens.looksSelfContained(request.getToken())) {
			return this.stored.authenticate(authentication);
		}
		Optional<Jwt> jwt = this.tokens.verify(request.getToken()).filter(this::clientStillEnabled);
		// Forged, expired, revoked or its client disabled: inactive, without a look-up
		// that could never find it.
		OAuth2TokenIntrospection claims = jwt.map(SelfContainedIntrospectionProvider::claims)
			.orElseGet(() -> OAuth2TokenIntrospection.builder().build());
		return new OAuth2TokenIntrospectionAuthenticationToken(request.getToken(),
				(OAuth2ClientAuthenticationToken) request.getPrincipal(), claims);
	}

	private boolean clientStillEnabled(Jwt jwt) {
		String clientId = jwt.getClaimAsString("client_id");
		return clientId != null && this.clients.findByClientId(clientId) != null;
	}

	private static OAuth2TokenIntrospection claims(Jwt jwt) {
		OAuth2TokenIntrospection.Builder claims = OAuth2TokenIntrospection.builder(true)
			.clientId(jwt.getClaimAsString("client_id"))
			.tokenType("Bearer")
			.subject(jwt.getSubject())
			.issuer(jwt.getClaimAsString(JwtClaimNames.ISS))
			.id(jwt.getId());
		if (jwt.getIssuedAt() != null) {
			claims.issuedAt(jwt.getIssuedAt());
		}
		if (jwt.getExpiresAt() != null) {
			claims.expiresAt(jwt.getExpiresAt());
		}
		if (jwt.getNotBefore() != null) {
			claims.notBefore(jwt.getNotBefore());
		}
		if (jwt.getAudience() != null) {
			claims.audiences((audiences) -> audiences.addAll(jwt.getAudience()));
		}
		String scope = jwt.getClaimAsString(OAuth2TokenIntrospectionClaimNames.SCOPE);
		if (scope != null) {
			claims.scopes((scopes) -> scopes.addAll(java.util.List.of(scope.split(" "))));
		}
		return claims.build();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
