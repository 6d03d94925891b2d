/**
 * Signing keys and the master key: generation, encrypted storage, rotation with overlap,
 * JWKS.
 */
@NullMarked
package pk.gov.kp.khyberpass.keys;

import org.jspecify.annotations.NullMarked;
