package pk.gov.kp.khyberpass.admin;

/**
 * An admin request conflicts with the current state (a taken client id, the last security
 * admin); answered with 409.
 */
final class ConflictException extends RuntimeException {

	ConflictException(String message) {
		super(message);
	}

}
