package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A JWT access token (RFC 9068) whose signature and claims were verified: on whose behalf
 * the caller acts, which client it is, and what it may do. Immutable and thread-safe; no
 * component is {@code null}.
 *
 * @param subject the {@code sub} claim: the citizen (or, for service tokens, the client)
 * @param issuer the {@code iss} claim
 * @param audience the {@code aud} claim
 * @param expiresAt the {@code exp} claim
 * @param issuedAt the {@code iat} claim
 * @param clientId the {@code client_id} claim: the client the token was issued to, if
 * present
 * @param acr the {@code acr} claim, if present
 * @param amr the {@code amr} claim, empty if absent
 * @param authTime the {@code auth_time} claim, if present
 * @param sessionId the {@code sid} claim, if present
 * @param scopes the granted scopes, from {@code scope} (space-separated) or {@code scp}
 * @param jwtId the {@code jti} claim, if present
 * @param claims all claims with their JSON values (numbers for times)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record VerifiedAccessToken(String subject, String issuer, List<String> audience, Instant expiresAt,
		Instant issuedAt, Optional<String> clientId, Optional<String> acr, List<String> amr, Optional<Instant> authTime,
		Optional<String> sessionId, Set<String> scopes, Optional<String> jwtId, Map<String, Object> claims) {

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public VerifiedAccessToken {
		Objects.requireNonNull(subject, "subject");
		audience = List.copyOf(audience);
		amr = List.copyOf(amr);
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Returns whether the token grants a scope.
	 * @param scope the scope, not {@code null}
	 * @return {@code true} if granted
	 */
	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	/**
	 * Returns the assurance level of the sign-in behind the token.
	 * @return the level, empty when {@code acr} is absent or not a Khyber Pass level;
	 * never {@code null}
	 */
	public Optional<AssuranceLevel> assuranceLevel() {
		return this.acr.flatMap(AssuranceLevel::fromValue);
	}

}
