package pk.gov.kp.khyberpass.account;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * What an operator knows about a citizen to create or refresh their account, for example
 * one {@code citizens:} entry of the seed file. {@link #toString()} hides everything but
 * the masked CNIC.
 *
 * @param cnic the CNIC, which identifies the account
 * @param fullName the name as on the CNIC
 * @param birthDate the date of birth
 * @param mobile the mobile number, if any
 * @param password the password in the clear (hashed before it is stored, never logged)
 */
public record CitizenProvisioning(Cnic cnic, String fullName, LocalDate birthDate, @Nullable MobileNumber mobile,
		String password) {

	public CitizenProvisioning {
		if (fullName.isBlank()) {
			throw new IllegalArgumentException("The full name is required");
		}
		if (password.isEmpty()) {
			throw new IllegalArgumentException("The password is required");
		}
	}

	@Override
	public String toString() {
		return "CitizenProvisioning[cnic=" + this.cnic + "]";
	}

}
