package pk.gov.kp.khyberpass.oidc;

import java.util.Date;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes our JWTs: access tokens as RFC 9068 ({@code typ: at+jwt}, ES256, {@code client_id}, a
 * space-separated {@code scope}), and for citizens' tokens the pairwise {@code sub} and the assurance
 * claims {@code acr}, {@code amr} and {@code auth_time}.
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
			claims.claim("amr", new java.util.ArrayList<>(factors.amr()));
			factors.authenticatedAt().ifPresent((at) -> claims.claim("auth_time", Date.from(at)));
		}
	}

}
