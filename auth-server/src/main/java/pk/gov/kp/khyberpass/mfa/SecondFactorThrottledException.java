package pk.gov.kp.khyberpass.mfa;

/**
 * Too many wrong second-factor codes: the account must wait before trying again.
 */
public final class SecondFactorThrottledException extends RuntimeException {

	public SecondFactorThrottledException() {
		super("Too many wrong second-factor codes");
	}

}
