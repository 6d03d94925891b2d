package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.util.Base64URL;
import org.jspecify.annotations.Nullable;

/**
 * An OpenID Connect authorization request (code flow with PKCE S256): the {@link #uri()}
 * to redirect the browser to, and the {@link #pending()} values to keep in the session.
 * Obtain a {@link Builder} from {@link KhyberPassClient#authorizationRequest(URI)}.
 * Immutable and thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC
 * Core §3.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636</a>
 */
public final class AuthorizationRequest {

	private final URI uri;

	private final PendingAuthorization pending;

	private AuthorizationRequest(URI uri, PendingAuthorization pending) {
		this.uri = uri;
		this.pending = pending;
	}

	/**
	 * Returns the Khyber Pass URL to redirect the browser to (HTTP 302/303).
	 * @return the URI, never {@code null}
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Returns the values to store in the session until the callback.
	 * @return the pending authorization, never {@code null}
	 */
	public PendingAuthorization pending() {
		return this.pending;
	}

	@Override
	public String toString() {
		return "AuthorizationRequest[" + this.pending + "]";
	}

	/**
	 * Builds an {@link AuthorizationRequest}; always asks for the {@code openid} scope,
	 * generates {@code state}, {@code nonce} and the PKCE verifier from a
	 * {@link SecureRandom}. Not thread-safe: use one builder per request.
	 */
	public static final class Builder {

		private final String clientId;

		private final Supplier<URI> endpoint;

		private final SecureRandom random;

		private final URI redirectUri;

		private final Set<String> scopes = new LinkedHashSet<>(Set.of("openid"));

		private @Nullable AssuranceLevel minimumAcr;

		private @Nullable Duration maxAge;

		private @Nullable Prompt prompt;

		private @Nullable String loginHint;

		private @Nullable String uiLocales;

		Builder(String clientId, Supplier<URI> endpoint, SecureRandom random, URI redirectUri) {
			this.clientId = clientId;
			this.endpoint = endpoint;
			this.random = random;
			this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
		}

		/**
		 * Adds scopes to {@code openid}, such as {@code profile} or {@code cnic}.
		 * @param scopes the scopes, not {@code null}
		 * @return this builder
		 */
		public Builder scopes(String... scopes) {
			for (String scope : scopes) {
				if (scope.isBlank() || scope.contains(" ")) {
					throw new KhyberPassClientException(
							"Scope '" + scope + "' is blank or has a space; pass one " + "scope per argument");
				}
				this.scopes.add(scope);
			}
			return this;
		}

		/**
		 * Requires at least this assurance level: sends {@code acr_values} and refuses an
		 * ID token with a lower {@code acr} in the code exchange
		 * ({@link InvalidTokenException.Reason#ACR}).
		 * @param minimumAcr the level, not {@code null}
		 * @return this builder
		 */
		public Builder minimumAcr(AssuranceLevel minimumAcr) {
			this.minimumAcr = Objects.requireNonNull(minimumAcr, "minimumAcr");
			return this;
		}

		/**
		 * Requires a sign-in no older than this: sends {@code max_age} and checks
		 * {@code auth_time} in the code exchange
		 * ({@link InvalidTokenException.Reason#AUTH_TIME}).
		 * @param maxAge the age, zero or positive, whole seconds; not {@code null}
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			if (maxAge.isNegative()) {
				throw new KhyberPassClientException("max_age must not be negative");
			}
			this.maxAge = maxAge;
			return this;
		}

		/**
		 * Sets the {@code prompt}.
		 * @param prompt the prompt, not {@code null}
		 * @return this builder
		 */
		public Builder prompt(Prompt prompt) {
			this.prompt = Objects.requireNonNull(prompt, "prompt");
			return this;
		}

		/**
		 * Sets the {@code login_hint} (for example the mobile number the citizen typed).
		 * @param loginHint the hint, not {@code null}
		 * @return this builder
		 */
		public Builder loginHint(String loginHint) {
			this.loginHint = Objects.requireNonNull(loginHint, "loginHint");
			return this;
		}

		/**
		 * Sets the preferred page languages as {@code ui_locales}, such as {@code ur en}.
		 * @param uiLocales space-separated BCP 47 tags, not {@code null}
		 * @return this builder
		 */
		public Builder uiLocales(String uiLocales) {
			this.uiLocales = Objects.requireNonNull(uiLocales, "uiLocales");
			return this;
		}

		/**
		 * Builds the request with fresh random values.
		 * @return the request, never {@code null}
		 * @throws KhyberPassClientException if discovery fails
		 */
		public AuthorizationRequest build() {
			String state = randomValue();
			String nonce = randomValue();
			String codeVerifier = randomValue();
			Map<String, String> params = new LinkedHashMap<>();
			params.put("response_type", "code");
			params.put("client_id", this.clientId);
			params.put("redirect_uri", this.redirectUri.toString());
			params.put("scope", String.join(" ", this.scopes));
			params.put("state", state);
			params.put("nonce", nonce);
			params.put("code_challenge", codeChallenge(codeVerifier));
			params.put("code_challenge_method", "S256");
			if (this.minimumAcr != null) {
				params.put("acr_values", this.minimumAcr.value());
			}
			if (this.maxAge != null) {
				params.put("max_age", Long.toString(this.maxAge.toSeconds()));
			}
			if (this.prompt != null) {
				params.put("prompt", this.prompt.value());
			}
			if (this.loginHint != null) {
				params.put("login_hint", this.loginHint);
			}
			if (this.uiLocales != null) {
				params.put("ui_locales", this.uiLocales);
			}
			URI uri = appendQuery(this.endpoint.get(), params);
			return new AuthorizationRequest(uri, new PendingAuthorization(state, nonce, codeVerifier, this.redirectUri,
					this.minimumAcr, this.maxAge));
		}

		/**
		 * 256 random bits, base64url: 43 characters, a valid PKCE verifier (RFC 7636
		 * §4.1).
		 */
		private String randomValue() {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			return Base64URL.encode(bytes).toString();
		}

		static String codeChallenge(String codeVerifier) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
				return Base64URL.encode(digest).toString();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	static URI appendQuery(URI endpoint, Map<String, String> params) {
		String base = endpoint.toString();
		String separator = (endpoint.getRawQuery() == null) ? "?" : "&";
		return URI.create(base + separator + HttpTransport.formEncode(params));
	}

}
