package pk.gov.kp.khyberpass.account.recovery;

import java.time.Duration;

import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;
import pk.gov.kp.khyberpass.keys.KeyedHash;

/**
 * Counts recovery requests per CNIC (a keyed hash of it, never the number) and per client
 * address in the ephemeral store, so every node sees the same counts. Both counters move
 * whether or not the CNIC has an account, so being throttled tells nothing.
 */
final class RecoveryThrottle {

	private static final Duration HOUR = Duration.ofHours(1);

	private final EphemeralStore store;

	private final KeyedHash cnicHash;

	private final RecoveryProperties properties;

	RecoveryThrottle(EphemeralStore store, KeyedHash cnicHash, RecoveryProperties properties) {
		this.store = store;
		this.cnicHash = cnicHash;
		this.properties = properties;
	}

	/** Counts one request and says whether it may go on. */
	boolean allow(Cnic cnic, String clientAddress) {
		long forCnic = this.store.increment("recovery-cnic:" + this.cnicHash.base64Url(cnic.digits()), HOUR);
		long forAddress = this.store.increment("recovery-ip:" + clientAddress, HOUR);
		return forCnic <= this.properties.perCnicPerHour() && forAddress <= this.properties.perAddressPerHour();
	}

}
