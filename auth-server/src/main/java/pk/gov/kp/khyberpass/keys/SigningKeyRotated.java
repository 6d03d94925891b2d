package pk.gov.kp.khyberpass.keys;

import java.time.Instant;

/**
 * A rotation happened: the former {@code NEXT} key now signs, the former {@code ACTIVE}
 * key is retiring and a fresh {@code NEXT} key is published.
 *
 * @param algorithm the algorithm whose keys rotated
 * @param activeKid the key that signs from now on
 * @param retiringKid the key that stopped signing
 * @param nextKid the freshly generated key that signs at the following rotation
 * @param retireAfter when the retiring key leaves the JWKS
 * @param rotatedAt when the rotation happened
 */
public record SigningKeyRotated(SigningAlgorithm algorithm, String activeKid, String retiringKid, String nextKid,
		Instant retireAfter, Instant rotatedAt) {
}
