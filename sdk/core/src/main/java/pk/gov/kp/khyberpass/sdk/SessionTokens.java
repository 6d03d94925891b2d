package pk.gov.kp.khyberpass.sdk;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of a citizen's sign-in that a department service keeps in the citizen's HTTP
 * session (server-side, never in a cookie or page): the access token with its expiry, and
 * the refresh token, which {@link KhyberPassClient#refreshIfExpiring(SessionTokens)} uses
 * to renew the access token before it expires. The refresh token is not readable through
 * this class's public API. Create with
 * {@link KhyberPassClient#sessionTokens(TokenResponse)}. Immutable, thread-safe and
 * serializable; {@code toString()} hides the tokens.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
public final class SessionTokens implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String accessToken;

	private final @Nullable Instant expiresAt;

	private final Instant receivedAt;

	private final @Nullable String refreshToken;

	private final @Nullable String subject;

	SessionTokens(String accessToken, @Nullable Instant expiresAt, Instant receivedAt, @Nullable String refreshToken,
			@Nullable String subject) {
		this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
		this.expiresAt = expiresAt;
		this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
		this.refreshToken = refreshToken;
		this.subject = subject;
	}

	/**
	 * Returns tokens holding only an access token, with no known expiry and nothing to
	 * refresh it with (for tests, or a token obtained elsewhere):
	 * {@code refreshIfExpiring} returns them unchanged.
	 * @param accessToken the access token, not {@code null} or empty
	 * @return the tokens, never {@code null}
	 * @throws KhyberPassClientException if the token is empty
	 */
	public static SessionTokens ofAccessToken(String accessToken) {
		if (accessToken == null || accessToken.isEmpty()) {
			throw new KhyberPassClientException("The access token is empty");
		}
		return new SessionTokens(accessToken, null, Instant.EPOCH, null, null);
	}

	/**
	 * Returns the access token, as of the latest refresh; it may have expired since. Do
	 * not log or display it.
	 * @return the token, never {@code null}
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/**
	 * Returns when the access token expires, if Khyber Pass said ({@code expires_in}).
	 * @return the instant, never {@code null}; empty when unknown
	 */
	public Optional<Instant> expiresAt() {
		return Optional.ofNullable(this.expiresAt);
	}

	/**
	 * Returns whether there is a refresh token to renew the access token with.
	 * @return {@code true} if there is one
	 */
	public boolean refreshable() {
		return this.refreshToken != null;
	}

	@Nullable String refreshToken() {
		return this.refreshToken;
	}

	@Nullable String subject() {
		return this.subject;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * Whether the access token must be renewed now: within {@code margin} of its expiry,
	 * or within half its lifetime when it lives less than twice the margin.
	 */
	boolean expiring(Instant now, Duration margin) {
		if (this.expiresAt == null) {
			return false;
		}
		Duration lifetime = Duration.between(this.receivedAt, this.expiresAt);
		Duration effective = (lifetime.compareTo(margin.multipliedBy(2)) < 0) ? lifetime.dividedBy(2) : margin;
		return !now.isBefore(this.expiresAt.minus(effective));
	}

	boolean expired(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/**
	 * The tokens after a refresh: Khyber Pass rotates the refresh token; keep the old one
	 * if it did not.
	 */
	SessionTokens rotated(TokenResponse refreshed, Instant now) {
		return new SessionTokens(refreshed.accessToken(), refreshed.expiresAt().orElse(null), now,
				refreshed.refreshToken().orElse(this.refreshToken), this.subject);
	}

	/**
	 * The same sign-in's tokens as renewed elsewhere (another node); the old refresh
	 * token if none came.
	 */
	SessionTokens renewed(String accessToken, @Nullable Instant expiresAt, Instant receivedAt,
			@Nullable String refreshToken) {
		return new SessionTokens(accessToken, expiresAt, receivedAt,
				(refreshToken != null) ? refreshToken : this.refreshToken, this.subject);
	}

	/**
	 * Returns a description without the tokens.
	 * @return the description, never {@code null}
	 */
	@Override
	public String toString() {
		return "SessionTokens[expiresAt=" + ((this.expiresAt != null) ? this.expiresAt : "-") + ", refreshToken="
				+ ((this.refreshToken != null) ? "present" : "absent") + "]";
	}

}
