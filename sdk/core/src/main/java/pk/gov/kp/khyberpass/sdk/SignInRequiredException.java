package pk.gov.kp.khyberpass.sdk;

/**
 * Thrown when a citizen's sign-in can no longer give an access token: the access token
 * expired and Khyber Pass refused the refresh ({@code invalid_grant}: the refresh token
 * was spent, reached its absolute lifetime or was revoked, for example because the
 * citizen signed out, changed the password or withdrew consent), or there is no refresh
 * token. End the local session and send the citizen to sign in again. Instances are
 * immutable and thread-safe.
 *
 * @see KhyberPassClient#refreshIfExpiring(SessionTokens)
 */
public final class SignInRequiredException extends KhyberPassClientException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message why the sign-in ended, for operators; not {@code null}
	 */
	public SignInRequiredException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message why the sign-in ended, for operators; not {@code null}
	 * @param cause the refusal, such as an {@link OAuthErrorException} with
	 * {@code invalid_grant}; not {@code null}
	 */
	public SignInRequiredException(String message, Throwable cause) {
		super(message, cause);
	}

}
