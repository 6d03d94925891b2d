package pk.gov.kp.khyberpass.account.registration;

/**
 * The civil registry did not answer (network failure, time-out, unexpected reply).
 * Registration fails closed: nothing is created.
 */
public final class RegistryUnavailableException extends RuntimeException {

	RegistryUnavailableException(String message) {
		super(message);
	}

	RegistryUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
