package pk.gov.kp.khyberpass.account;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the security team may do to a citizen account: find it by name, lock and unlock it, and force a
 * password reset. Callers audit; this class only changes the account.
 */
public final class AccountAdministration {

	/** The most accounts a name search returns. */
	public static final int MAX_RESULTS = 50;

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	private final AccountRepository repository;

	private final Clock clock;

	AccountAdministration(AccountRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** Accounts whose name contains {@code fragment}, ignoring case, at most {@link #MAX_RESULTS}. */
	public List<Account> findByName(String fragment) {
		return this.repository.findByNameContaining(fragment, MAX_RESULTS);
	}

	/**
	 * Locks the account: its password no longer signs in until it is unlocked.
	 * @return whether the account exists
	 */
	public boolean lock(AccountId id) {
		boolean found = this.repository.updateStatus(id, AccountStatus.LOCKED, this.clock.instant());
		if (found) {
			log.info("Account {} locked by an administrator", id);
		}
		return found;
	}

	/**
	 * Makes a locked account active again.
	 * @return whether the account exists
	 */
	public boolean unlock(AccountId id) {
		boolean found = this.repository.updateStatus(id, AccountStatus.ACTIVE, this.clock.instant());
		if (found) {
			log.info("Account {} unlocked by an administrator", id);
		}
		return found;
	}

	/**
	 * Expires the account's password: sign-in with it is refused until the citizen sets a new one through
	 * recovery (any password change clears the flag).
	 * @return whether the account exists
	 */
	public boolean requirePasswordReset(AccountId id) {
		boolean found = this.repository.requirePasswordReset(id, this.clock.instant());
		if (found) {
			log.info("Account {} must reset its password (forced by an administrator)", id);
		}
		return found;
	}

}
