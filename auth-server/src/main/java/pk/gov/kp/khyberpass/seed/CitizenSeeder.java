package pk.gov.kp.khyberpass.seed;

import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.CitizenProvisioning;
import pk.gov.kp.khyberpass.account.MobileNumber;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.mfa.SecondFactors;

/**
 * Turns a seed file's citizen entry into an account, through the account feature's public
 * face.
 */
@Component
final class CitizenSeeder {

	private final AccountService accounts;

	private final SeedProperties properties;

	private final SecondFactors secondFactors;

	CitizenSeeder(AccountService accounts, SecondFactors secondFactors, SeedProperties properties) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.properties = properties;
	}

	/**
	 * Creates or updates the citizen's account.
	 * @return a line for the start-up banner: the masked CNIC, or for the development
	 * demo the CNIC and password to sign in with
	 * @throws InvalidSeedException when a value is invalid (the CNIC is never echoed)
	 */
	String seed(SeedCitizen citizen) {
		Cnic cnic;
		MobileNumber mobile;
		try {
			cnic = Cnic.parse(citizen.cnic());
			mobile = MobileNumber.parse(citizen.mobile());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSeedException("citizen '" + citizen.name() + "': " + ex.getMessage());
		}
		try {
			AccountId account = this.accounts.provision(
					new CitizenProvisioning(cnic, citizen.name(), citizen.birthDate(), mobile, citizen.password()));
			if (citizen.totpSecret() != null || !citizen.recoveryCodes().isEmpty()) {
				this.secondFactors.provision(account, citizen.totpSecret(), citizen.recoveryCodes());
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSeedException("citizen " + cnic.masked() + ": " + ex.getMessage());
		}
		if (this.properties.seedPrintCredentials()) {
			return cnic.formatted() + " / password: " + citizen.password() + "  (" + citizen.name() + ")";
		}
		return cnic.masked();
	}

}
