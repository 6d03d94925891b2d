package pk.gov.kp.khyberpass.keys;

import java.time.Instant;

/**
 * A signing key left the JWKS and its private key was erased: tokens it signed no longer
 * verify.
 *
 * @param kid the retired key
 * @param algorithm the key's algorithm
 * @param reason why it was retired
 * @param retiredAt when
 */
public record SigningKeyRetired(String kid, SigningAlgorithm algorithm, Reason reason, Instant retiredAt) {

	/** Why a key was retired. */
	public enum Reason {

		/** Its retention after rotation ran out. */
		EXPIRED,

		/** An operator retired it (for example because it may be compromised). */
		REVOKED

	}

}
