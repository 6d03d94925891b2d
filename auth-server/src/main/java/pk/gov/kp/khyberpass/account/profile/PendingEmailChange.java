package pk.gov.kp.khyberpass.account.profile;

import java.io.Serializable;

/**
 * An e-mail address change waiting for the code sent to the new address, kept in the HTTP
 * session: the address is not the account's until the code comes back.
 *
 * @param email the new address
 * @param challengeId the code's challenge
 */
record PendingEmailChange(String email, String challengeId) implements Serializable {

	static final String SESSION_ATTRIBUTE = PendingEmailChange.class.getName();

	@Override
	public String toString() {
		return "PendingEmailChange[]";
	}

}
