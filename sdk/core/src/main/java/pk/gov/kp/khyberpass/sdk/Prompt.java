package pk.gov.kp.khyberpass.sdk;

/**
 * The OpenID Connect {@code prompt} values. Enum constants are immutable and thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC
 * Core §3.1.2.1</a>
 */
public enum Prompt {

	/**
	 * Show no page: fail with {@code login_required} or {@code consent_required} instead.
	 */
	NONE("none"),

	/** Make the citizen sign in again even with a live session. */
	LOGIN("login"),

	/** Ask for consent again. */
	CONSENT("consent"),

	/** Let the citizen choose among signed-in accounts. */
	SELECT_ACCOUNT("select_account");

	private final String value;

	Prompt(String value) {
		this.value = value;
	}

	/**
	 * Returns the parameter value, such as {@code login}.
	 * @return the value, never {@code null}
	 */
	public String value() {
		return this.value;
	}

}
