package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link ReplayStore}: token ids in this JVM's memory until the token
 * expires, bounded: when full, the oldest entries go first. Thread-safe.
 * <p>
 * In-memory means per node: a service with several nodes refuses a replay only on the
 * node that saw the token first. Give every node a shared {@link ReplayStore} instead.
 */
final class InMemoryReplayStore implements ReplayStore {

	private final Clock clock;

	private final int maxEntries;

	// insertion order; guarded by this
	private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

	InMemoryReplayStore(Clock clock, int maxEntries) {
		this.clock = clock;
		this.maxEntries = maxEntries;
	}

	@Override
	public synchronized boolean firstUse(String id, Instant expiresAt) {
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
