package pk.gov.kp.mvr.lookup;

/**
 * The vehicle registry API refused the call or failed.
 */
public final class RegistryUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what happened, for operators
	 */
	public RegistryUnavailableException(String message) {
		super(message);
	}

}
