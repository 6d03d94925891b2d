package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An RFC 8693 token exchange: trade the token a citizen's request arrived with for one to
 * call another department's service on the citizen's behalf. Create with
 * {@link #forAccessToken(String)} and narrow it with {@link #audience(String)},
 * {@link #resource(URI)} and {@link #scopes(String...)}. Immutable and thread-safe; the
 * {@code with} methods return new instances; {@code toString()} hides the token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8693#section-2.1">RFC 8693 §2.1</a>
 */
public final class TokenExchangeRequest {

	/** The token type URN of an access token. */
	public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

	private final String subjectToken;

	private final String subjectTokenType;

	private final @Nullable String audience;

	private final @Nullable URI resource;

	private final Set<String> scopes;

	private TokenExchangeRequest(String subjectToken, String subjectTokenType, @Nullable String audience,
			@Nullable URI resource, Set<String> scopes) {
		this.subjectToken = subjectToken;
		this.subjectTokenType = subjectTokenType;
		this.audience = audience;
		this.resource = resource;
		this.scopes = Collections.unmodifiableSet(scopes);
	}

	/**
	 * Starts an exchange of an access token.
	 * @param accessToken the access token to exchange, not {@code null} or empty
	 * @return the request, never {@code null}
	 * @throws KhyberPassClientException if the token is empty
	 */
	public static TokenExchangeRequest forAccessToken(String accessToken) {
		if (accessToken == null || accessToken.isEmpty()) {
			throw new KhyberPassClientException("The token to exchange is empty");
		}
		return new TokenExchangeRequest(accessToken, ACCESS_TOKEN_TYPE, null, null, Set.of());
	}

	/**
	 * Returns a copy asking for a token for the named service ({@code audience}).
	 * @param audience the logical name of the target service, not {@code null}
	 * @return a new request, never {@code null}
	 */
	public TokenExchangeRequest audience(String audience) {
		return new TokenExchangeRequest(this.subjectToken, this.subjectTokenType,
				Objects.requireNonNull(audience, "audience"), this.resource, this.scopes);
	}

	/**
	 * Returns a copy asking for a token for the service at this URI ({@code resource}).
	 * @param resource the absolute URI of the target service, not {@code null}
	 * @return a new request, never {@code null}
	 */
	public TokenExchangeRequest resource(URI resource) {
		return new TokenExchangeRequest(this.subjectToken, this.subjectTokenType, this.audience,
				Objects.requireNonNull(resource, "resource"), this.scopes);
	}

	/**
	 * Returns a copy asking for these scopes.
	 * @param scopes the scopes, not {@code null}
	 * @return a new request, never {@code null}
	 */
	public TokenExchangeRequest scopes(String... scopes) {
		Set<String> all = new LinkedHashSet<>(this.scopes);
		all.addAll(Set.of(scopes));
		return new TokenExchangeRequest(this.subjectToken, this.subjectTokenType, this.audience, this.resource, all);
	}

	String subjectToken() {
		return this.subjectToken;
	}

	String subjectTokenType() {
		return this.subjectTokenType;
	}

	@Nullable String audience() {
		return this.audience;
	}

	@Nullable URI resource() {
		return this.resource;
	}

	Set<String> scopes() {
		return this.scopes;
	}

	@Override
	public String toString() {
		return "TokenExchangeRequest[audience=" + this.audience + ", resource=" + this.resource + ", scopes="
				+ this.scopes + "]";
	}

}
