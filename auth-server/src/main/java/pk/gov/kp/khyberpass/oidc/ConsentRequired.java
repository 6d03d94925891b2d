package pk.gov.kp.khyberpass.oidc;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;

/**
 * When the citizen is asked to consent: for clients that require consent, whenever the
 * request asks for more than {@code openid} and not all of it was consented before; and
 * always on {@code prompt=consent} (OpenID Connect Core §3.1.2.1), which Spring's default
 * ignores.
 */
final class ConsentRequired implements Predicate<OAuth2AuthorizationCodeRequestAuthenticationContext> {

	@Override
	public boolean test(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		Set<String> requested = context.getAuthorizationRequest().getScopes();
		Object prompt = context.getAuthorizationRequest().getAdditionalParameters().get("prompt");
		if (prompt instanceof String value && Arrays.asList(value.split(" ")).contains("consent")) {
			return true;
		}
		if (!context.getRegisteredClient().getClientSettings().isRequireAuthorizationConsent()) {
			return false;
		}
		if (requested.contains(OidcScopes.OPENID) && requested.size() == 1) {
			return false;
		}
		OAuth2AuthorizationConsent consent = context.getAuthorizationConsent();
		return consent == null || !consent.getScopes().containsAll(requested);
	}

}
