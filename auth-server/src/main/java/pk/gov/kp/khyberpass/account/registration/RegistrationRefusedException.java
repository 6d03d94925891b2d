package pk.gov.kp.khyberpass.account.registration;

/**
 * A registration that cannot go on, for a reason the citizen is told in their language.
 */
final class RegistrationRefusedException extends RuntimeException {

	private final Reason reason;

	RegistrationRefusedException(Reason reason) {
		super("Registration refused: " + reason);
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/** Why, with the message key shown to the citizen and the form field it concerns. */
	enum Reason {

		/** The civil registry holds no citizen with this CNIC, name and date of birth. */
		IDENTITY_NOT_CONFIRMED("register.error.registry-mismatch", "cnic"),

		/** The CNIC already has an account. */
		CNIC_REGISTERED("register.error.cnic-registered", "cnic"),

		/** The mobile number belongs to another account. */
		MOBILE_TAKEN("register.error.mobile-taken", "mobile"),

		/** Codes were asked for this mobile number too often. */
		TOO_MANY_CODES("register.error.too-many-codes", "mobile");

		private final String messageKey;

		private final String field;

		Reason(String messageKey, String field) {
			this.messageKey = messageKey;
			this.field = field;
		}

		String messageKey() {
			return this.messageKey;
		}

		String field() {
			return this.field;
		}

	}

}
