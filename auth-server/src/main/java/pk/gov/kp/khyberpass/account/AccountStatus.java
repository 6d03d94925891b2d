package pk.gov.kp.khyberpass.account;

/**
 * Whether an account may sign in.
 */
public enum AccountStatus {

	/** Signs in normally. */
	ACTIVE,

	/**
	 * Temporarily locked (for example after repeated failures); unlocks by recovery or an
	 * administrator.
	 */
	LOCKED,

	/** Closed by an administrator or the citizen; never signs in. */
	DISABLED

}
