package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;

/**
 * The outcome of a client secret rotation. {@link #toString()} hides the secret.
 *
 * @param secret the new secret, to show once (only its keyed hash is stored)
 * @param previousValidUntil until when the previous secret is still accepted
 */
public record ClientSecretRotation(String secret, Instant previousValidUntil) {

	@Override
	public String toString() {
		return "ClientSecretRotation[previousValidUntil=" + this.previousValidUntil + "]";
	}

}
