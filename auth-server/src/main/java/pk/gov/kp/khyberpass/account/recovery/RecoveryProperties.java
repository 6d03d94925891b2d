package pk.gov.kp.khyberpass.account.recovery;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password recovery settings. Codes follow {@code khyberpass.registration.otp}.
 *
 * @param perCnicPerHour recovery requests for one CNIC per hour, whether or not it has an
 * account
 * @param perAddressPerHour recovery requests from one client address per hour
 * @param verifiedFor how long a proven code lets the citizen choose a new password
 */
@Validated
@ConfigurationProperties("khyberpass.recovery")
public record RecoveryProperties(@DefaultValue("3") @Min(1) int perCnicPerHour,
		@DefaultValue("20") @Min(1) int perAddressPerHour, @DefaultValue("10m") Duration verifiedFor) {
}
