package pk.gov.kp.khyberpass.sdk;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when Khyber Pass answers with an OAuth 2.0 error: an {@code error=}
 * authorization response (for example {@code access_denied} when the citizen cancelled,
 * or {@code login_required} after {@code prompt=none}) or an error from the token or
 * userinfo endpoint (for example {@code invalid_grant} when a refresh token was revoked).
 * Callers usually branch on {@link #error()}. Instances are immutable and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749
 * §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class OAuthErrorException extends KhyberPassClientException {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final @Nullable String description;

	/**
	 * Creates an exception.
	 * @param error the OAuth error code, not {@code null}
	 * @param description the {@code error_description}, or {@code null}
	 * @param where the endpoint that answered, for the message, not {@code null}
	 */
	public OAuthErrorException(String error, @Nullable String description, String where) {
		super(where + " answered with OAuth error '" + error + "'" + ((description != null) ? ": " + description : ""));
		this.error = Objects.requireNonNull(error, "error");
		this.description = description;
	}

	/**
	 * Returns the OAuth error code, such as {@code access_denied} or
	 * {@code invalid_grant}.
	 * @return the code, never {@code null}
	 */
	public String error() {
		return this.error;
	}

	/**
	 * Returns the human-readable {@code error_description}, if Khyber Pass sent one.
	 * @return the description, never {@code null}
	 */
	public Optional<String> description() {
		return Optional.ofNullable(this.description);
	}

}
