package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Shapes our JWTs: access tokens as RFC 9068 ({@code typ: at+jwt}, ES256,
 * {@code client_id}, a space-separated {@code scope}, the API as {@code aud}), and for
 * citizens' tokens the pairwise {@code sub} and the assurance claims {@code acr},
 * {@code amr} and {@code auth_time}. Then the client's own policy: its ID-token lifetime,
 * and only the claims it is allowed ({@link ReleasableClaims}).
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
		String exchangeTarget = (context
			.getAuthorizationGrant() instanceof OAuth2TokenExchangeAuthenticationToken exchange)
					? TokenExchangeProvider.target(exchange) : null;
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).type("at+jwt");
			claims.claim("client_id", client.getClientId());
			// A mutable list: stored token metadata only reads back the collection types
			// Spring allows.
			claims.audience(
					new ArrayList<>((exchangeTarget != null) ? List.of(exchangeTarget) : audience(client, context)));
			if (!context.getAuthorizedScopes().isEmpty()) {
				claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
			}
		}
		else if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		if (exchangeTarget != null) {
			exchanged(client, context.getPrincipal().getName(), exchangeTarget, claims);
		}
		else if (citizenToken) {
			claims.subject(this.subjects.subjectFor(client, context.getPrincipal().getName()));
		}
		if (citizenToken) {
			AuthenticationFactors factors = AuthenticationFactors.of(context.getPrincipal());
			claims.claim("acr", factors.acr());
			claims.claim("amr", new ArrayList<>(factors.amr()));
			factors.authenticatedAt().ifPresent((at) -> claims.claim("auth_time", Date.from(at)));
		}
		if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			KhyberPassClientSettings.idTokenLifetime(client).ifPresent((lifetime) -> claims.claims((all) -> {
				if (all.get(JwtClaimNames.IAT) instanceof Instant issuedAt) {
					all.put(JwtClaimNames.EXP, issuedAt.plus(lifetime));
				}
			}));
		}
		KhyberPassClientSettings.claimsAllowed(client)
			.ifPresent((allowed) -> claims.claims((all) -> ReleasableClaims.retainAllowed(all, allowed)));
	}

	/**
	 * RFC 8693 §4.1: a token exchanged to call another department's API carries the
	 * citizen's {@code sub} as that API's sector sees it (the pairwise identifier for the
	 * target's host, so the target finds the citizen in its own records and the caller's
	 * identifier does not travel on), and an {@code act} claim naming the calling client.
	 */
	private void exchanged(RegisteredClient client, String accountId, String target, JwtClaimsSet.Builder claims) {
		claims.subject(this.subjects.pairwise(targetSector(target), accountId));
		claims.claim("act", new LinkedHashMap<>(Map.of("sub", client.getClientId())));
	}

	/**
	 * The pairwise sector of an API: its host, as for a client whose sector defaults to
	 * its redirect host.
	 */
	static String targetSector(String target) {
		String host = URI.create(target).getHost();
		return (host != null) ? host : target;
	}

	/**
	 * RFC 8707 and RFC 9068 §3: the API the token is for. A {@code resource} parameter
	 * must name one of the client's registered audiences; without one the token is for
	 * all of them, or for the client itself when it has none.
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
