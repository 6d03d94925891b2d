package pk.gov.kp.khyberpass.account.registration;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.CitizenRegistration;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * A registration waiting for its one-time code, kept in the citizen's HTTP session (so
 * serializable). Holds the password only as its Argon2id hash. {@link #toString()} hides
 * everything but the masked CNIC.
 *
 * @param cnic the CNIC digits
 * @param fullName the name the registry confirmed
 * @param birthDate the date of birth the registry confirmed
 * @param mobile the mobile number in E.164 form
 * @param passwordHash the Argon2id hash of the chosen password
 * @param challengeId the one-time code challenge sent to the mobile number
 * @param email the optional e-mail address, not the account's until proved by a code
 * after registration
 */
record PendingRegistration(String cnic, String fullName, LocalDate birthDate, String mobile, String passwordHash,
		String challengeId, @Nullable String email) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The session attribute it is kept under. */
	static final String SESSION_ATTRIBUTE = PendingRegistration.class.getName();

	PendingRegistration withChallenge(String id) {
		return new PendingRegistration(this.cnic, this.fullName, this.birthDate, this.mobile, this.passwordHash, id,
				this.email);
	}

	MobileNumber mobileNumber() {
		return MobileNumber.parse(this.mobile);
	}

	CitizenRegistration toRegistration() {
		return new CitizenRegistration(Cnic.parse(this.cnic), this.fullName, this.birthDate, mobileNumber(),
				this.passwordHash);
	}

	@Override
	public String toString() {
		return "PendingRegistration[cnic=" + Cnic.parse(this.cnic).masked() + "]";
	}

}
