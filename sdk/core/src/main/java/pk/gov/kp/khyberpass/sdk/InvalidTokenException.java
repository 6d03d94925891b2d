package pk.gov.kp.khyberpass.sdk;

import java.util.Objects;

/**
 * Thrown when untrusted input (a token, or the parameters of an authorization callback)
 * is rejected. The request that carried it should be refused (HTTP 401 for a bearer
 * token, a new sign-in for a callback); it is not a fault of the department service.
 * <p>
 * The {@link #reason()} says which check failed; the message is meant for operators and
 * never contains the token itself. Instances are immutable and thread-safe.
 */
public final class InvalidTokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * Creates an exception.
	 * @param reason the check that failed, not {@code null}
	 * @param message a description for operators, without secrets, not {@code null}
	 */
	public InvalidTokenException(Reason reason, String message) {
		super(message);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * Creates an exception with a cause.
	 * @param reason the check that failed, not {@code null}
	 * @param message a description for operators, without secrets, not {@code null}
	 * @param cause the underlying failure, not {@code null}
	 */
	public InvalidTokenException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * Returns the check that failed.
	 * @return the reason, never {@code null}
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * The check that rejected the input.
	 */
	public enum Reason {

		/** Not a well-formed signed JWT, or a claim has the wrong type or is missing. */
		MALFORMED,

		/**
		 * The {@code alg} header is not one of ES256, RS256, PS256, or does not fit the
		 * key.
		 */
		ALGORITHM,

		/** No key in the issuer's JWKS matches the {@code kid} header. */
		UNKNOWN_KEY,

		/** The signature does not verify with the issuer's key. */
		SIGNATURE,

		/** The {@code typ} header is not the one expected for this kind of token. */
		TYPE,

		/**
		 * The {@code iss} claim or the RFC 9207 {@code iss} callback parameter is not the
		 * issuer.
		 */
		ISSUER,

		/** The {@code aud} claim does not contain the expected audience. */
		AUDIENCE,

		/**
		 * The {@code azp} claim of an ID token with several audiences is not this client.
		 */
		AZP,

		/** The {@code exp} claim is in the past (beyond the allowed clock skew). */
		EXPIRED,

		/**
		 * The {@code nbf} claim, or an {@code iat} claim too far in the future, is not
		 * yet reached.
		 */
		NOT_YET_VALID,

		/**
		 * The ID token {@code nonce} differs from the one sent, or a logout token has
		 * one.
		 */
		NONCE,

		/** The {@code acr} claim is missing or below the level required. */
		ACR,

		/**
		 * The {@code auth_time} claim is missing or older than the requested
		 * {@code max_age}.
		 */
		AUTH_TIME,

		/**
		 * The {@code at_hash} claim does not match the access token issued with the ID
		 * token.
		 */
		AT_HASH,

		/**
		 * A claim the token must carry is absent ({@code sub}, {@code sid}, {@code jti},
		 * ...).
		 */
		MISSING_CLAIM,

		/** The subject differs from the one the caller expected (userinfo). */
		SUBJECT,

		/** A logout token lacks the back-channel logout event. */
		LOGOUT_EVENT,

		/**
		 * The {@code state} callback parameter differs from the one saved in the session.
		 */
		STATE,

		/** A single-use token ({@code jti}) was presented again. */
		REPLAY

	}

}
