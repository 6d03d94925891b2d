package pk.gov.kp.khyberpass.account;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * A citizen account as the rest of Khyber Pass sees it: no password hash.
 * {@link #toString()} shows only the id and status, since the other fields are personal
 * data.
 *
 * @param id the account id, the principal name and the source of every {@code sub}
 * @param cnic the citizen's CNIC (decrypted)
 * @param fullName the name as on the CNIC
 * @param birthDate the date of birth
 * @param mobile the verified mobile number, if any
 * @param email the e-mail address, if any
 * @param status whether the account may sign in
 * @param createdAt when the account was created
 * @param updatedAt when the account last changed
 * @param passwordChangedAt when the password was last set
 * @param passwordResetRequired whether an administrator forced a password reset: nothing
 * signs in (password or passkey) until the citizen sets a new password through recovery
 */
public record Account(AccountId id, Cnic cnic, String fullName, LocalDate birthDate, @Nullable MobileNumber mobile,
		@Nullable String email, AccountStatus status, Instant createdAt, Instant updatedAt, Instant passwordChangedAt,
		boolean passwordResetRequired) {

	/**
	 * Words a password of this citizen must not contain: the CNIC digits, the mobile
	 * number and the parts of the name (three letters or more).
	 */
	public java.util.List<String> passwordContextWords() {
		java.util.List<String> words = new java.util.ArrayList<>();
		words.add(this.cnic.digits());
		if (this.mobile != null) {
			words.add(this.mobile.e164().substring(3));
		}
		for (String part : this.fullName.split("\\s+")) {
			if (part.length() >= 3) {
				words.add(part);
			}
		}
		return words;
	}

	@Override
	public String toString() {
		return "Account[id=" + this.id + ", status=" + this.status + "]";
	}

}
