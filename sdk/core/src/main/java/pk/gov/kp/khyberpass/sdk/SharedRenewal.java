package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Presents a refresh token once across the nodes that share a {@link SessionRenewals}
 * store. The node that claims the renewal presents it and publishes the sealed outcome;
 * the others take that outcome, waiting for it at most {@code wait}. Safe choices when
 * something goes wrong:
 * <ul>
 * <li>the store fails before anything is claimed: renew on this node alone (as without a
 * store), with a warning, rather than sign the citizen out;</li>
 * <li>the store fails while waiting, the winner publishes nothing in time, or the outcome
 * does not open: the refresh token may be being spent elsewhere, so it is not presented;
 * the current access token is used while it lives
 * ({@link RenewalOutcome.Unavailable});</li>
 * <li>Khyber Pass unreachable: that is published for {@link #RETRY_AFTER} and the claim
 * released, so every node uses its current token and one of them tries again after
 * that.</li>
 * </ul>
 * Thread-safe.
 */
final class SharedRenewal {

	/** How long a failure that may pass stops the nodes from asking Khyber Pass again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final System.Logger log = System.getLogger(SharedRenewal.class.getName());

	private static final long FIRST_PAUSE_MILLIS = 10;

	private static final long LONGEST_PAUSE_MILLIS = 100;

	private final SessionRenewals store;

	private final Duration hold;

	private final Duration keep;

	private final Duration wait;

	/**
	 * @param hold how long a claim holds: longer than a request to Khyber Pass can take
	 * @param keep how long a renewal's outcome is kept for the other nodes
	 * @param wait how long a node waits for another's outcome
	 */
	SharedRenewal(SessionRenewals store, Duration hold, Duration keep, Duration wait) {
		this.store = store;
		this.hold = hold;
		this.keep = keep;
		this.wait = wait;
	}

	/**
	 * Returns the outcome of renewing with {@code refreshToken}: presented here through
	 * {@code present}, or taken from the node that presented it.
	 */
	RenewalOutcome renew(String refreshToken, SessionTokens current, Supplier<RenewalOutcome> present) {
		RenewalSeal seal = RenewalSeal.of(refreshToken);
		Optional<RenewalOutcome> known;
		boolean claimed = false;
		try {
			known = published(seal, current);
			if (known.isEmpty()) {
				claimed = this.store.claim(seal.id(), this.hold);
				// claimed just after another node published and released (a failure that
				// may pass)?
				known = claimed ? published(seal, current) : known;
			}
		}
		catch (RuntimeException ex) {
			warn("Shared session renewals failed (" + ex.getClass().getName() + "); renewing on this node alone");
			return present.get();
		}
		if (known.isPresent()) {
			if (claimed) {
				release(seal);
			}
			return known.get();
		}
		if (!claimed) {
			return await(seal, current);
		}
		RenewalOutcome outcome = present.get();
		publish(seal, outcome);
		return outcome;
	}

	private void publish(RenewalSeal seal, RenewalOutcome outcome) {
		try {
			if (outcome instanceof RenewalOutcome.Unavailable) {
				this.store.publish(seal.id(), seal.seal(outcome), RETRY_AFTER);
				release(seal);
			}
			else {
				this.store.publish(seal.id(), seal.seal(outcome), this.keep);
			}
		}
		catch (RuntimeException ex) {
			warn("Could not publish a session renewal (" + ex.getClass().getName()
					+ "); other nodes use their current access token while it lives");
		}
	}

	private void release(RenewalSeal seal) {
		try {
			this.store.release(seal.id());
		}
		catch (RuntimeException ex) {
			warn("Could not release a session renewal claim (" + ex.getClass().getName() + "); it expires after "
					+ this.hold);
		}
	}

	private RenewalOutcome await(RenewalSeal seal, SessionTokens current) {
		// real time, not the clock: the wait is for another node, whatever time tokens
		// are judged by
		long deadline = System.nanoTime() + this.wait.toNanos();
		long pause = FIRST_PAUSE_MILLIS;
		while (System.nanoTime() - deadline < 0) {
			try {
				Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			try {
				Optional<RenewalOutcome> known = published(seal, current);
				if (known.isPresent()) {
					return known.get();
				}
			}
			catch (RuntimeException ex) {
				warn("Shared session renewals failed while waiting for another node (" + ex.getClass().getName()
						+ "); using the current access token while it lives");
				return unavailable("The shared session renewals failed while another node was renewing");
			}
			pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
		}
		return unavailable("Another node did not finish renewing the access token within " + this.wait);
	}

	/** The published outcome, if any; one that does not open counts as nothing known. */
	private Optional<RenewalOutcome> published(RenewalSeal seal, SessionTokens current) {
		Optional<String> sealed = this.store.outcome(seal.id());
		if (sealed.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(seal.open(sealed.get(), current));
		}
		catch (KhyberPassClientException ex) {
			warn(ex.getMessage() + "; using the current access token while it lives");
			return Optional.of(new RenewalOutcome.Unavailable(ex));
		}
	}

	private static RenewalOutcome unavailable(String message) {
		return new RenewalOutcome.Unavailable(new KhyberPassClientException(message));
	}

	private static void warn(String message) {
		log.log(System.Logger.Level.WARNING, message);
	}

}
