package pk.gov.kp.khyberpass.sdk;

/**
 * What presenting a refresh token came to, here or on another node: new tokens, a refusal
 * that ends the sign-in, or a failure that may pass.
 */
sealed interface RenewalOutcome {

	/**
	 * Khyber Pass renewed the tokens.
	 *
	 * @param tokens the renewed tokens, with the rotated refresh token
	 */
	record Renewed(SessionTokens tokens) implements RenewalOutcome {

	}

	/**
	 * The sign-in cannot go on ({@code invalid_grant}, or an answer that cannot be
	 * accepted).
	 *
	 * @param failure what to throw
	 */
	record Refused(SignInRequiredException failure) implements RenewalOutcome {

	}

	/**
	 * Nothing known to be renewed (Khyber Pass unreachable, another node slow or gone):
	 * go on with the current token while it lives.
	 *
	 * @param failure what to throw once the current token has expired
	 */
	record Unavailable(KhyberPassClientException failure) implements RenewalOutcome {

	}

}
