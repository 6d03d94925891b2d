package pk.gov.kp.khyberpass.account.registration;

/**
 * Too many codes were asked for one mobile number: one a minute and a few an hour at most.
 */
final class OtpThrottledException extends RuntimeException {

	OtpThrottledException() {
		super("Too many one-time codes asked for one mobile number");
	}

}
