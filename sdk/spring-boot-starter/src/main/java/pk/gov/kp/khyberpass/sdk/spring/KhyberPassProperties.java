package pk.gov.kp.khyberpass.sdk.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * The {@code khyberpass.*} settings of a department service; only {@code issuer},
 * {@code client-id} and {@code client-secret} are needed. Checked when the application
 * starts: a missing or wrong value stops it with
 * {@link InvalidKhyberPassPropertiesException}, which names the property to set.
 *
 * @param issuer the Khyber Pass issuer, exactly as in its discovery document, such as
 * {@code https://login.kp.gov.pk} (http only for localhost)
 * @param clientId the client id the Khyber Pass security team registered for the
 * department
 * @param clientSecret the client secret issued with the client id; not needed when
 * {@code client-authentication} is {@code private-key-jwt} or {@code none}
 * @param clientAuthentication how the client authenticates at the token endpoint
 * @param privateKey the department's private JWK (JSON), for {@code private-key-jwt},
 * such as {@code file:/etc/khyberpass/client-key.json}
 * @param scopes the scopes asked for at sign-in ({@code openid} is always added)
 * @param loginPath the path that starts a sign-in, for "Sign in" links
 * @param callbackPath the path Khyber Pass redirects back to; register
 * {@code https://<your host><callback-path>} as the client's redirect URI
 * @param postLogoutRedirectUri where Khyber Pass sends the browser after logout
 * (registered for the client); unset to stay on Khyber Pass
 * @param backchannelLogoutPath the path Khyber Pass POSTs logout tokens to; register
 * {@code https://<your host><backchannel-logout-path>} as the back-channel logout URI
 * @param apiPaths the path patterns of the department's API: stateless, bearer access
 * tokens only
 * @param apiAudience the audience ({@code aud}) bearer access tokens must carry; unset
 * for the client id
 * @param clockSkew the clock difference tolerated in token times, at most 2 minutes
 * @param assurance the assurance levels required on some paths
 * @param sessionTokenRefreshMargin how long before it expires the signed-in citizen's
 * access token is renewed with the refresh token when used
 * ({@code KhyberPassCitizenTokens}), 0 to 10 minutes (half the token's lifetime for
 * tokens living less than twice this)
 * @param endedSessionRetention how long the shared store (Redis) remembers a back-channel
 * logout, so that every node ends the sessions it names: at least as long as a local
 * session can last
 */
@Validated
@ConfigurationProperties("khyberpass")
public record KhyberPassProperties(@Nullable URI issuer, @Nullable String clientId, @Nullable String clientSecret,
		@DefaultValue("client-secret-basic") ClientAuthenticationMethod clientAuthentication,
		@Nullable Resource privateKey, @DefaultValue( {
				"openid", "profile" }) List<String> scopes,
		@DefaultValue("/login/khyberpass") String loginPath,
		@DefaultValue("/login/khyberpass/callback") String callbackPath, @Nullable URI postLogoutRedirectUri,
		@DefaultValue("/logout/backchannel") String backchannelLogoutPath,
		@DefaultValue("/api/**") List<String> apiPaths, @Nullable String apiAudience,
		@DefaultValue("10s") Duration clockSkew, @DefaultValue Assurance assurance,
		@DefaultValue("30s") Duration sessionTokenRefreshMargin, @DefaultValue("24h") Duration endedSessionRetention){

	/**
	 * Checks the settings.
	 * @throws InvalidKhyberPassPropertiesException naming the first wrong property
	 */
	public KhyberPassProperties {
		if (issuer == null || issuer.toString().isBlank()) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.issuer", "is not set",
					"Set khyberpass.issuer (environment variable KHYBERPASS_ISSUER) to the Khyber Pass issuer, "
							+ "such as https://login.kp.gov.pk");
		}
		if (!issuer.isAbsolute() || issuer.getHost() == null || issuer.getRawQuery() != null
				|| issuer.getRawFragment() != null) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.issuer",
					"is '" + issuer + "', which is not an absolute URL without query or fragment",
					"Set khyberpass.issuer to the issuer exactly as in the discovery document, such as "
							+ "https://login.kp.gov.pk");
		}
		if (clientId == null || clientId.isBlank()) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.client-id", "is not set",
					"Set khyberpass.client-id (KHYBERPASS_CLIENT_ID) to the client id the Khyber Pass security "
							+ "team registered for your department");
		}
		if (clientAuthentication.needsSecret() && (clientSecret == null || clientSecret.isBlank())) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.client-secret", "is not set",
					"Set khyberpass.client-secret (KHYBERPASS_CLIENT_SECRET) to the secret issued with the client id, "
							+ "or set khyberpass.client-authentication=private-key-jwt and khyberpass.private-key");
		}
		if (clientAuthentication == ClientAuthenticationMethod.PRIVATE_KEY_JWT && privateKey == null) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.private-key", "is not set",
					"Set khyberpass.private-key to the location of the department's private JWK, such as "
							+ "file:/etc/khyberpass/client-key.json");
		}
		requirePath("khyberpass.login-path", loginPath);
		requirePath("khyberpass.callback-path", callbackPath);
		requirePath("khyberpass.backchannel-logout-path", backchannelLogoutPath);
		if (apiPaths.isEmpty()) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.api-paths", "is empty",
					"Set khyberpass.api-paths to the path patterns of your API, such as /api/**");
		}
		apiPaths.forEach((path) -> requirePath("khyberpass.api-paths", path));
		if (postLogoutRedirectUri != null && !postLogoutRedirectUri.isAbsolute()) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.post-logout-redirect-uri",
					"is '" + postLogoutRedirectUri + "', which is not absolute",
					"Set khyberpass.post-logout-redirect-uri to the full URL registered for the client, such as "
							+ "https://vehicles.kp.gov.pk/");
		}
		if (apiAudience != null && apiAudience.isBlank()) {
			apiAudience = null;
		}
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(2)) > 0) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.clock-skew",
					"is " + clockSkew + ", outside 0 to 2 minutes",
					"Set khyberpass.clock-skew to at most 2m (default 10s)");
		}
		if (sessionTokenRefreshMargin.isNegative() || sessionTokenRefreshMargin.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.session-token-refresh-margin",
					"is " + sessionTokenRefreshMargin + ", outside 0 to 10 minutes",
					"Set khyberpass.session-token-refresh-margin to at most 10m (default 30s)");
		}
		if (endedSessionRetention.isNegative() || endedSessionRetention.isZero()) {
			throw new InvalidKhyberPassPropertiesException("khyberpass.ended-session-retention",
					"is " + endedSessionRetention + ", which is not positive",
					"Set khyberpass.ended-session-retention to the longest a session can last (default 24h)");
		}
		scopes = List.copyOf(scopes);
		apiPaths = List.copyOf(apiPaths);
	}

	private static void requirePath(String property, @Nullable String path) {
		if (path == null || !path.startsWith("/")) {
			throw new InvalidKhyberPassPropertiesException(property, "is '" + path + "', which does not start with /",
					"Set " + property + " to a path starting with /");
		}
	}

	/**
	 * How the department's client authenticates at the Khyber Pass token endpoint.
	 */
	public enum ClientAuthenticationMethod {

		/** The client secret in an HTTP Basic header (the usual choice). */
		CLIENT_SECRET_BASIC,

		/** The client secret in the form body. */
		CLIENT_SECRET_POST,

		/** A client assertion signed with {@code khyberpass.private-key} (RFC 7523). */
		PRIVATE_KEY_JWT,

		/**
		 * None: the service only validates access and logout tokens; sign-in is
		 * impossible.
		 */
		NONE;

		boolean needsSecret() {
			return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
		}

	}

	/**
	 * Assurance levels required on some paths; a browser session below the level is sent
	 * to Khyber Pass to step up, an API call gets HTTP 401
	 * {@code insufficient_user_authentication}.
	 *
	 * @param paths the path patterns per level, such as
	 * {@code khyberpass.assurance.paths.loa2=/pay/**}
	 */
	public record Assurance(Map<AssuranceLevel, List<String>> paths) {

		/**
		 * Copies the map.
		 */
		public Assurance {
			Map<AssuranceLevel, List<String>> copy = new LinkedHashMap<>();
			if (paths != null) {
				paths.forEach((level, patterns) -> {
					patterns.forEach((path) -> requirePath("khyberpass.assurance.paths", path));
					copy.put(level, List.copyOf(new ArrayList<>(patterns)));
				});
			}
			paths = Map.copyOf(copy);
		}

	}

}
