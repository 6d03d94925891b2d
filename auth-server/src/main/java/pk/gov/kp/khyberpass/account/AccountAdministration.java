package pk.gov.kp.khyberpass.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * What the security team may do to a citizen account: find it by name, lock and unlock
 * it, and force a password reset. Callers audit; this class changes the account and tells
 * the features that follow an unlock ({@link AccountUnlocked}).
 */
public final class AccountAdministration {

	/** The most accounts a name search returns. */
	public static final int MAX_RESULTS = 50;

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	private final AccountRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountAdministration(AccountRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Accounts whose name contains {@code fragment}, ignoring case, at most
	 * {@link #MAX_RESULTS}.
	 */
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
	 * Makes a locked account active again and publishes {@link AccountUnlocked}, which
	 * also lifts the sign-in throttle's temporary lock of the account (an account locked
	 * by failed sign-ins only is unlocked that way).
	 * @return whether the account exists
	 */
	public boolean unlock(AccountId id) {
		Instant now = this.clock.instant();
		boolean found = this.repository.updateStatus(id, AccountStatus.ACTIVE, now);
		if (found) {
			log.info("Account {} unlocked by an administrator", id);
			this.events.publishEvent(new AccountUnlocked(id, now));
		}
		return found;
	}

	/**
	 * Expires the account's password: sign-in is refused, with the password and with a
	 * passkey, until the citizen sets a new password through recovery (any password
	 * change clears the mark).
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
