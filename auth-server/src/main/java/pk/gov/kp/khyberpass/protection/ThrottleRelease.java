package pk.gov.kp.khyberpass.protection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.AccountUnlocked;

/**
 * When an administrator unlocks an account, lifts the {@link SignInThrottle}'s lock, wait
 * and failures for every name the account signs in with (its CNIC, its mobile number; a
 * passkey sign-in counts under the CNIC), so the citizen can sign in at once instead of
 * after the rest of the 15-minute lock. Runs in the unlocking request, so the answer to
 * the administrator comes after the lock is gone.
 */
@Component
final class ThrottleRelease {

	private static final Logger log = LoggerFactory.getLogger(ThrottleRelease.class);

	private final AccountService accounts;

	private final SignInThrottle throttle;

	ThrottleRelease(AccountService accounts, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@EventListener
	void on(AccountUnlocked unlocked) {
		this.accounts.findById(unlocked.account()).ifPresent(this::lift);
	}

	private void lift(Account account) {
		boolean locked = this.throttle.lift(account.cnic().formatted());
		if (account.mobile() != null) {
			locked |= this.throttle.lift(account.mobile().e164());
		}
		if (locked) {
			log.info("Lifted the sign-in lock of account {} (unlocked by an administrator)", account.id());
		}
	}

}
