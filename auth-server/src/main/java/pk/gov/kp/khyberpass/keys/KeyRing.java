package pk.gov.kp.khyberpass.keys;

import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * What one node has loaded from the database: the signer of each algorithm's
 * {@code ACTIVE} key and the public keys it publishes. Immutable; a refresh swaps in a
 * new ring.
 *
 * @param active the {@code ACTIVE} key per algorithm
 * @param published the public JWKs of the {@code NEXT}, {@code ACTIVE} and
 * {@code RETIRING} keys
 * @param loadedAt when this ring was loaded
 */
record KeyRing(Map<SigningAlgorithm, ActiveKey> active, JWKSet published, Instant loadedAt) {

	static final KeyRing EMPTY = new KeyRing(Map.of(), new JWKSet(), Instant.EPOCH);

	/**
	 * A key that signs now, with its signer (thread-safe, signing through Bouncy Castle).
	 *
	 * @param kid the key id
	 * @param algorithm the key's algorithm
	 * @param signer the Nimbus signer
	 */
	record ActiveKey(String kid, SigningAlgorithm algorithm, JWSSigner signer) {
	}

}
