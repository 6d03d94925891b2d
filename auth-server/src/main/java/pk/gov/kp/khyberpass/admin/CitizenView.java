package pk.gov.kp.khyberpass.admin;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.Account;

/**
 * A citizen account as support staff see it: the CNIC and mobile number masked; the
 * detail also says whether a forced password reset is still waiting for the citizen's
 * recovery.
 */
record CitizenView(String id, String fullName, String cnic, @Nullable LocalDate birthDate, @Nullable String mobile,
		@Nullable String email, String status, @Nullable Instant createdAt, @Nullable Instant passwordChangedAt,
		@Nullable Boolean passwordResetRequired, @Nullable Boolean authenticatorApp, @Nullable Boolean secondFactor) {

	/** The short form for search results. */
	static CitizenView summary(Account account) {
		return new CitizenView(account.id().toString(), account.fullName(), account.cnic().masked(), null,
				(account.mobile() != null) ? account.mobile().masked() : null, null, account.status().name(), null,
				null, null, null, null);
	}

	/** The full form, with what the citizen uses to sign in. */
	static CitizenView detail(Account account, boolean authenticatorApp, boolean secondFactor) {
		return new CitizenView(account.id().toString(), account.fullName(), account.cnic().masked(),
				account.birthDate(), (account.mobile() != null) ? account.mobile().masked() : null, account.email(),
				account.status().name(), account.createdAt(), account.passwordChangedAt(),
				account.passwordResetRequired(), authenticatorApp, secondFactor);
	}

}
