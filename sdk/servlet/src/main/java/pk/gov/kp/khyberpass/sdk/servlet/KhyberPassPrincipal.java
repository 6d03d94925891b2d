package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.VerifiedIdToken;

/**
 * The citizen signed in to this session through Khyber Pass, taken from the verified ID
 * token. {@link HttpServletRequest#getUserPrincipal()} returns it on requests that pass
 * through {@link KhyberPassFilter}; {@link #getName()} (and so {@code getRemoteUser()})
 * is the {@code sub}, the citizen's stable identifier at this department, not a display
 * name. Immutable, thread-safe and serializable (it lives in the {@link HttpSession});
 * {@code toString()} hides the ID token and the claims.
 */
public final class KhyberPassPrincipal implements Principal, Serializable {

	/** The session attribute holding the principal: this class's name. */
	public static final String SESSION_ATTRIBUTE = KhyberPassPrincipal.class.getName();

	@Serial
	private static final long serialVersionUID = 1L;

	private final String subject;

	private final @Nullable String displayName;

	private final @Nullable String acr;

	private final List<String> amr;

	private final @Nullable String sessionId;

	private final String idToken;

	private final Map<String, Object> claims;

	/**
	 * Creates a principal.
	 * @param subject the {@code sub} claim, not {@code null}
	 * @param displayName the {@code name} claim, or {@code null}
	 * @param acr the {@code acr} claim, or {@code null}
	 * @param amr the {@code amr} claim, not {@code null}
	 * @param sessionId the {@code sid} claim, or {@code null}
	 * @param idToken the compact ID token, sent as {@code id_token_hint} at logout; not
	 * {@code null}
	 * @param claims all claims of the ID token with their JSON values, not {@code null}
	 */
	public KhyberPassPrincipal(String subject, @Nullable String displayName, @Nullable String acr, List<String> amr,
			@Nullable String sessionId, String idToken, Map<String, Object> claims) {
		this.subject = Objects.requireNonNull(subject, "subject");
		this.displayName = displayName;
		this.acr = acr;
		this.amr = List.copyOf(amr);
		this.sessionId = sessionId;
		this.idToken = Objects.requireNonNull(idToken, "idToken");
		this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
	}

	/**
	 * Creates the principal of a verified ID token.
	 * @param idToken the token, not {@code null}
	 * @return the principal, never {@code null}
	 */
	public static KhyberPassPrincipal of(VerifiedIdToken idToken) {
		Object name = idToken.claims().get("name");
		return new KhyberPassPrincipal(idToken.subject(), (name instanceof String value) ? value : null,
				idToken.acr().orElse(null), idToken.amr(), idToken.sessionId().orElse(null), idToken.token(),
				idToken.claims());
	}

	/**
	 * Returns the principal signed in to a request's session, without creating a session.
	 * @param request the request, not {@code null}
	 * @return the principal, never {@code null}; empty when nobody is signed in
	 */
	public static Optional<KhyberPassPrincipal> of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		try {
			return (session.getAttribute(SESSION_ATTRIBUTE) instanceof KhyberPassPrincipal principal)
					? Optional.of(principal) : Optional.empty();
		}
		catch (IllegalStateException ex) {
			// invalidated meanwhile, for example by a back-channel logout
			return Optional.empty();
		}
	}

	/**
	 * Returns the {@code sub} claim, as {@link Principal} requires a name.
	 * @return the subject, never {@code null}
	 */
	@Override
	public String getName() {
		return this.subject;
	}

	/**
	 * Returns the {@code sub} claim: the citizen's identifier at this department.
	 * @return the subject, never {@code null}
	 */
	public String subject() {
		return this.subject;
	}

	/**
	 * Returns the {@code name} claim (released under the {@code profile} scope).
	 * @return the name, never {@code null}; empty if absent
	 */
	public Optional<String> displayName() {
		return Optional.ofNullable(this.displayName);
	}

	/**
	 * Returns the {@code acr} claim, such as {@code urn:kp:loa:2}.
	 * @return the value, never {@code null}; empty if absent
	 */
	public Optional<String> acr() {
		return Optional.ofNullable(this.acr);
	}

	/**
	 * Returns the assurance level of the sign-in.
	 * @return the level, never {@code null}; empty when {@code acr} is absent or not a
	 * Khyber Pass level
	 */
	public Optional<AssuranceLevel> assuranceLevel() {
		return acr().flatMap(AssuranceLevel::fromValue);
	}

	/**
	 * Returns the {@code amr} claim (RFC 8176 values such as {@code pwd}, {@code otp}).
	 * @return the methods, never {@code null}, unmodifiable; empty if absent
	 */
	public List<String> amr() {
		return this.amr;
	}

	/**
	 * Returns the {@code sid} claim: the Khyber Pass session, named by back-channel
	 * logout.
	 * @return the session id, never {@code null}; empty if absent
	 */
	public Optional<String> sessionId() {
		return Optional.ofNullable(this.sessionId);
	}

	/**
	 * Returns the compact ID token, for {@code id_token_hint}. Do not log or display it.
	 * @return the token, never {@code null}
	 */
	public String idToken() {
		return this.idToken;
	}

	/**
	 * Returns all claims of the ID token with their JSON values (numbers for times).
	 * @return the claims, never {@code null}, unmodifiable
	 */
	public Map<String, Object> claims() {
		return this.claims;
	}

	/**
	 * Returns a description with the subject and assurance level only.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "KhyberPassPrincipal[subject=" + this.subject + ", acr=" + ((this.acr != null) ? this.acr : "-") + "]";
	}

}
