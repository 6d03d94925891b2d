package pk.gov.kp.khyberpass.cnic;

/**
 * The text given as a CNIC is not one. The message never echoes the input;
 * {@link #messageKey()} names the localised text to show the citizen.
 */
public final class InvalidCnicException extends IllegalArgumentException {

	private final String messageKey;

	InvalidCnicException(String messageKey) {
		super("Invalid CNIC (" + messageKey + ")");
		this.messageKey = messageKey;
	}

	/**
	 * The message bundle key describing what is wrong, for example
	 * {@code cnic.invalid.format}.
	 */
	public String messageKey() {
		return this.messageKey;
	}

}
