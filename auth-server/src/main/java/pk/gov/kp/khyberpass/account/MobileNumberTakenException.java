package pk.gov.kp.khyberpass.account;

/**
 * The mobile number already belongs to another account. The message carries only the
 * masked number.
 */
public final class MobileNumberTakenException extends RuntimeException {

	MobileNumberTakenException(MobileNumber mobile) {
		super("Mobile number " + mobile.masked() + " already belongs to another account");
	}

}
