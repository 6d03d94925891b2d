package pk.gov.kp.khyberpass.seed;

import java.time.LocalDate;

/**
 * A citizen entry of the seed file, as written (the account feature validates the values).
 *
 * @param cnic the CNIC, with or without dashes
 * @param name the full name
 * @param birthDate the date of birth
 * @param mobile the mobile number in any accepted Pakistani form
 * @param password the password
 */
public record SeedCitizen(String cnic, String name, LocalDate birthDate, String mobile, String password) {

	@Override
	public String toString() {
		return "SeedCitizen[name=" + this.name + "]";
	}

}
