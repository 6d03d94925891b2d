package pk.gov.kp.khyberpass.oidc;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes our JWTs: access tokens as RFC 9068 ({@code typ: at+jwt}, ES256, {@code client_id}, a
 * space-separated {@code scope}, the API as {@code aud}), and for citizens' tokens the pairwise
 * {@code sub} and the assurance claims {@code acr}, {@code amr} and {@code auth_time}.
 */
final class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final PairwiseSubjects subjects;

	TokenClaimsCustomizer(PairwiseSubjects subjects) {
		this.subjects = subjects;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		RegisteredClient client = context.getRegisteredClient();
		JwtClaimsSet.Builder claims = context.getClaims();
		boolean citizenToken = !AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).type("at+jwt");
			claims.claim("client_id", client.getClientId());
			// A mutable list: stored token metadata only reads back the collection types Spring allows.
			claims.audience(new ArrayList<>(audience(client, context)));
			if (!context.getAuthorizedScopes().isEmpty()) {
				claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
			}
		}
		else if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		if (citizenToken) {
			claims.subject(this.subjects.subjectFor(client, context.getPrincipal().getName()));
			AuthenticationFactors factors = AuthenticationFactors.of(context.getPrincipal());
			claims.claim("acr", factors.acr());
			claims.claim("amr", new ArrayList<>(factors.amr()));
			factors.authenticatedAt().ifPresent((at) -> claims.claim("auth_time", Date.from(at)));
		}
	}

	/**
	 * RFC 8707 and RFC 9068 §3: the API the token is for. A {@code resource} parameter must name one of the
	 * client's registered audiences; without one the token is for all of them, or for the client itself
	 * when it has none.
	 */
	private static List<String> audience(RegisteredClient client, JwtEncodingContext context) {
		List<String> allowed = KhyberPassClientSettings.audiences(client);
		Object resource = (context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant)
				? grant.getAdditionalParameters().get("resource") : null;
		if (resource instanceof String requested) {
			if (!allowed.contains(requested)) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error("invalid_target", "The resource is not registered for this client", null));
			}
			return List.of(requested);
		}
		return allowed.isEmpty() ? List.of(client.getClientId()) : allowed;
	}

}
