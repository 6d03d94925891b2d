package pk.gov.kp.khyberpass.ephemeral;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived state shared by every node and expired by time: authorization codes, OTP
 * challenges, rate-limit counters, replay caches, the revoked-token deny list. Redis in
 * production ({@code khyberpass.ephemeral.store=redis}); an in-process map in the
 * development default.
 * <p>
 * Keys are plain strings chosen by the caller and namespaced by feature ({@code "code:"},
 * {@code "rate:"}); they must never contain a secret in the clear (hash it first).
 * Implementations are thread-safe.
 */
public interface EphemeralStore {

	/**
	 * Stores {@code value} under {@code key} for {@code ttl}, replacing what was there.
	 */
	void put(String key, byte[] value, Duration ttl);

	/**
	 * Stores {@code value} only if {@code key} is absent; returns whether it was stored.
	 */
	boolean putIfAbsent(String key, byte[] value, Duration ttl);

	/** The live value under {@code key}. */
	Optional<byte[]> get(String key);

	/**
	 * Reads and removes in one step, so that two nodes cannot both take the same value.
	 */
	Optional<byte[]> take(String key);

	/** Removes {@code key}; absent keys are ignored. */
	void delete(String key);

	/**
	 * Adds one to the counter under {@code key} and returns the new count; a new counter
	 * expires after {@code ttl} (the window does not slide on later increments).
	 */
	long increment(String key, Duration ttl);

	/** The current value of the counter under {@code key}, or 0 when there is none. */
	default long count(String key) {
		return get(key).map((bytes) -> Long.parseLong(new String(bytes, StandardCharsets.US_ASCII))).orElse(0L);
	}

}
