package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Posts grants to the token endpoint with the client's authentication and reads the
 * answer. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5">RFC 6749 §5</a>
 */
final class TokenEndpoint {

	private final Supplier<URI> uri;

	private final AuthenticatedPost poster;

	private final Clock clock;

	TokenEndpoint(Supplier<URI> uri, AuthenticatedPost poster, Clock clock) {
		this.uri = uri;
		this.poster = poster;
		this.clock = clock;
	}

	/**
	 * Posts a grant and returns the successful answer.
	 * @throws OAuthErrorException when Khyber Pass answers with an OAuth error
	 * @throws KhyberPassClientException on other failures
	 */
	Answer post(Map<String, String> grant) {
		HttpTransport.JsonResponse response = this.poster.post(this.uri.get(), "Token endpoint",
				"The token endpoint (" + grant.get("grant_type") + ")", grant);
		Answer answer = new Answer(response.body(), this.clock.instant());
		answer.requiredString("access_token");
		answer.requiredString("token_type");
		return answer;
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
			return Optional.ofNullable(AuthenticatedPost.stringOrNull(this.json, name));
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
