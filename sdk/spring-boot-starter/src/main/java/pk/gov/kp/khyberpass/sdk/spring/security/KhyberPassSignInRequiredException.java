package pk.gov.kp.khyberpass.sdk.spring.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Thrown by {@link KhyberPassCitizenTokens} when the citizen's sign-in can no longer give
 * an access token (Khyber Pass refused the refresh: the citizen signed out, changed the
 * password, withdrew consent, or the sign-in reached its absolute lifetime), or when no
 * citizen is signed in. The local session has already ended. Let it propagate: as an
 * {@link AuthenticationException}, Spring Security's filter chain then sends a browser
 * {@code GET} to Khyber Pass to sign in again and back to the same page, and answers
 * other requests HTTP 401. Catch it only to answer differently. Immutable and
 * thread-safe.
 */
public final class KhyberPassSignInRequiredException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message why, for operators; not {@code null}
	 */
	public KhyberPassSignInRequiredException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message why, for operators; not {@code null}
	 * @param cause the SDK's {@link pk.gov.kp.khyberpass.sdk.SignInRequiredException},
	 * not {@code null}
	 */
	public KhyberPassSignInRequiredException(String message, Throwable cause) {
		super(message, cause);
	}

}
