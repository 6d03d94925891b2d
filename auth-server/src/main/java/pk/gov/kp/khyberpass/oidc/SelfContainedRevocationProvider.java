package pk.gov.kp.khyberpass.oidc;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * Token revocation (RFC 7009): stored families through Spring's provider; a
 * self-contained client-credentials token goes on the deny list, but only when the client
 * revoking it is the one it was issued to (anyone else gets the same empty success, as
 * RFC 7009 §2.2 allows).
 */
final class SelfContainedRevocationProvider implements AuthenticationProvider {

	private final AuthenticationProvider stored;

	private final SelfContainedAccessTokens tokens;

	SelfContainedRevocationProvider(AuthenticationProvider stored, SelfContainedAccessTokens tokens) {
		this.stored = stored;
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		OAuth2TokenRevocationAuthenticationToken request = (OAuth2TokenRevocationAuthenticationToken) authentication;
		OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) request.getPrincipal();
		this.tokens.verify(request.getToken())
			.filter((jwt) -> client.getRegisteredClient() != null
					&& client.getRegisteredClient().getClientId().equals(jwt.getClaimAsString("client_id")))
			.ifPresent(this.tokens::revoke);
		return this.stored.authenticate(authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
