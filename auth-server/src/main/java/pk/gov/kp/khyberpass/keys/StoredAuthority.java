package pk.gov.kp.khyberpass.keys;

import java.time.Instant;

/**
 * A row of {@code signing_key_authority}: the internal CA's sealed private key and
 * self-signed certificate.
 */
record StoredAuthority(String id, Instant createdAt, Instant notAfter, String masterKeyId, byte[] sealedPrivateKey,
		String certificate) {
}
