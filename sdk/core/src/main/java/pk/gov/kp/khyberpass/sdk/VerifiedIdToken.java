package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ID token whose signature and claims were verified: who signed in, how and when.
 * Immutable and thread-safe; no component is {@code null}.
 *
 * @param token the compact JWT, to send back as {@code id_token_hint} at logout
 * @param subject the {@code sub} claim: the citizen's identifier at this department
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim
 * @param expiresAt the {@code exp} claim
 * @param issuedAt the {@code iat} claim
 * @param acr the {@code acr} claim, such as {@code urn:kp:loa:2}, if present
 * @param amr the {@code amr} claim (RFC 8176 values), empty if absent
 * @param authTime the {@code auth_time} claim, if present
 * @param sessionId the {@code sid} claim, to match back-channel logout tokens, if present
 * @param claims all claims with their JSON values (numbers for times)
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OIDC Core
 * §2</a>
 */
public record VerifiedIdToken(String token, String subject, String issuer, List<String> audience, Instant expiresAt,
		Instant issuedAt, Optional<String> acr, List<String> amr, Optional<Instant> authTime,
		Optional<String> sessionId, Map<String, Object> claims) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public VerifiedIdToken {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(subject, "subject");
		audience = List.copyOf(audience);
		amr = List.copyOf(amr);
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Returns the assurance level of the sign-in.
	 * @return the level, empty when {@code acr} is absent or not a Khyber Pass level;
	 * never {@code null}
	 */
	public Optional<AssuranceLevel> assuranceLevel() {
		return this.acr.flatMap(AssuranceLevel::fromValue);
	}

	/**
	 * Returns a description without the token itself.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "VerifiedIdToken[subject=" + this.subject + ", issuer=" + this.issuer + ", acr=" + this.acr.orElse("-")
				+ ", expiresAt=" + this.expiresAt + "]";
	}

}
