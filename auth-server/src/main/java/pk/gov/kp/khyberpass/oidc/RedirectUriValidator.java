package pk.gov.kp.khyberpass.oidc;

import java.util.function.Consumer;

import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Redirect URIs compared exactly (RFC 9700 §4.1.3): Spring's default lets any client vary
 * the port of a loopback URI, which RFC 8252 §7.3 grants only to native apps, that is
 * public clients here. Confidential clients must send a registered URI character for
 * character.
 */
final class RedirectUriValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults = new OAuth2AuthorizationCodeRequestAuthenticationValidator();

	@Override
	public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		RegisteredClient client = context.getRegisteredClient();
		String redirectUri = request.getRedirectUri();
		boolean nativeClient = client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE);
		if (redirectUri != null && !nativeClient && !client.getRedirectUris().contains(redirectUri)) {
			OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
					"OAuth 2.0 Parameter: " + OAuth2ParameterNames.REDIRECT_URI, null);
			// No redirect URI in the exception: an unregistered URI must never receive a
			// redirect.
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
		}
		this.defaults.accept(context);
	}

}
