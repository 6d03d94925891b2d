package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.util.Optional;

/**
 * A department that took part in a single sign-on session, as single logout needs to know
 * it.
 *
 * @param clientId the department's client id
 * @param subject the {@code sub} that department knows the citizen by (pairwise or
 * public)
 * @param sessionId the {@code sid} the department received in its ID token; empty for a
 * logout of every session of the citizen there
 * @param backchannelLogoutUri where to send the logout token, if the department
 * registered one
 * @param signingAlgorithm the JWS algorithm of the department's ID tokens, used for its
 * logout tokens too
 */
public record SessionParticipant(String clientId, String subject, Optional<String> sessionId,
		Optional<URI> backchannelLogoutUri, String signingAlgorithm) {
}
