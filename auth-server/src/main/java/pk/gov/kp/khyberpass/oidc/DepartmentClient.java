package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A department service registered with Khyber Pass, as the security team (or the seed
 * file) describes it.
 *
 * @param clientId the OAuth client id
 * @param clientName the department's name as citizens know it (shown on the consent page)
 * @param clientSecret the secret to set, or {@code null} to have the server generate one
 * (ignored for {@code none} and {@code private_key_jwt})
 * @param authMethod how the client authenticates at the token endpoint
 * @param grantTypes {@code authorization_code}, {@code refresh_token},
 * {@code client_credentials}, and the token exchange URN {@value #TOKEN_EXCHANGE} (also
 * accepted as {@code token_exchange})
 * @param redirectUris exact redirect URIs
 * @param postLogoutRedirectUris exact post-logout redirect URIs
 * @param scopes scopes the client may ask for
 * @param sector the pairwise subject sector, or {@code null} for the redirect URIs' host
 * @param publicSubject whether the client gets the account's public identifier instead of
 * a pairwise one
 * @param requireConsent whether citizens are asked to consent
 * @param minAcr the least assurance level the client accepts
 * @param backchannelLogoutUri where back-channel logout tokens go, or {@code null}
 * @param jwkSetUri where the client publishes its JWKS for {@code private_key_jwt}, or
 * {@code null}
 * @param idTokenSigningAlgorithm {@code RS256} (default) or {@code ES256}
 * @param refreshTokenLifetime absolute lifetime of a refresh-token family
 * @param audiences identifiers of the APIs this client may get access tokens for (RFC
 * 8707 resources); empty means tokens are for the client itself
 * @param claimsAllowed the only claims about the citizen the client may receive (see
 * {@link ReleasableClaims}), or {@code null} for everything its scopes give
 * @param accessTokenLifetime the lifetime of its access tokens, or {@code null} for the
 * server's ({@code khyberpass.oidc.access-token-lifetime})
 * @param idTokenLifetime the lifetime of its ID tokens, or {@code null} for the default
 * (30 minutes)
 * @param jwks the client's public keys for {@code private_key_jwt}, registered inline
 * instead of {@code jwkSetUri}, or {@code null}
 */
