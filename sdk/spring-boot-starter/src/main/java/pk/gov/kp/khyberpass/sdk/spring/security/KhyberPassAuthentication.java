package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Collection;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

import pk.gov.kp.khyberpass.sdk.SessionTokens;

/**
 * A browser session signed in through Khyber Pass; its principal is the
 * {@link KhyberPassUser} and its authorities are {@code SCOPE_<scope>} for each granted
 * scope. Stored in the HTTP session, with the sign-in's access and refresh tokens kept
 * server-side for calls on the citizen's behalf: {@link KhyberPassCitizenTokens} renews
 * the access token when it is about to expire. The refresh token is never readable from
 * this class and {@code toString()} shows no token. Immutable after construction and
 * thread-safe.
 */
public final class KhyberPassAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final KhyberPassUser user;

	private final String accessToken;

	// null only in sessions serialized by an SDK version without refresh
	private final @Nullable SessionTokens tokens;

	/**
	 * Creates an authenticated token with an access token only, which is never renewed
	 * (for tests, or a token obtained elsewhere).
	 * @param user the signed-in citizen, not {@code null}
	 * @param accessToken the access token from the sign-in, not {@code null}
	 * @param authorities the authorities, not {@code null}
	 */
	public KhyberPassAuthentication(KhyberPassUser user, String accessToken,
			Collection<? extends GrantedAuthority> authorities) {
		this(user, SessionTokens.ofAccessToken(Objects.requireNonNull(accessToken, "accessToken")), authorities);
	}

	/**
	 * Creates an authenticated token with the tokens of the sign-in, so the access token
	 * can be renewed with the refresh token.
	 * @param user the signed-in citizen, not {@code null}
	 * @param tokens the sign-in's tokens ({@code KhyberPassClient.sessionTokens}), not
	 * {@code null}
	 * @param authorities the authorities, not {@code null}
	 */
	public KhyberPassAuthentication(KhyberPassUser user, SessionTokens tokens,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = Objects.requireNonNull(user, "user");
		this.tokens = Objects.requireNonNull(tokens, "tokens");
		this.accessToken = tokens.accessToken();
		setAuthenticated(true);
	}

	@Override
	public KhyberPassUser getPrincipal() {
		return this.user;
	}

	/**
	 * Returns no credentials: the citizen authenticated at Khyber Pass.
	 * @return an empty string
	 */
	@Override
	public Object getCredentials() {
		return "";
	}

	/**
	 * Returns the access token as of the sign-in or the latest renewal; it may have
	 * expired since (Khyber Pass issues them for five minutes). To call an API on the
	 * citizen's behalf, use {@link KhyberPassCitizenTokens#accessToken()} or
	 * {@link KhyberPassCitizenTokens#onBehalfOf(String, String...)}, which renew it
	 * first.
	 * @return the token, never {@code null}
	 */
	public String accessToken() {
		return this.accessToken;
	}

	/** The tokens to renew from; those of an old session hold the access token only. */
	SessionTokens tokens() {
		return (this.tokens != null) ? this.tokens : SessionTokens.ofAccessToken(this.accessToken);
	}

	/** The same sign-in with renewed tokens. */
	KhyberPassAuthentication withTokens(SessionTokens renewed) {
		KhyberPassAuthentication authentication = new KhyberPassAuthentication(this.user, renewed, getAuthorities());
		authentication.setDetails(getDetails());
		return authentication;
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof KhyberPassAuthentication other && super.equals(other)
				&& this.accessToken.equals(other.accessToken);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

	@Override
	public String toString() {
		return "KhyberPassAuthentication[" + this.user + ", authorities=" + getAuthorities() + "]";
	}

}
