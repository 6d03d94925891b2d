package pk.gov.kp.khyberpass.account.profile;

import java.time.Duration;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.FormErrors;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

import org.springframework.stereotype.Component;

/**
 * The current password, asked again before a change that could hand the account to
 * someone else (a new password, a new mobile number, which also receives recovery codes):
 * a session left open on a shared computer is not enough. Five wrong tries per account,
 * then 15 minutes, counted across nodes.
 */
@Component
final class CurrentPassword {

	static final String FIELD = "currentPassword";

	private static final int MAX_WRONG = 5;

	private static final Duration WRONG_WINDOW = Duration.ofMinutes(15);

	private final AccountService accounts;

	private final EphemeralStore store;

	CurrentPassword(AccountService accounts, EphemeralStore store) {
		this.accounts = accounts;
		this.store = store;
	}

	/**
	 * Whether {@code password} is the account's password; adds the error for the field
	 * when not.
	 */
	boolean confirms(AccountId account, String password, FormErrors errors) {
		String wrongKey = "password-confirm-wrong:" + account;
		if (this.store.count(wrongKey) >= MAX_WRONG) {
			errors.add(FIELD, "password-change.throttled");
			return false;
		}
		if (!this.accounts.passwordMatches(account, password)) {
			this.store.increment(wrongKey, WRONG_WINDOW);
			errors.add(FIELD, "password-change.current.wrong");
			return false;
		}
		this.store.delete(wrongKey);
		return true;
	}

}
