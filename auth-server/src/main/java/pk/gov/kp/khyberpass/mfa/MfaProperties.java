package pk.gov.kp.khyberpass.mfa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Second-factor settings.
 *
 * @param maxAttempts wrong codes allowed within {@code attemptWindow} before the account
 * must wait
 * @param attemptWindow how long wrong codes are counted
 * @param recentSignIn how long after a second factor the citizen may generate new
 * recovery codes without typing the password again
 */
@Validated
@ConfigurationProperties("khyberpass.mfa")
public record MfaProperties(@DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("15m") Duration attemptWindow,
		@DefaultValue("15m") Duration recentSignIn) {
}
