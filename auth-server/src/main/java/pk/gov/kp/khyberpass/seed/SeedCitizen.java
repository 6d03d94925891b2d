package pk.gov.kp.khyberpass.seed;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A citizen entry of the seed file, as written (the account feature validates the
 * values).
 *
 * @param cnic the CNIC, with or without dashes
 * @param name the full name
 * @param birthDate the date of birth
 * @param mobile the mobile number in any accepted Pakistani form
 * @param password the password
 * @param totpSecret a base32 TOTP secret, so that test harnesses can sign in at
 * {@code urn:kp:loa:2} without a phone; {@code null} for none
 * @param recoveryCodes recovery codes to add (each usable once)
 */
public record SeedCitizen(String cnic, String name, LocalDate birthDate, String mobile, String password,
		@Nullable String totpSecret, List<String> recoveryCodes) {

	@Override
	public String toString() {
		return "SeedCitizen[name=" + this.name + "]";
	}

}
