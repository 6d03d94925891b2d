package pk.gov.kp.khyberpass.sdk;

import java.math.BigInteger;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 §3.4) verification with one issuer key,
 * straight through Bouncy Castle's ECDSA, the same code its JCA provider runs. The key is
 * decoded and validated once (on the curve, not the point at infinity) and keeps its
 * precomputed multiples, and each verification skips what the JCA route repeats every
 * time: the provider look-up, a new {@code Signature}, converting the key, and encoding
 * the signature as DER only to decode it again. Thread-safe: per-call state lives on the
 * stack.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.4">RFC 7518 §3.4</a>
 */
final class Es256Signature {

	/** R and S, 32 bytes each, big-endian (RFC 7518 §3.4). */
	static final int LENGTH = 64;

	private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

	private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(),
			P256.getH());

	private final ECPublicKeyParameters key;

	private Es256Signature(ECPublicKeyParameters key) {
		this.key = key;
	}

	/**
	 * Prepares verification with a P-256 key.
	 * @throws IllegalArgumentException if the key is not a valid P-256 public key
	 */
	static Es256Signature of(ECKey jwk) {
		if (!Curve.P_256.equals(jwk.getCurve())) {
			throw new IllegalArgumentException("not a P-256 key");
		}
		BigInteger x = jwk.getX().decodeToBigInteger();
		BigInteger y = jwk.getY().decodeToBigInteger();
		// ECPublicKeyParameters validates the point: on the curve and not at infinity.
		return new Es256Signature(new ECPublicKeyParameters(DOMAIN.getCurve().createPoint(x, y), DOMAIN));
	}

	/**
	 * Whether {@code signature} is a valid ES256 signature of {@code signingInput};
	 * {@code false} for a signature of the wrong length or with R or S out of range (BC's
	 * verifier checks {@code 0 < r, s < n}, so zero-valued "psychic" signatures fail).
	 */
	boolean verify(byte[] signingInput, byte[] signature) {
		if (signature.length != LENGTH) {
			return false;
		}
		SHA256Digest sha256 = new SHA256Digest();
		sha256.update(signingInput, 0, signingInput.length);
		byte[] hash = new byte[sha256.getDigestSize()];
		sha256.doFinal(hash, 0);
		BigInteger r = new BigInteger(1, signature, 0, 32);
		BigInteger s = new BigInteger(1, signature, 32, 32);
		ECDSASigner ecdsa = new ECDSASigner();
		ecdsa.init(false, this.key);
		return ecdsa.verifySignature(hash, r, s);
	}

}
