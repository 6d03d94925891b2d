package pk.gov.kp.khyberpass.account.profile;

import java.io.Serializable;

/**
 * A mobile number change waiting for the code sent to the new number, kept in the HTTP
 * session.
 *
 * @param mobile the new number, E.164
 * @param challengeId the code's challenge
 */
record PendingMobileChange(String mobile, String challengeId) implements Serializable {

	static final String SESSION_ATTRIBUTE = PendingMobileChange.class.getName();

	@Override
	public String toString() {
		return "PendingMobileChange[]";
	}

}
