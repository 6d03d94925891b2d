package pk.gov.kp.khyberpass.keys;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * The JWS algorithms Khyber Pass signs with, one key pair family each.
 */
public enum SigningAlgorithm {

	/** ECDSA with P-256 and SHA-256: access tokens, and ID tokens on request. */
	ES256(JWSAlgorithm.ES256, SignatureAlgorithm.ES256),

	/**
	 * RSASSA-PKCS1-v1_5 with a 2048-bit key and SHA-256: the OpenID Connect default for
	 * ID tokens.
	 */
	RS256(JWSAlgorithm.RS256, SignatureAlgorithm.RS256);

	private final JWSAlgorithm jwsAlgorithm;

	private final SignatureAlgorithm signatureAlgorithm;

	SigningAlgorithm(JWSAlgorithm jwsAlgorithm, SignatureAlgorithm signatureAlgorithm) {
		this.jwsAlgorithm = jwsAlgorithm;
		this.signatureAlgorithm = signatureAlgorithm;
	}

	/** The Nimbus form of this algorithm. */
	public JWSAlgorithm jwsAlgorithm() {
		return this.jwsAlgorithm;
	}

	/** The Spring Security form of this algorithm. */
	public SignatureAlgorithm signatureAlgorithm() {
		return this.signatureAlgorithm;
	}

}
