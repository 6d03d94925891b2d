package pk.gov.kp.khyberpass.keys;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code signing_key}: the key's timeline, its sealed private key (erased once
 * retired), its public JWK and certificate chain.
 */
record StoredSigningKey(String kid, SigningAlgorithm algorithm, SigningKeyState state, Instant createdAt,
		@Nullable Instant activatedAt, @Nullable Instant retiringAt, @Nullable Instant retireAfter,
		@Nullable Instant retiredAt, @Nullable String masterKeyId, byte @Nullable [] sealedPrivateKey, String publicJwk,
		String certificateChain, String authorityId) {

	SigningKey toSigningKey() {
		return new SigningKey(this.kid, this.algorithm, this.state, this.createdAt, this.activatedAt, this.retiringAt,
				this.retireAfter, this.retiredAt);
	}

}
