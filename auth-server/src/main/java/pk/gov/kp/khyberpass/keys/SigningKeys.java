package pk.gov.kp.khyberpass.keys;

import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The signing keys of this node: what it signs with, what it publishes, and the
 * operator's controls (list, rotate, retire). Every node loads the keys from the database
 * at start and again each refresh interval, so a rotation done by any node reaches all of
 * them within that interval.
 * <p>
 * Publishes {@link SigningKeyRotated} and {@link SigningKeyRetired} events. Thread-safe.
 */
public final class SigningKeys {

	private final SigningKeyLifecycle lifecycle;

	private final SigningKeyRepository repository;

	private final SigningKeyGenerator generator;

	private final Clock clock;

	private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

	private volatile KeyRing ring = KeyRing.EMPTY;

	SigningKeys(SigningKeyLifecycle lifecycle, SigningKeyRepository repository, SigningKeyGenerator generator,
			Clock clock) {
		this.lifecycle = lifecycle;
		this.repository = repository;
		this.generator = generator;
		this.clock = clock;
	}

	/**
	 * Creates the first keys if this is the first node ever to start, then loads them.
	 */
	void start() {
		this.lifecycle.bootstrap();
		refresh();
	}

	/**
	 * All keys, retired ones included, newest first, as stored now (not as this node last
	 * loaded them).
	 */
	public List<SigningKey> list() {
		return this.repository.findAll().stream().map(StoredSigningKey::toSigningKey).toList();
	}

	/**
	 * Rotates every algorithm now: each {@code NEXT} key starts signing, each
	 * {@code ACTIVE} key starts retiring and fresh {@code NEXT} keys are published.
	 * @return the rotations made; none for an algorithm another node rotated since this
	 * node last loaded the keys (so two operators pressing the button at once rotate
	 * once)
	 */
	public List<SigningKeyRotated> rotate() {
		List<SigningKeyRotated> rotations = new ArrayList<>();
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			rotate(algorithm).ifPresent(rotations::add);
		}
		return rotations;
	}

	/**
	 * Rotates the keys of one algorithm now.
	 * @return the rotation, or empty if another node rotated since this node last loaded
	 * the keys
	 */
	public Optional<SigningKeyRotated> rotate(SigningAlgorithm algorithm) {
		Optional<SigningKeyRotated> rotated = this.lifecycle.rotate(algorithm, active(algorithm).kid());
		refresh();
		return rotated;
	}

	/**
	 * Withdraws a key from the JWKS at once and erases its private key: tokens it signed
	 * stop verifying. Retiring the {@code ACTIVE} key first rotates its algorithm;
	 * retiring the {@code NEXT} key publishes a fresh one. Other nodes may go on signing
	 * with a retired {@code ACTIVE} key until their next refresh.
	 * @return the retired key, or empty if there is no such published key
	 */
	public Optional<SigningKey> retire(String kid) {
		Optional<SigningKey> retired = this.lifecycle.retire(kid);
		refresh();
		return retired;
	}

	/**
	 * The certificate chain of any key this deployment ever made, retired keys included:
	 * the key's own certificate first, the internal authority's last. Public data, kept
	 * after retirement so that what a key signed long-term (audit checkpoints) can still
	 * be checked against the authority.
	 */
	public Optional<List<X509Certificate>> certificateChain(String kid) {
		return this.repository.findByKid(kid).map((key) -> CertificateAuthority.fromPem(key.certificateChain()));
	}

	/**
	 * The internal certificate authority's self-signed certificate: the anchor of every
	 * key's chain.
	 */
	public X509Certificate authorityCertificate() {
		StoredAuthority authority = this.repository.findAuthority()
			.orElseThrow(() -> new IllegalStateException("No signing key authority: the keys have not started"));
		return CertificateAuthority.fromPem(authority.certificate()).get(0);
	}

	/** Reloads the keys from the database. */
	public void refresh() {
		List<JWK> published = new ArrayList<>();
		Map<SigningAlgorithm, KeyRing.ActiveKey> active = new EnumMap<>(SigningAlgorithm.class);
		for (StoredSigningKey key : this.repository.findPublished()) {
			published.add(parse(key));
			if (key.state() == SigningKeyState.ACTIVE) {
				JWSSigner signer = this.signers.computeIfAbsent(key.kid(), (kid) -> this.generator.signer(key));
				active.put(key.algorithm(), new KeyRing.ActiveKey(key.kid(), key.algorithm(), signer));
			}
		}
		this.signers.keySet().retainAll(active.values().stream().map(KeyRing.ActiveKey::kid).toList());
		this.ring = new KeyRing(Map.copyOf(active), new JWKSet(published), this.clock.instant());
	}

	/** The periodic work of every node: retire expired keys, rotate when due, reload. */
	void maintain() {
		this.lifecycle.sweep();
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			this.lifecycle.rotateIfDue(algorithm);
		}
		refresh();
	}

	/** The key that signs {@code algorithm} on this node. */
	KeyRing.ActiveKey active(SigningAlgorithm algorithm) {
		KeyRing.ActiveKey key = this.ring.active().get(algorithm);
		if (key == null) {
			throw new IllegalStateException("No ACTIVE " + algorithm + " signing key loaded");
		}
		return key;
	}

	/** The public keys this node publishes. */
	JWKSet published() {
		return this.ring.published();
	}

	private static JWK parse(StoredSigningKey key) {
		try {
			return JWK.parse(key.publicJwk());
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Stored JWK of signing key " + key.kid() + " is not valid", ex);
		}
	}

}
