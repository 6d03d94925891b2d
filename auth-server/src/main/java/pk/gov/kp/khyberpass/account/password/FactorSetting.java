package pk.gov.kp.khyberpass.account.password;

/**
 * Whether a password is the account's only authentication factor, which sets its minimum
 * length (NIST SP 800-63B-4 §3.1.1.2: 15 alone, 8 as part of multi-factor
 * authentication).
 */
public enum FactorSetting {

	/** The password alone signs in. */
	SINGLE_FACTOR,

	/** The password is always combined with a second factor. */
	MULTI_FACTOR

}
