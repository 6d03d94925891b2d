package pk.gov.kp.khyberpass.keys;

/**
 * Where a signing key is in its life: published before it signs, published after it stops
 * signing until every token it signed has expired, then withdrawn.
 */
public enum SigningKeyState {

	/**
	 * Published in the JWKS, not signing yet; becomes {@link #ACTIVE} at the next
	 * rotation.
	 */
	NEXT,

	/** Published and signing; exactly one per algorithm. */
	ACTIVE,

	/**
	 * Published, no longer signing; kept until {@code retireAfter} so tokens it signed
	 * still verify.
	 */
	RETIRING,

	/** Withdrawn from the JWKS; its private key is erased. */
	RETIRED

}
