package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Passkey settings. The relying party id and origin are not settings: they come from the
 * issuer.
 *
 * @param challengeTtl how long a ceremony's challenge stays usable (and the browser's
 * timeout)
 * @param maxPerAccount how many passkeys one account may hold
 * @param maxStepUpFailures refused step-up assertions within {@code failureWindow} before
 * the account must wait
 * @param failureWindow how long refused step-up assertions are counted
 */
@Validated
@ConfigurationProperties("khyberpass.passkey")
public record PasskeyProperties(@DefaultValue("5m") Duration challengeTtl,
		@DefaultValue("10") @Min(1) @Max(100) int maxPerAccount, @DefaultValue("5") @Min(1) int maxStepUpFailures,
		@DefaultValue("15m") Duration failureWindow) {
}
