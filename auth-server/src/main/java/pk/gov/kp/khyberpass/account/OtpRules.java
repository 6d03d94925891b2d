package pk.gov.kp.khyberpass.account;

import java.time.Duration;

/**
 * The rules every one-time code sent by SMS follows, for registration and for the SMS
 * second factor alike (security baseline: 6 digits, 5 minutes, 5 attempts, resend
 * throttled).
 *
 * @param ttl how long a code stays valid
 * @param maxAttempts wrong codes allowed before the challenge dies
 * @param resendInterval the shortest gap between two codes to one mobile number
 * @param maxPerHour codes sent to one mobile number per hour
 */
public record OtpRules(Duration ttl, int maxAttempts, Duration resendInterval, int maxPerHour) {

	public OtpRules {
		if (maxAttempts < 1 || maxPerHour < 1 || ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("OTP rules need a positive lifetime, attempts and hourly limit");
		}
	}

}
