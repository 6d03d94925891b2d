package pk.gov.kp.khyberpass.account;

/**
 * A one-time code just issued: its challenge id (kept by the citizen's session) and the
 * code (sent by SMS, never stored or logged). {@link #toString()} hides the code.
 *
 * @param id the challenge id, 256 random bits in base64url
 * @param code the six digits
 */
public record OtpChallenge(String id, String code) {

	@Override
	public String toString() {
		return "OtpChallenge[id=" + this.id + "]";
	}

}
