package pk.gov.kp.khyberpass.mfa;

/**
 * The second factors a citizen can present after the password, as Spring Security factor
 * authorities.
 */
public enum SecondFactor {

	/** A code from an authenticator app (RFC 6238). */
	TOTP("FACTOR_TOTP"),

	/** A code sent by SMS to the confirmed mobile number. */
	SMS("FACTOR_SMS"),

	/** One of the single-use recovery codes. */
	RECOVERY_CODE("FACTOR_RECOVERY_CODE");

	private final String authority;

	SecondFactor(String authority) {
		this.authority = authority;
	}

	/**
	 * The {@code FactorGrantedAuthority} name this factor adds to the citizen's
	 * authentication.
	 */
	public String authority() {
		return this.authority;
	}

}
