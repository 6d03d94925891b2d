package pk.gov.kp.khyberpass.sdk;

/**
 * Thrown when the SDK cannot do its job for reasons on the department's side of the
 * connection: invalid settings, discovery or JWKS failures, network errors and timeouts,
 * or an unexpected answer from Khyber Pass. The message says what to check. Instances are
 * immutable and thread-safe.
 *
 * @see OAuthErrorException
 */
public class KhyberPassClientException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong and what to check, not {@code null}
	 */
	public KhyberPassClientException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong and what to check, not {@code null}
	 * @param cause the underlying failure, not {@code null}
	 */
	public KhyberPassClientException(String message, Throwable cause) {
		super(message, cause);
	}

}
