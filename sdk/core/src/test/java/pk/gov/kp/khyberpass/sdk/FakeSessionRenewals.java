package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link SessionRenewals} in memory, shared by the "nodes" of a test: entries expire by
 * the given clock, every call can be made to fail as an unreachable store would, and what
 * was stored can be read back. Thread-safe.
 */
final class FakeSessionRenewals implements SessionRenewals {

	private final Clock clock;

	private final Map<String, Instant> claims = new ConcurrentHashMap<>();

	private final Map<String, Entry> outcomes = new ConcurrentHashMap<>();

	final List<Duration> holds = new CopyOnWriteArrayList<>();

	final List<Duration> keeps = new CopyOnWriteArrayList<>();

	/** Every call throws while set. */
	volatile boolean down;

	/**
	 * Turns the store down once a claim was refused, as Redis failing while a node waits.
	 */
	volatile boolean downAfterRefusedClaim;

	FakeSessionRenewals(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized boolean claim(String renewal, Duration hold) {
		check();
		this.holds.add(hold);
		Instant now = this.clock.instant();
		Instant until = this.claims.get(renewal);
		if (until != null && now.isBefore(until)) {
			this.down = this.downAfterRefusedClaim;
			return false;
		}
		this.claims.put(renewal, now.plus(hold));
		return true;
	}

	@Override
	public void publish(String renewal, String outcome, Duration keep) {
		check();
		this.keeps.add(keep);
		this.outcomes.put(renewal, new Entry(outcome, this.clock.instant().plus(keep)));
	}

	@Override
	public Optional<String> outcome(String renewal) {
		check();
		Entry entry = this.outcomes.get(renewal);
		return (entry != null && this.clock.instant().isBefore(entry.until())) ? Optional.of(entry.value())
				: Optional.empty();
	}

	@Override
	public void release(String renewal) {
		check();
		this.claims.remove(renewal);
	}

	/** Another node claims the renewal of this refresh token (and never publishes). */
	void claimElsewhere(String refreshToken) {
		this.claims.put(RenewalSeal.of(refreshToken).id(), this.clock.instant().plus(Duration.ofMinutes(1)));
	}

	/** Stores a value of someone's choosing as the outcome for this refresh token. */
	void overwrite(String refreshToken, String value) {
		this.outcomes.put(RenewalSeal.of(refreshToken).id(),
				new Entry(value, this.clock.instant().plus(Duration.ofMinutes(1))));
	}

	/** Every identifier and value held, for checks that no token is in clear. */
	String contents() {
		return this.claims.keySet() + " " + this.outcomes;
	}

	Optional<String> rawOutcome(String refreshToken) {
		return Optional.ofNullable(this.outcomes.get(RenewalSeal.of(refreshToken).id())).map(Entry::value);
	}

	private void check() {
		if (this.down) {
			throw new IllegalStateException("store unreachable");
		}
	}

	private record Entry(String value, Instant until) {

	}

}
