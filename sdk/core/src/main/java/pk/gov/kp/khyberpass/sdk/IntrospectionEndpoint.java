package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Asks the introspection endpoint about a token, with the client's authentication, and
 * reads the answer. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662">RFC 7662</a>
 */
final class IntrospectionEndpoint {

	private final Supplier<ProviderMetadata> metadata;

	private final AuthenticatedPost poster;

	IntrospectionEndpoint(Supplier<ProviderMetadata> metadata, AuthenticatedPost poster) {
		this.metadata = metadata;
		this.poster = poster;
	}

	/**
	 * Introspects an access token.
	 * @throws OAuthErrorException when Khyber Pass answers with an OAuth error, such as
	 * {@code invalid_client}
	 * @throws KhyberPassClientException on other failures, or without an introspection
	 * endpoint
	 */
	TokenIntrospection introspect(String token) {
		URI endpoint = this.metadata.get().introspectionEndpoint();
		if (endpoint == null) {
			throw new KhyberPassClientException("The discovery document has no introspection_endpoint");
		}
		Map<String, String> params = new LinkedHashMap<>();
		params.put("token", token);
		params.put("token_type_hint", "access_token");
		Map<String, Object> json = this.poster
			.post(endpoint, "Introspection endpoint", "The introspection endpoint", params)
			.body();
		return parse(json);
	}

	static TokenIntrospection parse(Map<String, Object> json) {
		if (!(json.get("active") instanceof Boolean active)) {
			throw new KhyberPassClientException("The introspection answer has no boolean 'active' (RFC 7662 §2.2); "
					+ "check that the issuer is Khyber Pass");
		}
		if (!active) {
			return TokenIntrospection.inactive();
		}
		return new TokenIntrospection(true, string(json, "sub"), string(json, "client_id"), scopes(json),
				instant(json, "exp"), instant(json, "iat"), string(json, "acr"), audience(json),
				string(json, "token_type"), json);
	}

	private static Optional<String> string(Map<String, Object> json, String name) {
		return Optional.ofNullable(AuthenticatedPost.stringOrNull(json, name));
	}

	private static Optional<Instant> instant(Map<String, Object> json, String name) {
		return (json.get(name) instanceof Number seconds) ? Optional.of(Instant.ofEpochSecond(seconds.longValue()))
				: Optional.empty();
	}

	private static Set<String> scopes(Map<String, Object> json) {
		Set<String> scopes = new LinkedHashSet<>();
		if (json.get("scope") instanceof String scope) {
			for (String item : scope.split(" ")) {
				if (!item.isEmpty()) {
					scopes.add(item);
				}
			}
		}
		return scopes;
	}

	private static List<String> audience(Map<String, Object> json) {
		Object aud = json.get("aud");
		if (aud instanceof String single) {
			return List.of(single);
		}
		List<String> audience = new ArrayList<>();
		if (aud instanceof List<?> many) {
			for (Object item : many) {
				if (item instanceof String value) {
					audience.add(value);
				}
			}
		}
		return audience;
	}

}
