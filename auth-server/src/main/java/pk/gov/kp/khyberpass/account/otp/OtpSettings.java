package pk.gov.kp.khyberpass.account.otp;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One-time codes (security baseline: 6 digits, 5 min, 5 attempts, resend throttled). Bound under
 * {@code khyberpass.registration.otp}; recovery and the profile pages use the same codes.
 *
 * @param ttl how long a code stays valid
 * @param maxAttempts wrong codes allowed before the challenge dies
 * @param resendInterval the shortest gap between two codes to one mobile number
 * @param maxPerHour codes sent to one mobile number per hour
 */
public record OtpSettings(@DefaultValue("5m") Duration ttl, @DefaultValue("5") @Min(1) int maxAttempts,
		@DefaultValue("60s") Duration resendInterval, @DefaultValue("5") @Min(1) int maxPerHour) {
}
