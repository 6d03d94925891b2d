package pk.gov.kp.khyberpass.account;

/**
 * Too many codes were asked for one mobile number: one a minute and a few an hour at
 * most.
 */
public final class OtpThrottledException extends RuntimeException {

	public OtpThrottledException() {
		super("Too many one-time codes asked for one mobile number");
	}

}
