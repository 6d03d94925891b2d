package pk.gov.kp.khyberpass.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Account settings: password hashing cost and password policy.
 *
 * @param passwordHashing the Argon2id parameters for new hashes; stored hashes below them
 * are re-hashed at the next sign-in
 * @param passwordPolicy the password length rules (NIST SP 800-63B-4 §3.1.1.2)
 */
@Validated
@ConfigurationProperties("khyberpass.account")
public record AccountProperties(@DefaultValue @Valid PasswordHashing passwordHashing,
		@DefaultValue @Valid PasswordPolicy passwordPolicy) {

	/**
	 * Argon2id cost (OWASP: m=19 MiB, t=2, p=1 at least).
	 *
	 * @param memoryKib memory in KiB
	 * @param iterations passes over the memory
	 * @param parallelism lanes
	 */
	public record PasswordHashing(@DefaultValue("19456") @Min(7168) int memoryKib,
			@DefaultValue("2") @Min(1) int iterations, @DefaultValue("1") @Min(1) @Max(16) int parallelism) {
	}

	/**
	 * Password length limits, counted in Unicode code points after NFKC normalisation.
	 *
	 * @param minLengthSingleFactor minimum when the password is the only factor
	 * @param minLengthWithSecondFactor minimum when the password is one factor of several
	 * @param maxLength maximum (at least 64 by NIST)
	 */
	public record PasswordPolicy(@DefaultValue("15") @Min(8) int minLengthSingleFactor,
			@DefaultValue("8") @Min(8) int minLengthWithSecondFactor, @DefaultValue("128") @Min(64) int maxLength) {
	}

}
