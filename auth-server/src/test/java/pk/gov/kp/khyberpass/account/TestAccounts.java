package pk.gov.kp.khyberpass.account;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * Test fixtures: citizens to provision.
 */
final class TestAccounts {

	static final String PASSWORD = "correct horse battery staple";

	private TestAccounts() {
	}

	static Builder citizen() {
		return new Builder();
	}

	static final class Builder {

		private Cnic cnic = Cnic.parse("17301-1234567-5");

		private String fullName = "Gul Khan";

		private LocalDate birthDate = LocalDate.of(1990, 3, 23);

		private @Nullable MobileNumber mobile = MobileNumber.parse("0300-1234567");

		private String password = PASSWORD;

		Builder cnic(String cnic) {
			this.cnic = Cnic.parse(cnic);
			return this;
		}

		Builder fullName(String fullName) {
			this.fullName = fullName;
			return this;
		}

		Builder birthDate(LocalDate birthDate) {
			this.birthDate = birthDate;
			return this;
		}

		Builder mobile(@Nullable String mobile) {
			this.mobile = (mobile != null) ? MobileNumber.parse(mobile) : null;
			return this;
		}

		Builder password(String password) {
			this.password = password;
			return this;
		}

		CitizenProvisioning build() {
			return new CitizenProvisioning(this.cnic, this.fullName, this.birthDate, this.mobile, this.password);
		}

	}

}
