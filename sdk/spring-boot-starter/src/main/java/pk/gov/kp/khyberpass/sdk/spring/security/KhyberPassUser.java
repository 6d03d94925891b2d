package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.VerifiedIdToken;

/**
 * The citizen signed in to this department service through Khyber Pass, from the verified
 * ID token: the principal of {@link KhyberPassAuthentication}. Immutable, thread-safe and
 * serializable (it lives in the HTTP session); {@code toString()} shows only the subject
 * and level.
 *
 * @param subject the {@code sub} claim: the citizen's identifier at this department
 * @param name the ID token's {@code name} claim, or {@code null}: Khyber Pass puts
 * identifiers only in the ID token, so this is {@code null} with it; ask UserInfo for the
 * name ({@link KhyberPassCitizenTokens#userInfo()})
 * @param acr the {@code acr} claim, such as {@code urn:kp:loa:2}, or {@code null}
 * @param amr the {@code amr} claim (RFC 8176 values)
 * @param sessionId the {@code sid} claim of the Khyber Pass session, or {@code null}
 * @param claims all claims of the ID token
 * @param idToken the compact ID token, sent back as {@code id_token_hint} at logout
 */
public record KhyberPassUser(String subject, @Nullable String name, @Nullable String acr, List<String> amr,
		@Nullable String sessionId, Map<String, Object> claims, String idToken) implements Principal, Serializable {

	/**
	 * Creates an instance; {@code subject}, {@code amr}, {@code claims} and
	 * {@code idToken} must be non-{@code null}.
	 */
	public KhyberPassUser {
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(idToken, "idToken");
		amr = List.copyOf(amr);
		claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Creates the user of a verified ID token.
	 * @param idToken the token, not {@code null}
	 * @return the user, never {@code null}
	 */
	public static KhyberPassUser of(VerifiedIdToken idToken) {
		Object name = idToken.claims().get("name");
		return new KhyberPassUser(idToken.subject(), (name instanceof String string) ? string : null,
				idToken.acr().orElse(null), idToken.amr(), idToken.sessionId().orElse(null), idToken.claims(),
				idToken.token());
	}

	/**
	 * Returns the subject, so {@code Authentication.getName()} is the subject.
	 * @return the subject, never {@code null}
	 */
	@Override
	public String getName() {
		return this.subject;
	}

	/**
	 * Returns the assurance level of the sign-in.
	 * @return the level, empty when {@code acr} is absent or not a Khyber Pass level
	 */
	public Optional<AssuranceLevel> assuranceLevel() {
		return Optional.ofNullable(this.acr).flatMap(AssuranceLevel::fromValue);
	}

	/**
	 * Returns whether the sign-in reached at least the given level.
	 * @param minimum the level, not {@code null}
	 * @return {@code true} if it did
	 */
	public boolean hasAssuranceLevel(AssuranceLevel minimum) {
		return assuranceLevel().map((level) -> level.isAtLeast(minimum)).orElse(false);
	}

	/**
	 * Returns a description without claims or token.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "KhyberPassUser[subject=" + this.subject + ", acr=" + this.acr + "]";
	}

}
