package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A back-channel logout token whose signature, claims and single use were verified: end
 * the sessions it names. Immutable and thread-safe; no component is {@code null}.
 *
 * @param issuer the {@code iss} claim
 * @param subject the {@code sub} claim, if present: end all of this citizen's sessions
 * @param sessionId the {@code sid} claim, if present: end the session whose ID token had
 * it
 * @param jwtId the {@code jti} claim
 * @param issuedAt the {@code iat} claim
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken">OIDC
 * Back-Channel Logout §2.4</a>
 */
public record VerifiedLogoutToken(String issuer, Optional<String> subject, Optional<String> sessionId, String jwtId,
		Instant issuedAt) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}, and a subject or a
	 * session id must be present.
	 */
	public VerifiedLogoutToken {
		Objects.requireNonNull(jwtId, "jwtId");
		if (subject.isEmpty() && sessionId.isEmpty()) {
			throw new IllegalArgumentException("A logout token names a subject or a session id");
		}
	}

}