public record DepartmentClient(String clientId, String clientName, @Nullable String clientSecret, AuthMethod authMethod,
		Set<String> grantTypes, List<URI> redirectUris, List<URI> postLogoutRedirectUris, Set<String> scopes,
		@Nullable String sector, boolean publicSubject, boolean requireConsent, String minAcr,
		@Nullable URI backchannelLogoutUri, @Nullable URI jwkSetUri, String idTokenSigningAlgorithm,
		Duration refreshTokenLifetime, List<URI> audiences, @Nullable Set<String> claimsAllowed,
		@Nullable Duration accessTokenLifetime, @Nullable Duration idTokenLifetime, @Nullable ClientJwks jwks) {

	/** The RFC 8693 token exchange grant type. */
	public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	/**
	 * Grant types a department may use; the implicit flow and the password grant are not
	 * offered.
	 */
	public static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials",
			TOKEN_EXCHANGE);

	/** The shortest access-token or ID-token lifetime a client may have. */
	public static final Duration MIN_TOKEN_LIFETIME = Duration.ofMinutes(1);

	/** The longest access-token or ID-token lifetime a client may have. */
	public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

	/**
	 * A client with the server's token lifetimes, every claim its scopes give, and no
	 * inline JWKS.
	 */
	public DepartmentClient(String clientId, String clientName, @Nullable String clientSecret, AuthMethod authMethod,
			Set<String> grantTypes, List<URI> redirectUris, List<URI> postLogoutRedirectUris, Set<String> scopes,
			@Nullable String sector, boolean publicSubject, boolean requireConsent, String minAcr,
			@Nullable URI backchannelLogoutUri, @Nullable URI jwkSetUri, String idTokenSigningAlgorithm,
			Duration refreshTokenLifetime, List<URI> audiences) {
		this(clientId, clientName, clientSecret, authMethod, grantTypes, redirectUris, postLogoutRedirectUris, scopes,
				sector, publicSubject, requireConsent, minAcr, backchannelLogoutUri, jwkSetUri, idTokenSigningAlgorithm,
				refreshTokenLifetime, audiences, null, null, null, null);
	}

	public DepartmentClient {
		Objects.requireNonNull(clientId, "client-id is required");
		if (!clientId.matches("[A-Za-z0-9._-]{3,100}")) {
			throw new InvalidClientSettingException("client-id",
					"client-id must be 3 to 100 letters, digits, dots, dashes or underscores");
		}
		if (clientName == null || clientName.isBlank()) {
			clientName = clientId;
		}
		if (clientName.length() > 200) {
			throw new InvalidClientSettingException("client-name", "client-name must have at most 200 characters");
		}
		grantTypes = grantTypes.stream()
			.map((grantType) -> "token_exchange".equals(grantType) ? TOKEN_EXCHANGE : grantType)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
		for (String grantType : grantTypes) {
			if (!GRANT_TYPES.contains(grantType)) {
				throw new InvalidClientSettingException("grant-types",
						"grant type '" + grantType + "' is not offered; use one of " + GRANT_TYPES);
			}
		}
		if (grantTypes.contains("authorization_code") && redirectUris.isEmpty()) {
			throw new InvalidClientSettingException("redirect-uris",
					"authorization_code needs at least one redirect URI");
		}
		requireRegistrable("redirect-uris", redirectUris);
		requireRegistrable("post-logout-redirect-uris", postLogoutRedirectUris);
		if (authMethod == AuthMethod.NONE && grantTypes.contains("client_credentials")) {
			throw new InvalidClientSettingException("auth-method",
					"a public client (auth-method none) cannot use client_credentials");
		}
		if (authMethod == AuthMethod.NONE && grantTypes.contains(TOKEN_EXCHANGE)) {
			throw new InvalidClientSettingException("auth-method",
					"a public client (auth-method none) cannot use token_exchange");
		}
		if (grantTypes.contains(TOKEN_EXCHANGE) && audiences.isEmpty()) {
			throw new InvalidClientSettingException("audiences",
					"token_exchange needs audiences: the APIs this client may call on a citizen's behalf");
		}
		if (jwks != null && jwkSetUri != null) {
			throw new InvalidClientSettingException("jwks", "give either jwks or jwks-uri, not both");
		}
		if (authMethod == AuthMethod.PRIVATE_KEY_JWT && jwkSetUri == null && jwks == null) {
			throw new InvalidClientSettingException("jwks-uri", "private_key_jwt needs jwks-uri or jwks");
		}
		requireHttps("jwks-uri", jwkSetUri);
		requireHttps("backchannel-logout-uri", backchannelLogoutUri);
		if (!Set.of("RS256", "ES256").contains(idTokenSigningAlgorithm)) {
			throw new InvalidClientSettingException("id-token-signing-alg",
					"id-token-signing-alg must be RS256 or ES256");
		}
		if (!AssuranceLevels.isKnown(minAcr)) {
			throw new InvalidClientSettingException("min-acr", "min-acr must be one of " + AssuranceLevels.ALL);
		}
		if (refreshTokenLifetime.isNegative() || refreshTokenLifetime.isZero()) {
			throw new InvalidClientSettingException("refresh-token-lifetime",
					"refresh-token-lifetime must be positive");
		}
		requireTokenLifetime("access-token-lifetime", accessTokenLifetime);
		requireTokenLifetime("id-token-lifetime", idTokenLifetime);
		if (claimsAllowed != null) {
			claimsAllowed = ReleasableClaims.requireKnown(claimsAllowed);
		}
		redirectUris = List.copyOf(redirectUris);
		postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
		scopes = Set.copyOf(scopes);
		for (URI audience : audiences) {
			if (!audience.isAbsolute() || audience.getFragment() != null) {
				throw new InvalidClientSettingException("audiences",
						"audience '" + audience + "' must be an absolute URI without fragment");
			}
		}
		audiences = List.copyOf(audiences);
	}

	private static void requireRegistrable(String setting, List<URI> uris) {
		for (URI uri : uris) {
			try {
				RedirectUris.requireRegistrable(uri);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidClientSettingException(setting, ex.getMessage());
			}
		}
	}

	private static void requireTokenLifetime(String setting, @Nullable Duration lifetime) {
		if (lifetime != null && (lifetime.compareTo(MIN_TOKEN_LIFETIME) < 0
				|| lifetime.compareTo(MAX_TOKEN_LIFETIME) > 0 || lifetime.getNano() != 0)) {
			throw new InvalidClientSettingException(setting,
					setting + " must be whole seconds from " + MIN_TOKEN_LIFETIME + " to " + MAX_TOKEN_LIFETIME);
		}
	}

	/** A URI the server calls: https, or http on loopback (development and tests). */
	private static void requireHttps(String setting, @Nullable URI uri) {
		if (uri != null && (!uri.isAbsolute() || uri.getHost() == null || !("https".equals(uri.getScheme())
				|| ("http".equals(uri.getScheme()) && RedirectUris.isLoopback(uri))))) {
			throw new InvalidClientSettingException(setting,
					setting + " must be an absolute https URI (http only on loopback)");
		}
	}

	/**
	 * The pairwise sector: the configured one, else the host of the first redirect URI,
	 * else the client id.
	 */
	public String effectiveSector() {
		if (this.sector != null) {
			return this.sector;
		}
		return this.redirectUris.isEmpty() ? this.clientId : this.redirectUris.get(0).getHost();
	}

	/** Client authentication methods at the token endpoint. */
	public enum AuthMethod {

		CLIENT_SECRET_BASIC("client_secret_basic"), CLIENT_SECRET_POST("client_secret_post"),
		PRIVATE_KEY_JWT("private_key_jwt"), NONE("none");

		private final String value;

		AuthMethod(String value) {
			this.value = value;
		}

		/** The RFC 7591 name. */
		public String value() {
			return this.value;
		}

		/** Parses the RFC 7591 name. */
		public static AuthMethod of(String value) {
			for (AuthMethod method : values()) {
				if (method.value.equals(value)) {
					return method;
				}
			}
			throw new IllegalArgumentException("auth-method must be one of client_secret_basic, client_secret_post, "
					+ "private_key_jwt, none; not '" + value + "'");
		}

	}

}
