package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens from a successful authorization code exchange or refresh. Keep the refresh
 * token server-side (it is rotated: always store the one from the latest response).
 * Immutable and thread-safe; no component is {@code null}; {@code toString()} hides the
 * tokens.
 *
 * @param accessToken the access token, to call department and Khyber Pass APIs
 * @param tokenType the token type, normally {@code Bearer}
 * @param expiresAt when the access token expires, if Khyber Pass said
 * @param refreshToken the (new) refresh token, if one was issued
 * @param scopes the granted scopes, if Khyber Pass listed them
 * @param idToken the verified ID token: always present after a code exchange, sometimes
 * after a refresh
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 */
public record TokenResponse(String accessToken, String tokenType, Optional<Instant> expiresAt,
		Optional<String> refreshToken, Set<String> scopes, Optional<VerifiedIdToken> idToken) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public TokenResponse {
		Objects.requireNonNull(accessToken, "accessToken");
		Objects.requireNonNull(tokenType, "tokenType");
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
	}

	/**
	 * Returns a description without the tokens.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "TokenResponse[tokenType=" + this.tokenType + ", expiresAt="
				+ this.expiresAt.map(Instant::toString).orElse("-") + ", refreshToken="
				+ (this.refreshToken.isPresent() ? "present" : "absent") + ", scopes=" + this.scopes + ", idToken="
				+ this.idToken.map(VerifiedIdToken::toString).orElse("-") + "]";
	}

}
