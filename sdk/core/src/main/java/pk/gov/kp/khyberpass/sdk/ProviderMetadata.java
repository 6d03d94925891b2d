package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The parts of the OpenID Provider metadata the SDK uses.
 *
 * @param issuer the issuer, equal to the configured one
 * @param authorizationEndpoint the authorization endpoint
 * @param tokenEndpoint the token endpoint
 * @param jwksUri the JWKS location
 * @param userinfoEndpoint the userinfo endpoint, or {@code null}
 * @param endSessionEndpoint the RP-initiated logout endpoint, or {@code null}
 * @param introspectionEndpoint the token introspection endpoint (RFC 7662), or
 * {@code null}
 * @param issParameterSupported whether authorization responses carry {@code iss} (RFC
 * 9207)
 * @see <a href=
 * "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OIDC
 * Discovery §3</a>
 */
record ProviderMetadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
		@Nullable URI userinfoEndpoint, @Nullable URI endSessionEndpoint, @Nullable URI introspectionEndpoint,
		boolean issParameterSupported) {

	static ProviderMetadata parse(Map<String, Object> json, String expectedIssuer, URI source) {
		Object issuer = json.get("issuer");
		if (!expectedIssuer.equals(issuer)) {
			throw new KhyberPassClientException("Discovery document at " + source + " names issuer '" + issuer
					+ "' but the client is configured with '" + expectedIssuer
					+ "'; the two must be identical (OIDC Discovery §4.3), check the configured issuer URI");
		}
		boolean loopback = isLoopback(URI.create(expectedIssuer));
		return new ProviderMetadata(expectedIssuer, endpoint(json, "authorization_endpoint", loopback, source),
				endpoint(json, "token_endpoint", loopback, source), endpoint(json, "jwks_uri", loopback, source),
				optionalEndpoint(json, "userinfo_endpoint", loopback, source),
				optionalEndpoint(json, "end_session_endpoint", loopback, source),
				optionalEndpoint(json, "introspection_endpoint", loopback, source),
				Boolean.TRUE.equals(json.get("authorization_response_iss_parameter_supported")));
	}

	private static URI endpoint(Map<String, Object> json, String name, boolean loopback, URI source) {
		URI uri = optionalEndpoint(json, name, loopback, source);
		if (uri == null) {
			throw new KhyberPassClientException(
					"Discovery document at " + source + " has no '" + name + "'; check the issuer URI");
		}
		return uri;
	}

	private static @Nullable URI optionalEndpoint(Map<String, Object> json, String name, boolean loopback, URI source) {
		Object value = json.get(name);
		if (value == null) {
			return null;
		}
		try {
			URI uri = URI.create(value.toString());
			requireSecure(uri, loopback, "'" + name + "' in the discovery document at " + source);
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new KhyberPassClientException(
					"Discovery document at " + source + " has an invalid '" + name + "': " + ex.getMessage(), ex);
		}
	}

	static void requireSecure(URI uri, boolean allowHttp, String what) {
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean http = "http".equalsIgnoreCase(uri.getScheme());
		if (!https && !(http && allowHttp) || uri.getHost() == null) {
			throw new KhyberPassClientException(what + " must be an absolute https URI (http is accepted only on "
					+ "localhost for development), but was " + uri);
		}
	}

	static boolean isLoopback(URI uri) {
		String host = uri.getHost();
		return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host)
				|| "::1".equals(host);
	}

}
