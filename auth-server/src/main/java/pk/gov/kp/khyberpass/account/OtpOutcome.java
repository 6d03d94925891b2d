package pk.gov.kp.khyberpass.account;

/**
 * What became of a code submitted for a challenge.
 */
public enum OtpOutcome {

	/** The code was right; the challenge is used up. */
	ACCEPTED,

	/** The code was wrong; the challenge lives on. */
	WRONG_CODE,

	/**
	 * The challenge is dead: expired, already used, or too many wrong codes. A new code
	 * is needed.
	 */
	DEAD

}
