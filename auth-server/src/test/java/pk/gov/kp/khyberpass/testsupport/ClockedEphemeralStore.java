package pk.gov.kp.khyberpass.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

/**
 * An {@link EphemeralStore} for unit tests that expires entries by the test's clock, so
 * lifetimes can be tested at their edges without waiting. Thread-safe (one lock), for
 * tests of concurrent callers.
 */
public final class ClockedEphemeralStore implements EphemeralStore {

	private final Map<String, Entry> values = new HashMap<>();

	private final Clock clock;

	public ClockedEphemeralStore(Clock clock) {
		this.clock = clock;
	}

	/** The keys stored now, expired or not. */
	public synchronized Set<String> keys() {
		return Set.copyOf(this.values.keySet());
	}

	@Override
	public synchronized void put(String key, byte[] value, Duration ttl) {
		this.values.put(key, new Entry(value, this.clock.instant().plus(ttl)));
	}

	@Override
	public synchronized boolean putIfAbsent(String key, byte[] value, Duration ttl) {
		if (get(key).isPresent()) {
			return false;
		}
		put(key, value, ttl);
		return true;
	}

	@Override
	public synchronized Optional<byte[]> get(String key) {
		Entry entry = this.values.get(key);
		if (entry == null || !entry.expiresAt().isAfter(this.clock.instant())) {
			this.values.remove(key);
			return Optional.empty();
		}
		return Optional.of(entry.value());
	}

	@Override
	public synchronized Optional<byte[]> take(String key) {
		Optional<byte[]> value = get(key);
		this.values.remove(key);
		return value;
	}

	@Override
	public synchronized void delete(String key) {
		this.values.remove(key);
	}

	@Override
	public synchronized long increment(String key, Duration ttl) {
		Optional<byte[]> current = get(key);
		long count = current.map((bytes) -> Long.parseLong(new String(bytes))).orElse(0L) + 1;
		Instant expiresAt = current.isPresent() ? this.values.get(key).expiresAt() : this.clock.instant().plus(ttl);
		this.values.put(key, new Entry(Long.toString(count).getBytes(), expiresAt));
		return count;
	}

	private record Entry(byte[] value, Instant expiresAt) {
	}

}
