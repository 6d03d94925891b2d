package pk.gov.kp.khyberpass.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The signing key state machine, {@code NEXT → ACTIVE → RETIRING → RETIRED}, kept
 * consistent across nodes: every change runs in one transaction that first locks
 * {@code signing_key_lock}, then re-reads the state it depends on, so two nodes acting at
 * once change the keys once. Events are published after commit.
 */
final class SigningKeyLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyLifecycle.class);

	private final SigningKeyRepository repository;

	private final SigningKeyGenerator generator;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final KeysProperties properties;

	SigningKeyLifecycle(SigningKeyRepository repository, SigningKeyGenerator generator,
			TransactionOperations transactions, ApplicationEventPublisher events, Clock clock,
			KeysProperties properties) {
		this.repository = repository;
		this.generator = generator;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Creates the internal CA and an {@code ACTIVE} and a {@code NEXT} key per algorithm,
	 * where missing.
	 */
	void bootstrap() {
		runLocked((now, published) -> {
			StoredAuthority authority = authority(now);
			for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
				if (this.repository.findCurrent(algorithm, SigningKeyState.ACTIVE).isEmpty()) {
					insert(this.generator.newKey(algorithm, SigningKeyState.ACTIVE, now, authority));
				}
				if (this.repository.findCurrent(algorithm, SigningKeyState.NEXT).isEmpty()) {
					insert(this.generator.newKey(algorithm, SigningKeyState.NEXT, now, authority));
				}
			}
		});
	}

	/**
	 * Rotates {@code algorithm} if its {@code ACTIVE} key is still
	 * {@code expectedActiveKid}.
	 */
	Optional<SigningKeyRotated> rotate(SigningAlgorithm algorithm, String expectedActiveKid) {
		return callLocked((now, published) -> this.repository.findCurrent(algorithm, SigningKeyState.ACTIVE)
			.filter((active) -> active.kid().equals(expectedActiveKid))
			.map((active) -> rotate(active, now, published)));
	}

	/**
	 * Rotates {@code algorithm} if its {@code ACTIVE} key has signed for a whole rotation
	 * period.
	 */
	Optional<SigningKeyRotated> rotateIfDue(SigningAlgorithm algorithm) {
		if (this.repository.findCurrent(algorithm, SigningKeyState.ACTIVE).filter(this::isDue).isEmpty()) {
			return Optional.empty();
		}
		return callLocked((now, published) -> this.repository.findCurrent(algorithm, SigningKeyState.ACTIVE)
			.filter(this::isDue)
			.map((active) -> rotate(active, now, published)));
	}

	/**
	 * Withdraws a key at once. An {@code ACTIVE} key is first replaced by its
	 * {@code NEXT} key, a retired {@code NEXT} key by a fresh one, so each algorithm
	 * keeps one of each.
	 */
	Optional<SigningKey> retire(String kid) {
		return callLocked((now, published) -> {
			Optional<StoredSigningKey> found = this.repository.findByKid(kid)
				.filter((key) -> key.state() != SigningKeyState.RETIRED);
			found.ifPresent((key) -> {
				if (key.state() == SigningKeyState.ACTIVE) {
					rotate(key, now, published);
				}
				this.repository.retire(kid, now);
				if (key.state() == SigningKeyState.NEXT) {
					insert(this.generator.newKey(key.algorithm(), SigningKeyState.NEXT, now, authority(now)));
				}
				published.add(new SigningKeyRetired(kid, key.algorithm(), SigningKeyRetired.Reason.REVOKED, now));
				log.warn("Signing key {} ({}) retired by an operator", kid, key.algorithm());
			});
			return found.flatMap((key) -> this.repository.findByKid(kid)).map(StoredSigningKey::toSigningKey);
		});
	}

	/**
	 * Retires the {@code RETIRING} keys whose retention ran out; safe to run on every
	 * node at once.
	 */
	List<SigningKeyRetired> sweep() {
		Instant now = now();
		List<SigningKeyRetired> retired = new ArrayList<>();
		for (StoredSigningKey key : this.repository.findRetiringDue(now)) {
			if (this.repository.retire(key.kid(), now)) {
				retired.add(new SigningKeyRetired(key.kid(), key.algorithm(), SigningKeyRetired.Reason.EXPIRED, now));
				log.info("Signing key {} ({}) retired after its retention", key.kid(), key.algorithm());
			}
		}
		retired.forEach(this.events::publishEvent);
		return retired;
	}

	private SigningKeyRotated rotate(StoredSigningKey active, Instant now, List<Object> published) {
		SigningAlgorithm algorithm = active.algorithm();
		Instant retireAfter = now.plus(this.properties.retention());
		StoredAuthority authority = authority(now);
		this.repository.startRetiring(active.kid(), now, retireAfter);
		StoredSigningKey next = this.repository.findCurrent(algorithm, SigningKeyState.NEXT).orElseGet(() -> {
			log.warn("No NEXT {} key to promote; generating one that signs without prior publication", algorithm);
			return insert(this.generator.newKey(algorithm, SigningKeyState.NEXT, now, authority));
		});
		this.repository.activate(next.kid(), now);
		StoredSigningKey fresh = insert(this.generator.newKey(algorithm, SigningKeyState.NEXT, now, authority));
		SigningKeyRotated rotated = new SigningKeyRotated(algorithm, next.kid(), active.kid(), fresh.kid(), retireAfter,
				now);
		published.add(rotated);
		log.info("Rotated {} signing keys: {} signs, {} retiring until {}, {} next", algorithm, next.kid(),
				active.kid(), retireAfter, fresh.kid());
		return rotated;
	}

	private boolean isDue(StoredSigningKey active) {
		Instant activatedAt = (active.activatedAt() != null) ? active.activatedAt() : active.createdAt();
		return !activatedAt.plus(this.properties.rotationPeriod()).isAfter(now());
	}

	private StoredAuthority authority(Instant now) {
		return this.repository.findAuthority().orElseGet(() -> {
			StoredAuthority authority = this.generator.newAuthority(now);
			this.repository.insertAuthority(authority);
			log.info("Created internal signing certificate authority {}", authority.id());
			return authority;
		});
	}

	private StoredSigningKey insert(StoredSigningKey key) {
		this.repository.insert(key);
		log.info("Generated {} signing key {} as {}", key.algorithm(), key.kid(), key.state());
		return key;
	}

	private <T> T callLocked(LockedWork<T> work) {
		List<Object> published = new ArrayList<>();
		T result = this.transactions.execute((status) -> {
			this.repository.lock();
			return work.run(now(), published);
		});
		published.forEach(this.events::publishEvent);
		return result;
	}

	private void runLocked(LockedAction action) {
		callLocked((now, published) -> {
			action.run(now, published);
			return Boolean.TRUE;
		});
	}

	private Instant now() {
		// the database keeps microseconds
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@FunctionalInterface
	private interface LockedWork<T> {

		T run(Instant now, List<Object> published);

	}

	@FunctionalInterface
	private interface LockedAction {

		void run(Instant now, List<Object> published);

	}

}
