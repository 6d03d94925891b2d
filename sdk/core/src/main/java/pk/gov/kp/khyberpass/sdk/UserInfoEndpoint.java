package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

/**
 * Calls the userinfo endpoint (JSON answers only) and checks the subject. Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core
 * §5.3</a>
 */
final class UserInfoEndpoint {

	private static final Pattern BEARER_ERROR = Pattern.compile("error=\"([A-Za-z_]{1,64})\"");

	private final Supplier<ProviderMetadata> metadata;

	private final HttpTransport http;

	UserInfoEndpoint(Supplier<ProviderMetadata> metadata, HttpTransport http) {
		this.metadata = metadata;
		this.http = http;
	}

	UserInfo fetch(String accessToken, String expectedSubject) {
		URI endpoint = this.metadata.get().userinfoEndpoint();
		if (endpoint == null) {
			throw new KhyberPassClientException("The discovery document has no userinfo_endpoint");
		}
		HttpTransport.JsonResponse response = this.http.get(endpoint, "Userinfo",
				Map.of("Authorization", "Bearer " + accessToken));
		if (!response.isSuccess()) {
			String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
			Matcher error = BEARER_ERROR.matcher(challenge);
			if (error.find()) {
				throw new OAuthErrorException(error.group(1), null, "The userinfo endpoint");
			}
			throw new KhyberPassClientException("The userinfo endpoint answered HTTP " + response.status());
		}
		Object subject = response.body().get("sub");
		if (!(subject instanceof String sub) || !MessageDigest.isEqual(sub.getBytes(StandardCharsets.UTF_8),
				expectedSubject.getBytes(StandardCharsets.UTF_8))) {
			throw new InvalidTokenException(Reason.SUBJECT,
					"The userinfo answer is not about the subject of the ID token (OIDC Core §5.3.2)");
		}
		return new UserInfo(sub, response.body());
	}

}
