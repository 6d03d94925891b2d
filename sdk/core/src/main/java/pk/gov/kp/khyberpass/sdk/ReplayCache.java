package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers single-use token ids ({@code jti}) until the token expires, in memory and
 * bounded: when full, the oldest entries go first. Thread-safe.
 * <p>
 * In-memory means per JVM: a service with several nodes sees a replay refused only by the
 * node that saw the token first, which is acceptable for logout tokens (ending a session twice
 * is harmless) but not a general-purpose replay defence.
 */
final class ReplayCache {

	private final Clock clock;

	private final int maxEntries;

	// insertion order; guarded by this
	private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

	ReplayCache(Clock clock, int maxEntries) {
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	/**
	 * Records the id.
	 * @return {@code true} the first time, {@code false} if it was seen and has not expired
	 */
	synchronized boolean firstUse(String id, Instant expiresAt) {
		Instant now = this.clock.instant();
		evictExpired(now);
		Instant known = this.seen.get(id);
		if (known != null && known.isAfter(now)) {
			return false;
		}
		this.seen.put(id, expiresAt);
		while (this.seen.size() > this.maxEntries) {
			Iterator<String> oldest = this.seen.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	synchronized int size() {
		return this.seen.size();
	}

	private void evictExpired(Instant now) {
		Iterator<Map.Entry<String, Instant>> entries = this.seen.entrySet().iterator();
		// entries expire roughly in insertion order; stop at the first live one
		while (entries.hasNext()) {
			if (entries.next().getValue().isAfter(now)) {
				return;
			}
			entries.remove();
		}
	}

}
