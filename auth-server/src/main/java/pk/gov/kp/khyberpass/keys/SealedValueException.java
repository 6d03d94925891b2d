package pk.gov.kp.khyberpass.keys;

/**
 * A sealed value could not be opened: it was altered, or sealed under another master key
 * or purpose.
 */
public final class SealedValueException extends RuntimeException {

	public SealedValueException(String message) {
		super(message);
	}

}
