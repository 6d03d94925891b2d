package pk.gov.kp.khyberpass.mfa.passkey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.account.AccountId;

/**
 * A passkey as stored: what verifying its assertions needs.
 *
 * @param id our id for it (used in pages and forms)
 * @param account the account it signs in to
 * @param userHandle the account's WebAuthn user handle
 * @param credentialId the WebAuthn credential id
 * @param publicKeyCose the COSE public key
 * @param signCount the last signature counter seen (0 when the authenticator keeps none)
 * @param uvInitialized whether user verification was done at registration
 * @param backupEligible whether the authenticator may sync it (a synced passkey)
 * @param backupState whether it was synced when last seen
 * @param transports how the browser can reach the authenticator
 * @param aaguid the authenticator model (all zeros with attestation {@code none} on many
 * platforms)
 * @param name the citizen's name for it
 * @param createdAt when it was added
 * @param lastUsedAt when it last signed in
 */
record StoredPasskey(UUID id, AccountId account, byte[] userHandle, byte[] credentialId, byte[] publicKeyCose,
		long signCount, boolean uvInitialized, boolean backupEligible, boolean backupState, List<String> transports,
		String aaguid, String name, Instant createdAt, @Nullable Instant lastUsedAt) {

	@Override
	public String toString() {
		return "StoredPasskey[id=" + this.id + ", account=" + this.account + "]";
	}

}
