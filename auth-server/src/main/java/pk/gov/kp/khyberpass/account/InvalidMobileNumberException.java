package pk.gov.kp.khyberpass.account;

/**
 * The text given as a Pakistani mobile number is not one. The message never echoes the
 * input; {@link #messageKey()} names the localised text to show the citizen.
 */
public final class InvalidMobileNumberException extends IllegalArgumentException {

	private final String messageKey;

	InvalidMobileNumberException(String messageKey) {
		super("Invalid mobile number (" + messageKey + ")");
		this.messageKey = messageKey;
	}

	/**
	 * The message bundle key describing what is wrong, for example
	 * {@code mobile.invalid.format}.
	 */
	public String messageKey() {
		return this.messageKey;
	}

}
