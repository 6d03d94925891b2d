package pk.gov.kp.khyberpass.admin;

/**
 * A request field of the admin API is missing or wrong; answered with 400 and a problem
 * naming the field.
 */
final class InvalidFieldException extends RuntimeException {

	private final String field;

	InvalidFieldException(String field, String message) {
		super(message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
