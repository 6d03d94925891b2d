package pk.gov.kp.khyberpass.seed;

/**
 * The seed file is malformed; the message names the entry and the key at fault.
 */
public final class InvalidSeedException extends RuntimeException {

	public InvalidSeedException(String message) {
		super(message);
	}

}
