package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Posts a form to one of Khyber Pass's client-authenticated endpoints (token,
 * introspection) with the client's authentication, and turns an error answer into an
 * exception. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
final class AuthenticatedPost {

	private final String clientId;

	private final ClientAuthentication authentication;

	private final HttpTransport http;

	private final Clock clock;

	private final SecureRandom random;

	AuthenticatedPost(String clientId, ClientAuthentication authentication, HttpTransport http, Clock clock,
			SecureRandom random) {
		this.clientId = clientId;
		this.authentication = authentication;
		this.http = http;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Posts the parameters with the client's authentication (a {@code private_key_jwt}
	 * assertion names {@code endpoint} as its audience) and returns the successful
	 * answer.
	 * @param endpoint where to post
	 * @param what the endpoint's name for messages, such as {@code Token endpoint}
	 * @param where the endpoint's name for an OAuth error, such as
	 * {@code The token endpoint (refresh_token)}
	 * @param params the form parameters, without client authentication
	 * @throws OAuthErrorException when Khyber Pass answers with an OAuth error
	 * @throws KhyberPassClientException on other failures
	 */
	HttpTransport.JsonResponse post(URI endpoint, String what, String where, Map<String, String> params) {
		Map<String, String> form = new LinkedHashMap<>(params);
		Map<String, String> headers = new LinkedHashMap<>();
		this.authentication.apply(form, headers, this.clientId, endpoint, this.clock.instant(), this.random);
		headers.put("Cache-Control", "no-store");
		HttpTransport.JsonResponse response = this.http.postForm(endpoint, what, form, headers);
		if (!response.isSuccess()) {
			if (response.body().get("error") instanceof String error) {
				throw new OAuthErrorException(error, stringOrNull(response.body(), "error_description"), where);
			}
			throw new KhyberPassClientException(what + " " + endpoint + " answered HTTP " + response.status()
					+ " without an OAuth error; check that Khyber Pass is healthy");
		}
		return response;
	}

	static @Nullable String stringOrNull(Map<String, Object> json, String name) {
		return (json.get(name) instanceof String value) ? value : null;
	}

}
