package pk.gov.kp.khyberpass.keys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What an operator sees of a signing key: its id, algorithm, state and timeline (never
 * key material).
 *
 * @param kid the key id, the RFC 7638 SHA-256 thumbprint of the public key
 * @param algorithm the algorithm the key signs with
 * @param state the key's current state
 * @param createdAt when the key was generated (and published, as
 * {@link SigningKeyState#NEXT})
 * @param activatedAt when the key started signing, if it has
 * @param retiringAt when the key stopped signing, if it has
 * @param retireAfter when the key leaves the JWKS, once it is
 * {@link SigningKeyState#RETIRING}
 * @param retiredAt when the key left the JWKS, if it has
 */
public record SigningKey(String kid, SigningAlgorithm algorithm, SigningKeyState state, Instant createdAt,
		@Nullable Instant activatedAt, @Nullable Instant retiringAt, @Nullable Instant retireAfter,
		@Nullable Instant retiredAt) {
}
