package pk.gov.kp.khyberpass.mfa.passkey;

/**
 * A passkey ceremony was refused. The reason is a short code for the audit log and operators (the WebAuthn4J
 * check that failed, {@code challenge}, {@code unknown-credential}...), never shown to citizens and never
 * carrying WebAuthn payloads.
 */
public final class PasskeyRefusedException extends RuntimeException {

	private final String reason;

	public PasskeyRefusedException(String reason) {
		super("Passkey refused: " + reason);
		this.reason = reason;
	}

	/** The short reason code. */
	public String reason() {
		return this.reason;
	}

}
