package pk.gov.kp.khyberpass.sdk;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * One public key from the issuer's JWKS with its verifiers, created once per algorithm
 * and reused for every token. ES256 goes straight through Bouncy Castle's ECDSA
 * ({@link Es256Signature}): many times faster than JDK 17's default provider, and the
 * decoded key keeps its point precomputation. RS256 and PS256 use Nimbus's verifiers.
 * Thread-safe.
 */
final class VerificationKey {

	private final JWK jwk;

	private final Map<JWSAlgorithm, JWSVerifier> verifiers = new ConcurrentHashMap<>(2);

	// Computed once on first use; a race computes the same value twice, harmlessly.
	private volatile @Nullable Es256Signature es256;

	VerificationKey(JWK jwk) {
		this.jwk = jwk;
	}

	JWK jwk() {
		return this.jwk;
	}

	/**
	 * Whether this key may verify the algorithm: its type must match the algorithm family
	 * and its {@code alg}, when published, must be the same.
	 */
	boolean fits(JWSAlgorithm alg) {
		if (this.jwk.getAlgorithm() != null && !this.jwk.getAlgorithm().equals(alg)) {
			return false;
		}
		if (JWSAlgorithm.ES256.equals(alg)) {
			return this.jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
		}
		return (JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.PS256.equals(alg)) && this.jwk instanceof RSAKey;
	}

	/**
	 * Whether the token's signature verifies with this key; the caller has checked that
	 * the key {@link #fits(JWSAlgorithm) fits} the algorithm.
	 * @throws InvalidTokenException (UNKNOWN_KEY) if the published key cannot be used
	 * @throws JOSEException if Nimbus cannot run the verification
	 */
	boolean verify(JWSAlgorithm alg, SignedJWT jwt) throws JOSEException {
		if (JWSAlgorithm.ES256.equals(alg)) {
			return es256().verify(jwt.getSigningInput(), jwt.getSignature().decode());
		}
		return jwt.verify(verifier(alg));
	}

	private Es256Signature es256() {
		Es256Signature es256 = this.es256;
		if (es256 == null) {
			try {
				es256 = Es256Signature.of((ECKey) this.jwk);
			}
			catch (IllegalArgumentException | ClassCastException ex) {
				throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KEY,
						"JWKS key '" + this.jwk.getKeyID() + "' cannot be used for ES256: " + ex.getMessage(), ex);
			}
			this.es256 = es256;
		}
		return es256;
	}

	JWSVerifier verifier(JWSAlgorithm alg) {
		JWSVerifier verifier = this.verifiers.get(alg);
		if (verifier == null) {
			verifier = this.verifiers.computeIfAbsent(alg, this::createVerifier);
		}
		return verifier;
	}

	private JWSVerifier createVerifier(JWSAlgorithm alg) {
		try {
			if (this.jwk instanceof ECKey ec) {
				KeyFactory factory = KeyFactory.getInstance("EC", BouncyCastleProviderSingleton.getInstance());
				ECPublicKey key = (ECPublicKey) factory
					.generatePublic(new X509EncodedKeySpec(ec.toECPublicKey().getEncoded()));
				ECDSAVerifier verifier = new ECDSAVerifier(key);
				verifier.getJCAContext().setProvider(BouncyCastleProviderSingleton.getInstance());
				return verifier;
			}
			return new RSASSAVerifier(((RSAKey) this.jwk).toRSAPublicKey());
		}
		catch (JOSEException | GeneralSecurityException ex) {
			throw new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KEY,
					"JWKS key '" + this.jwk.getKeyID() + "' cannot be used for " + alg + ": " + ex.getMessage(), ex);
		}
	}

}
