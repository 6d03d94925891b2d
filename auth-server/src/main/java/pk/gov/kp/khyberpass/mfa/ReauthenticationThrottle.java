package pk.gov.kp.khyberpass.mfa;

import java.time.Duration;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * Counts wrong passwords typed to confirm a sensitive change in the account area, per
 * account and on every node, with the same limit and window as wrong second-factor codes.
 */
final class ReauthenticationThrottle {

	private final EphemeralStore store;

	private final MfaProperties properties;

	ReauthenticationThrottle(EphemeralStore store, MfaProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	boolean exhausted(AccountId account) {
		return this.store.count(key(account)) >= this.properties.maxAttempts();
	}

	void failed(AccountId account) {
		this.store.increment(key(account), this.properties.attemptWindow());
	}

	void reset(AccountId account) {
		this.store.delete(key(account));
	}

	Duration recentSignIn() {
		return this.properties.recentSignIn();
	}

	private static String key(AccountId account) {
		return "reauth-fail:" + account.value();
	}

}
