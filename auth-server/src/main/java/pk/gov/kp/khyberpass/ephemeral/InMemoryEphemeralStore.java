package pk.gov.kp.khyberpass.ephemeral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The development stand-in for Redis: one JVM only, so never for more than one node.
 */
final class InMemoryEphemeralStore implements EphemeralStore {

	private static final int SWEEP_EVERY = 1024;

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private int writes;

	InMemoryEphemeralStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void put(String key, byte[] value, Duration ttl) {
		this.entries.put(key, new Entry(value.clone(), expiry(ttl)));
		sweepSometimes();
	}

	@Override
	public boolean putIfAbsent(String key, byte[] value, Duration ttl) {
		Entry fresh = new Entry(value.clone(), expiry(ttl));
		Instant now = this.clock.instant();
		Entry winner = this.entries.merge(key, fresh, (old, candidate) -> old.isLive(now) ? old : candidate);
		sweepSometimes();
		return winner == fresh;
	}

	@Override
	public Optional<byte[]> get(String key) {
		Entry entry = this.entries.get(key);
		return (entry != null && entry.isLive(this.clock.instant())) ? Optional.of(entry.value().clone())
				: Optional.empty();
	}

	@Override
	public Optional<byte[]> take(String key) {
		Entry entry = this.entries.remove(key);
		return (entry != null && entry.isLive(this.clock.instant())) ? Optional.of(entry.value()) : Optional.empty();
	}

	@Override
	public void delete(String key) {
		this.entries.remove(key);
	}

	@Override
	public long increment(String key, Duration ttl) {
		Instant now = this.clock.instant();
		Entry updated = this.entries.compute(key, (k, old) -> {
			if (old == null || !old.isLive(now)) {
				return new Entry(longToBytes(1), expiry(ttl));
			}
			return new Entry(longToBytes(bytesToLong(old.value()) + 1), old.expiresAt());
		});
		return bytesToLong(updated.value());
	}

	private Instant expiry(Duration ttl) {
		return this.clock.instant().plus(ttl);
	}

	private void sweepSometimes() {
		if (++this.writes % SWEEP_EVERY == 0) {
			Instant now = this.clock.instant();
			this.entries.values().removeIf((entry) -> !entry.isLive(now));
		}
	}

	private static byte[] longToBytes(long value) {
		return Long.toString(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static long bytesToLong(byte[] bytes) {
		return Long.parseLong(new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
	}

	private record Entry(byte[] value, Instant expiresAt) {

		boolean isLive(Instant now) {
			return now.isBefore(this.expiresAt);
		}

	}

}
