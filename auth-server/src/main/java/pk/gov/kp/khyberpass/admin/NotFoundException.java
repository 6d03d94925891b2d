package pk.gov.kp.khyberpass.admin;

/**
 * What an admin request names does not exist; answered with 404.
 */
final class NotFoundException extends RuntimeException {

	NotFoundException(String message) {
		super(message);
	}

}
