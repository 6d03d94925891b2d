package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Collection;
import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A browser session signed in through Khyber Pass; its principal is the {@link KhyberPassUser}
 * and its authorities are {@code SCOPE_<scope>} for each granted scope. Stored in the HTTP
 * session; the access token is kept server-side for calls on the citizen's behalf and never
 * shown by {@code toString()}. Immutable after construction and thread-safe.
 */
public final class KhyberPassAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final KhyberPassUser user;

	private final String accessToken;

	/**
	 * Creates an authenticated token.
	 * @param user the signed-in citizen, not {@code null}
	 * @param accessToken the access token from the sign-in, not {@code null}
	 * @param authorities the authorities, not {@code null}
	 */
	public KhyberPassAuthentication(KhyberPassUser user, String accessToken,
			Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.user = Objects.requireNonNull(user, "user");
		this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
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
	 * Returns the access token from the sign-in, to call an API on the citizen's behalf (or
	 * to exchange, RFC 8693). It is not refreshed.
	 * @return the token, never {@code null}
	 */
	public String accessToken() {
		return this.accessToken;
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
