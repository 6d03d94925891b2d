package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * Renewals of citizens' access tokens shared by every node of a department service, so
 * that each refresh token is presented to Khyber Pass once across all of them. Khyber
 * Pass rotates refresh tokens and revokes the whole sign-in when a spent one is presented
 * again; nodes that share sessions (for example Spring Session in Redis, without sticky
 * sessions) may otherwise renew the same refresh token at the same moment and sign the
 * citizen out.
 * <p>
 * {@link KhyberPassClient#refreshIfExpiring(SessionTokens)} uses it as follows: the node
 * that {@link #claim claims} a renewal asks Khyber Pass and {@link #publish publishes}
 * the outcome (new tokens, or the refusal that ends the sign-in); the others wait a few
 * seconds for that {@link #outcome outcome} instead of presenting the refresh token
 * themselves. The store only ever sees an identifier derived from the refresh token
 * (never the token) and an outcome encrypted (AES-256-GCM) under a key derived from the
 * refresh token: whoever reads the store without that token learns nothing usable, and
 * cannot forge an outcome.
 * <p>
 * The default is none: each JVM renews on its own, which is right for one node, or for
 * sticky sessions. The Spring Boot starter configures one over Redis when the application
 * has Spring Data Redis; other services give theirs to
 * {@link KhyberPassClient.Builder#sessionRenewals(SessionRenewals)}. When the store fails
 * (throws), the node renews on its own, as without one, and logs a warning.
 * Implementations must be thread-safe, and {@link #claim} must be atomic across nodes
 * (for example Redis {@code SET NX} with an expiry).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700
 * §4.14.2</a>
 */
public interface SessionRenewals {

	/**
	 * Claims the renewal, unless a claim on it is held and unexpired.
	 * @param renewal the renewal's identifier (43 base64url characters derived from the
	 * refresh token; not the token), not {@code null}
	 * @param hold how long the claim holds if it is never released: longer than a request
	 * to Khyber Pass can take; positive, not {@code null}
	 * @return {@code true} if this call claimed it: the caller renews; {@code false} if
	 * another holds it
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	boolean claim(String renewal, Duration hold);

	/**
	 * Keeps the renewal's outcome for {@code keep}, replacing any earlier one. It does
	 * not release the claim.
	 * @param renewal the renewal's identifier, not {@code null}
	 * @param outcome the encrypted outcome, an opaque ASCII string of at most a few
	 * kilobytes, to store as it is; not {@code null}
	 * @param keep how long to keep it; positive, not {@code null}
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	void publish(String renewal, String outcome, Duration keep);

	/**
	 * Returns the renewal's outcome, if one was published and is still kept.
	 * @param renewal the renewal's identifier, not {@code null}
	 * @return the outcome exactly as published, never {@code null}; empty if none
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	Optional<String> outcome(String renewal);

	/**
	 * Releases the claim on the renewal, so that another node may claim it at once (after
	 * a failure that may pass, such as Khyber Pass unreachable). Nothing happens if it is
	 * not held.
	 * @param renewal the renewal's identifier, not {@code null}
	 * @throws RuntimeException if a shared store cannot be reached
	 */
	void release(String renewal);

}
