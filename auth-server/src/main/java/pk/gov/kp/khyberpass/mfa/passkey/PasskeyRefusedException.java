package pk.gov.kp.khyberpass.mfa.passkey;

/**
 * A passkey ceremony was refused. The reason is a short code for the audit log and
 * operators (the WebAuthn4J check that failed, {@code challenge},
 * {@code unknown-credential}...), never shown to citizens and never carrying WebAuthn
 * payloads.
 */
public final class PasskeyRefusedException extends RuntimeException {

	/**
	 * The reason of a genuine passkey refused because an administrator forced a password
	 * reset: the citizen must recover the account first.
	 */
	public static final String PASSWORD_RESET_REQUIRED = "password-reset-required";

	private final String reason;

	public PasskeyRefusedException(String reason) {
		super("Passkey refused: " + reason);
		this.reason = reason;
	}

	/** The short reason code. */
	public String reason() {
		return this.reason;
	}

	/**
	 * Whether the passkey was refused only because the account waits for a forced
	 * password reset.
	 */
	public boolean passwordResetRequired() {
		return PASSWORD_RESET_REQUIRED.equals(this.reason);
	}

}
