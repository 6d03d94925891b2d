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

/**
 * One public key from the issuer's JWKS with its verifiers, created once per algorithm and
 * reused for every token. EC keys are converted to Bouncy Castle keys and verified through
 * its provider: it is many times faster than JDK 17's default provider, and it keeps the
 * point precomputation of a reused key. Thread-safe.
 */
final class VerificationKey {

	private final JWK jwk;

	private final Map<JWSAlgorithm, JWSVerifier> verifiers = new ConcurrentHashMap<>(2);

	VerificationKey(JWK jwk) {
		this.jwk = jwk;
	}

	JWK jwk() {
		return this.jwk;
	}

	/**
	 * Whether this key may verify the algorithm: its type must match the algorithm family and
	 * its {@code alg}, when published, must be the same.
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
