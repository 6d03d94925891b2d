package pk.gov.kp.khyberpass.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import pk.gov.kp.khyberpass.keys.SigningKeys;

/**
 * The keys that may have signed a checkpoint: any signing key, retired ones included,
 * whose certificate was issued by the internal authority. Trust comes from the authority,
 * not from the key's being published, so a checkpoint stays verifiable for as long as the
 * log is kept, and a key row planted in the database without the authority's private key
 * is refused.
 */
class CheckpointKeys {

	private final SigningKeys keys;

	CheckpointKeys(SigningKeys keys) {
		this.keys = keys;
	}

	/**
	 * The chain of {@code kid} (its certificate first, the authority's last), if the
	 * authority issued it.
	 */
	Optional<List<X509Certificate>> trustedChain(String kid) {
		return this.keys.certificateChain(kid)
			.filter((chain) -> issuedByAuthority(chain, this.keys.authorityCertificate()));
	}

	Optional<PublicKey> trustedKey(String kid) {
		return trustedChain(kid).map((chain) -> chain.get(0).getPublicKey());
	}

	static boolean issuedByAuthority(List<X509Certificate> chain, X509Certificate authority) {
		if (chain.size() != 2 || !chain.get(1).equals(authority)) {
			return false;
		}
		try {
			chain.get(0).verify(authority.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
