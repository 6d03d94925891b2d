package pk.gov.kp.khyberpass.account.registration;

import java.io.Serial;
import java.io.Serializable;

/**
 * The e-mail address given at registration, waiting for the code sent to it once the
 * account exists; kept in the HTTP session of the browser that proved the mobile number.
 * The address is not the account's until the code comes back. {@link #toString()} names
 * nothing.
 *
 * @param accountId the new account
 * @param email the address to prove
 * @param challengeId the code's challenge
 */
record RegisteredEmail(String accountId, String email, String challengeId) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The session attribute it is kept under. */
	static final String SESSION_ATTRIBUTE = RegisteredEmail.class.getName();

	@Override
	public String toString() {
		return "RegisteredEmail[]";
	}

}
