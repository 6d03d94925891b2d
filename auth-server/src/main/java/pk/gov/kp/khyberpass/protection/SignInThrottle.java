package pk.gov.kp.khyberpass.protection;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.KeyedHash;
import pk.gov.kp.khyberpass.keys.MasterKey;

/**
 * Throttles password guessing, per account name and per client address, with counters in
 * the ephemeral store (Redis in production, so every node sees the same counts): from the
 * {@code delayAfter}-th failure each attempt must wait twice as long as the last, at
 * {@code lockAfter} failures the name is locked for a while, and one address that fails
 * too often is refused. Account names are keyed by an HMAC, so the store never holds a
 * CNIC or mobile number.
 */
@Component
public final class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final byte[] MARK = { 1 };

	private final EphemeralStore store;

	private final SignInThrottleProperties properties;

	private final KeyedHash hash;

	private final ApplicationEventPublisher events;

	SignInThrottle(EphemeralStore store, SignInThrottleProperties properties, MasterKey masterKey,
			ApplicationEventPublisher events) {
		this.store = store;
		this.properties = properties;
		this.hash = masterKey.keyedHash("sign-in-throttle");
		this.events = events;
	}

	/**
	 * Refuses an attempt that must not reach the password check.
	 * @throws SignInThrottledException when the name is locked or must wait, or the
	 * address is refused
	 */
	public void checkAllowed(String username, String clientAddress) {
		String account = accountKey(username);
		if (this.store.get("signin-lock:" + account).isPresent()) {
			throw new SignInThrottledException("Sign-in temporarily locked", this.properties.lockDuration());
		}
		if (this.store.get("signin-wait:" + account).isPresent()) {
			throw new SignInThrottledException("Sign-in must wait", this.properties.firstDelay());
		}
		if (this.store.count("signin-fail-ip:" + clientAddress) >= this.properties.perAddressLimit()) {
			throw new SignInThrottledException("Too many failures from this address", this.properties.window());
		}
	}

	/**
	 * Counts a failed attempt and applies the delay or the lock it earns; a new lock is
	 * published as {@link SignInLocked}.
	 */
	public void recordFailure(String username, String clientAddress) {
		String account = accountKey(username);
		long failures = this.store.increment("signin-fail:" + account, this.properties.window());
		this.store.increment("signin-fail-ip:" + clientAddress, this.properties.window());
		if (failures >= this.properties.lockAfter()) {
			// putIfAbsent: two nodes counting the last failures at once lock (and tell
			// the citizen) once.
			boolean locked = this.store.putIfAbsent("signin-lock:" + account, MARK, this.properties.lockDuration());
			this.store.delete("signin-fail:" + account);
			if (locked) {
				log.warn("Sign-in locked for {} after {} failures", account.substring(0, 12), failures);
				this.events.publishEvent(new SignInLocked(username, this.properties.lockDuration()));
			}
		}
		else if (failures >= this.properties.delayAfter()) {
			this.store.put("signin-wait:" + account, MARK, delayFor(failures));
		}
	}

	/** Forgets the failures of a name that just signed in. */
	public void recordSuccess(String username) {
		forgetFailures(accountKey(username));
	}

	/**
	 * Forgets the lock, the wait and the failures of a name (an administrator unlocked
	 * its account); the failures counted against client addresses stay.
	 * @return whether the name was locked
	 */
	public boolean lift(String username) {
		String account = accountKey(username);
		boolean locked = this.store.get("signin-lock:" + account).isPresent();
		this.store.delete("signin-lock:" + account);
		forgetFailures(account);
		return locked;
	}

	private void forgetFailures(String account) {
		this.store.delete("signin-fail:" + account);
		this.store.delete("signin-wait:" + account);
	}

	Duration delayFor(long failures) {
		long doublings = Math.min(failures - this.properties.delayAfter(), 20);
		Duration delay = this.properties.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(this.properties.maxDelay()) > 0) ? this.properties.maxDelay() : delay;
	}

	private String accountKey(String username) {
		return this.hash.base64Url(username.strip().replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT));
	}

}
