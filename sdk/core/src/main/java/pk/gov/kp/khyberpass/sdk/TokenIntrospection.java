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
 * What Khyber Pass says about a token right now (RFC 7662 token introspection): whether
 * it is active (issued by Khyber Pass, not expired and not revoked) and, when it is, on
 * whose behalf and for what. An inactive token has only {@code active=false}: every other
 * component is empty. Immutable and thread-safe; no component is {@code null}.
 *
 * @param active whether the token is active; {@code false} after the citizen signed out,
 * withdrew consent or changed the password, or when the token expired or is unknown
 * @param subject the {@code sub} member: the citizen as this client knows them (or, for
 * service tokens, the client)
 * @param clientId the {@code client_id} member: the client the token was issued to
 * @param scopes the granted scopes, from {@code scope} (space-separated)
 * @param expiresAt the {@code exp} member
 * @param issuedAt the {@code iat} member
 * @param acr the {@code acr} member: the assurance level of the sign-in behind a citizen
 * token
 * @param audience the {@code aud} member, empty if absent
 * @param tokenType the {@code token_type} member, such as {@code Bearer}
 * @param claims every member of the answer with its JSON value (numbers for times)
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
public record TokenIntrospection(boolean active, Optional<String> subject, Optional<String> clientId,
		Set<String> scopes, Optional<Instant> expiresAt, Optional<Instant> issuedAt, Optional<String> acr,
		List<String> audience, Optional<String> tokenType, Map<String, Object> claims) {

	private static final TokenIntrospection INACTIVE = new TokenIntrospection(false, Optional.empty(), Optional.empty(),
			Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
			Map.of("active", false));

	/**
	 * Creates an instance; all arguments must be non-{@code null}.
	 */
	public TokenIntrospection {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(clientId, "clientId");
		scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(issuedAt, "issuedAt");
		Objects.requireNonNull(acr, "acr");
		audience = List.copyOf(audience);
		Objects.requireNonNull(tokenType, "tokenType");
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Returns the answer for an inactive token.
	 * @return the answer, never {@code null}
	 */
	public static TokenIntrospection inactive() {
		return INACTIVE;
	}

	/**
	 * Returns whether the token is active. Refuse the action when it is not.
	 * @return {@code true} if Khyber Pass still accepts the token
	 */
	public boolean isActive() {
		return this.active;
	}

	/**
	 * Returns whether the token grants a scope.
	 * @param scope the scope, not {@code null}
	 * @return {@code true} if active and granted
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

	/**
	 * Returns a description without the subject.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		if (!this.active) {
			return "TokenIntrospection[active=false]";
		}
		return "TokenIntrospection[active=true, clientId=" + this.clientId.orElse("") + ", scopes=" + this.scopes
				+ ", acr=" + this.acr.orElse("") + ", expiresAt=" + this.expiresAt.map(Instant::toString).orElse("")
				+ "]";
	}

}
