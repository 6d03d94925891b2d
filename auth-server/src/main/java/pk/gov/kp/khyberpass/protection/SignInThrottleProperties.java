package pk.gov.kp.khyberpass.protection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force throttling of password sign-in (NIST SP 800-63B-4 §3.2.2: at most 100
 * consecutive failures).
 *
 * @param delayAfter failures on one account after which each further attempt must wait
 * @param firstDelay the first wait, doubled for every further failure
 * @param maxDelay the longest wait
 * @param lockAfter failures on one account that lock it for {@code lockDuration}
 * @param lockDuration how long a temporary lock lasts
 * @param window how long failures are remembered
 * @param perAddressLimit failures from one client address within the window before it is
 * refused
 */
@ConfigurationProperties("khyberpass.protection.sign-in")
public record SignInThrottleProperties(@DefaultValue("5") int delayAfter, @DefaultValue("1s") Duration firstDelay,
		@DefaultValue("60s") Duration maxDelay, @DefaultValue("20") int lockAfter,
		@DefaultValue("15m") Duration lockDuration, @DefaultValue("15m") Duration window,
		@DefaultValue("100") int perAddressLimit) {

	public SignInThrottleProperties {
		if (lockAfter > 100 || lockAfter <= delayAfter) {
			throw new IllegalArgumentException(
					"khyberpass.protection.sign-in.lock-after must be above delay-after and at most 100");
		}
	}

}
