package pk.gov.kp.khyberpass.account.registration;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Self-registration settings.
 *
 * @param civilRegistry which civil registry adapter confirms identities
 * @param syntheticRecords the CSV file of the {@code synthetic} registry
 * @param registryHttp the HTTP registry, required when {@code civilRegistry} is
 * {@code http}
 * @param otp the one-time codes sent to the mobile number
 */
@Validated
@ConfigurationProperties("khyberpass.registration")
public record RegistrationProperties(@DefaultValue("synthetic") RegistryAdapter civilRegistry,
		@DefaultValue("classpath:civil-registry/synthetic-records.csv") String syntheticRecords,
		@DefaultValue @Valid RegistryHttp registryHttp, @DefaultValue @Valid Otp otp) {

	/** The civil registry adapters. */
	public enum RegistryAdapter {

		/** Made-up citizens from a CSV file (development). */
		SYNTHETIC,

		/** The registry's HTTP verification service. */
		HTTP

	}

	/**
	 * The HTTP civil registry.
	 *
	 * @param endpoint the verification URL
	 * @param timeout connect and response time-out
	 */
	public record RegistryHttp(@Nullable URI endpoint, @DefaultValue("5s") Duration timeout) {
	}

	/**
	 * One-time codes sent by SMS (security baseline: 6 digits, 5 min, 5 attempts, resend
	 * throttled): at registration and for the SMS second factor.
	 *
	 * @param ttl how long a code stays valid
	 * @param maxAttempts wrong codes allowed before the challenge dies
	 * @param resendInterval the shortest gap between two codes to one mobile number
	 * @param maxPerHour codes sent to one mobile number per hour
	 */
	public record Otp(@DefaultValue("5m") Duration ttl, @DefaultValue("5") @Min(1) int maxAttempts,
			@DefaultValue("60s") Duration resendInterval, @DefaultValue("5") @Min(1) int maxPerHour) {
	}

}
