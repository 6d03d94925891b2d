package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Posts grants to the token endpoint with the client's authentication and reads the answer.
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5">RFC 6749 §5</a>
 */
final class TokenEndpoint {

	private final Supplier<URI> uri;

	private final String clientId;

	private final ClientAuthentication authentication;

	private final HttpTransport http;

	private final Clock clock;

	private final SecureRandom random;

	TokenEndpoint(Supplier<URI> uri, String clientId, ClientAuthentication authentication, HttpTransport http,
			Clock clock, SecureRandom random) {
		this.uri = uri;
		this.clientId = clientId;
		this.authentication = authentication;
		this.http = http;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Posts a grant and returns the successful answer.
	 * @throws OAuthErrorException when Khyber Pass answers with an OAuth error
	 * @throws KhyberPassClientException on other failures
	 */
	Answer post(Map<String, String> grant) {
		URI endpoint = this.uri.get();
		Map<String, String> form = new LinkedHashMap<>(grant);
		Map<String, String> headers = new LinkedHashMap<>();
		this.authentication.apply(form, headers, this.clientId, endpoint, this.clock.instant(), this.random);
		headers.put("Cache-Control", "no-store");
		HttpTransport.JsonResponse response = this.http.postForm(endpoint, "Token endpoint", form, headers);
		if (!response.isSuccess()) {
			if (response.body().get("error") instanceof String error) {
				throw new OAuthErrorException(error, stringOrNull(response.body(), "error_description"),
						"The token endpoint (" + grant.get("grant_type") + ")");
			}
			throw new KhyberPassClientException("The token endpoint " + endpoint + " answered HTTP " + response.status()
					+ " without an OAuth error; check that Khyber Pass is healthy");
		}
		Answer answer = new Answer(response.body(), this.clock.instant());
		answer.requiredString("access_token");
		answer.requiredString("token_type");
		return answer;
	}

	private static @Nullable String stringOrNull(Map<String, Object> json, String name) {
		return (json.get(name) instanceof String value) ? value : null;
	}

	/**
	 * A successful token endpoint answer.
	 *
	 * @param json the JSON body
	 * @param receivedAt when it arrived, to turn {@code expires_in} into an instant
	 */
	record Answer(Map<String, Object> json, Instant receivedAt) {

		String requiredString(String name) {
			return optionalString(name).orElseThrow(() -> new KhyberPassClientException(
					"The token endpoint answer lacks '" + name + "'; check that the issuer is Khyber Pass"));
		}

		Optional<String> optionalString(String name) {
			return Optional.ofNullable(stringOrNull(this.json, name));
		}

		Optional<Instant> expiresAt() {
			Object value = this.json.get("expires_in");
			if (value instanceof Number seconds && seconds.longValue() > 0) {
				return Optional.of(this.receivedAt.plusSeconds(seconds.longValue()));
			}
			return Optional.empty();
		}

		Set<String> scopes(Set<String> requested) {
			Optional<String> scope = optionalString("scope");
			if (scope.isEmpty()) {
				return requested;
			}
			Set<String> scopes = new LinkedHashSet<>();
			for (String item : scope.get().split(" ")) {
				if (!item.isEmpty()) {
					scopes.add(item);
				}
			}
			return scopes;
		}

	}

}
