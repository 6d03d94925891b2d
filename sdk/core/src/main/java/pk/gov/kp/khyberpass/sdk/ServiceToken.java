package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An access token the department service obtained for itself (client credentials) or by
 * token exchange, to call another service. Immutable and thread-safe; no component is
 * {@code null}; {@code toString()} hides the token.
 *
 * @param value the access token
 * @param tokenType the token type, normally {@code Bearer}
 * @param expiresAt when it expires, if Khyber Pass said
 * @param scopes the granted scopes (the requested ones when Khyber Pass did not list
 * them)
 * @param issuedTokenType the RFC 8693 {@code issued_token_type}, for token exchange
 */
public record ServiceToken(String value, String tokenType, Optional<Instant> expiresAt, Set<String> scopes,
		Optional<String> issuedTokenType) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public ServiceToken {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(tokenType, "tokenType");
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
	}

	/**
	 * Returns the value for an HTTP {@code Authorization} header, such as
	 * {@code Bearer eyJ...}.
	 * @return the header value, never {@code null}
	 */
	public String authorizationHeader() {
		return this.tokenType + " " + this.value;
	}

	/**
	 * Returns a description without the token.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "ServiceToken[tokenType=" + this.tokenType + ", expiresAt="
				+ this.expiresAt.map(Instant::toString).orElse("-") + ", scopes=" + this.scopes + "]";
	}

}
