package pk.gov.kp.khyberpass.keys;

import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Selects the verification key of a JWS exactly as Nimbus's
 * {@link JWSVerificationKeySelector} does (an allowed algorithm, then the published JWKs
 * matching the header's {@code kid}, key type and use), but hands back the same Java key
 * object for the same JWK on every call instead of converting the JWK anew.
 * <p>
 * Why: Bouncy Castle caches its precomputation for a public point on the point object, so
 * verifying ES256 signatures with one {@code BCECPublicKey} per key is more than twice as
 * fast as with a fresh key per token (the introspection endpoint verifies one signature
 * per request). The cache is keyed by the JWK's whole content, so a key that is no longer
 * published is never selected (the JWK source decides what matches), and it is bounded:
 * it is cleared when it outgrows the handful of keys a node publishes.
 */
final class PublishedKeySelector extends JWSVerificationKeySelector<SecurityContext> {

	private static final int MAXIMUM_KEYS = 64;

	private final ConcurrentMap<JWK, Key> keys = new ConcurrentHashMap<>();

	PublishedKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
		super(algorithms, source);
	}

	@Override
	public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		if (!isAllowed(header.getAlgorithm())) {
			return List.of();
		}
		JWKMatcher matcher = createJWKMatcher(header);
		if (matcher == null) {
			return List.of();
		}
		List<Key> selected = new ArrayList<>(1);
		for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
			Key key = javaKey(jwk);
			if (key != null) {
				selected.add(key);
			}
		}
		return selected;
	}

	private Key javaKey(JWK jwk) throws KeySourceException {
		Key cached = this.keys.get(jwk);
		if (cached != null) {
			return cached;
		}
		Key key = convert(jwk);
		if (key != null) {
			if (this.keys.size() >= MAXIMUM_KEYS) {
				this.keys.clear();
			}
			this.keys.put(jwk, key);
		}
		return key;
	}

	private static Key convert(JWK jwk) throws KeySourceException {
		try {
			if (jwk instanceof ECKey ec) {
				// through Bouncy Castle's key factory: a BCECPublicKey, whose point
				// (validated on the curve) carries BC's precomputation from one
				// signature to the next
				return ec.toECPublicKey(BouncyCastleProviderSingleton.getInstance());
			}
			if (jwk instanceof RSAKey rsa) {
				return rsa.toRSAPublicKey();
			}
			return null;
		}
		catch (JOSEException ex) {
			throw new KeySourceException("Could not convert published JWK " + jwk.getKeyID() + " to a public key", ex);
		}
	}

}
