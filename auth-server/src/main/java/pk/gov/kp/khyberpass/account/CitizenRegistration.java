package pk.gov.kp.khyberpass.account;

import java.time.LocalDate;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * A citizen registering themselves, after the civil registry confirmed who they are and
 * their mobile number answered a one-time code. {@link #toString()} hides everything but
 * the masked CNIC.
 *
 * @param cnic the CNIC, which identifies the account
 * @param fullName the name as on the CNIC
 * @param birthDate the date of birth
 * @param mobile the verified mobile number
 * @param passwordHash the password, already hashed with the account feature's
 * {@link pk.gov.kp.khyberpass.account.password.PasswordHasher}
 */
public record CitizenRegistration(Cnic cnic, String fullName, LocalDate birthDate, MobileNumber mobile,
		String passwordHash) {

	public CitizenRegistration {
		if (fullName.isBlank()) {
			throw new IllegalArgumentException("The full name is required");
		}
		if (!passwordHash.startsWith("$argon2id$")) {
			throw new IllegalArgumentException("The password must be an Argon2id hash");
		}
	}

	@Override
	public String toString() {
		return "CitizenRegistration[cnic=" + this.cnic + "]";
	}

}
