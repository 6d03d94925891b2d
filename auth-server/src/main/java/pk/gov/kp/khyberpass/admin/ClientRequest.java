package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;
import pk.gov.kp.khyberpass.oidc.ClientJwks;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.InvalidClientSettingException;

/**
 * A department client as the admin API receives it (create and update), with the reason
 * for the change. Omitted settings take the same defaults as the seed file. The secret is
 * never sent: the server generates it.
 */
record ClientRequest(@Nullable String reason, @Nullable String clientId, @Nullable String clientName,
		@Nullable String authMethod, @Nullable List<String> grantTypes, @Nullable List<String> redirectUris,
		@Nullable List<String> postLogoutRedirectUris, @Nullable List<String> scopes, @Nullable String sector,
		@Nullable Boolean publicSubject, @Nullable Boolean requireConsent, @Nullable String minAcr,
		@Nullable String backchannelLogoutUri, @Nullable String jwksUri, @Nullable String idTokenSigningAlg,
		@Nullable String refreshTokenLifetime, @Nullable List<String> audiences, @Nullable List<String> claimsAllowed,
		@Nullable String accessTokenLifetime, @Nullable String idTokenLifetime, @Nullable Object jwks) {

	/**
	 * The OpenID Connect scopes the server knows; any other scope must be named like an
	 * API scope ({@code vehicles.read}, {@link ApiScope#NAME}).
	 */
	static final Set<String> IDENTITY_SCOPES = Set.of("openid", "profile", "email", "phone", "address", "cnic");

	/**
	 * The client these settings describe.
	 * @throws InvalidFieldException or {@link InvalidClientSettingException} naming the
	 * field at fault
	 */
	DepartmentClient toDepartmentClient(String id) {
		List<String> scopeList = orDefault(this.scopes, List.of("openid"));
		for (String scope : scopeList) {
			if (!IDENTITY_SCOPES.contains(scope) && !ApiScope.isApiScopeName(scope)) {
				throw new InvalidFieldException("scopes", "scope '" + scope + "' is unknown: use one of "
						+ IDENTITY_SCOPES + " or an API scope such as vehicles.read");
			}
		}
		DepartmentClient.AuthMethod method;
		try {
			method = DepartmentClient.AuthMethod
				.of((this.authMethod != null) ? this.authMethod : "client_secret_basic");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("authMethod", ex.getMessage());
		}
		return new DepartmentClient(id, this.clientName, null, method,
				new LinkedHashSet<>(orDefault(this.grantTypes, List.of("authorization_code", "refresh_token"))),
				uris("redirectUris", this.redirectUris), uris("postLogoutRedirectUris", this.postLogoutRedirectUris),
				new LinkedHashSet<>(scopeList), this.sector, Boolean.TRUE.equals(this.publicSubject),
				!Boolean.FALSE.equals(this.requireConsent), (this.minAcr != null) ? this.minAcr : AssuranceLevels.LOA1,
				uri("backchannelLogoutUri", this.backchannelLogoutUri), uri("jwksUri", this.jwksUri),
				(this.idTokenSigningAlg != null) ? this.idTokenSigningAlg : "RS256",
				Objects.requireNonNullElse(duration("refreshTokenLifetime", this.refreshTokenLifetime),
						Duration.ofHours(24)),
				uris("audiences", this.audiences),
				(this.claimsAllowed != null) ? new LinkedHashSet<>(this.claimsAllowed) : null,
				duration("accessTokenLifetime", this.accessTokenLifetime),
				duration("idTokenLifetime", this.idTokenLifetime), inlineJwks());
	}

	private static @Nullable Duration duration(String field, @Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return DurationStyle.detectAndParse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException(field, field + " must be a duration such as PT5M, 5m or 24h");
		}
	}

	/**
	 * The inline key set: the JWK Set document itself, or its JSON text (as the console's
	 * form sends it).
	 */
	@SuppressWarnings("unchecked")
	private @Nullable ClientJwks inlineJwks() {
		if (this.jwks == null || (this.jwks instanceof String text && text.isBlank())) {
			return null;
		}
		if (this.jwks instanceof Map<?, ?> document) {
			return ClientJwks.of((Map<String, Object>) document);
		}
		if (this.jwks instanceof String text) {
			return ClientJwks.parse(text);
		}
		throw new InvalidFieldException("jwks", "jwks must be a JSON Web Key Set object");
	}

	private static List<String> orDefault(@Nullable List<String> values, List<String> fallback) {
		return (values != null) ? values : fallback;
	}

	private static List<URI> uris(String field, @Nullable List<String> values) {
		List<URI> result = new ArrayList<>();
		if (values != null) {
			for (String value : values) {
				result.add(parse(field, value));
			}
		}
		return result;
	}

	private static @Nullable URI uri(String field, @Nullable String value) {
		return (value != null && !value.isBlank()) ? parse(field, value) : null;
	}

	private static URI parse(String field, @Nullable String value) {
		try {
			if (value == null) {
				throw new URISyntaxException("null", "missing");
			}
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidFieldException(field, field + " has an invalid URI");
		}
	}

}
