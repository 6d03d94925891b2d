package pk.gov.kp.khyberpass.sdk.spring.security;

import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * An API request authenticated by a verified Khyber Pass access token; its principal is
 * the {@link VerifiedAccessToken} and its authorities are {@code SCOPE_<scope>} for each
 * granted scope. Never stored in a session. Immutable after construction and thread-safe.
 */
public final class KhyberPassBearerAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient VerifiedAccessToken token;

	/**
	 * Creates an authenticated token.
	 * @param token the verified access token, not {@code null}
	 */
	public KhyberPassBearerAuthentication(VerifiedAccessToken token) {
		super(AuthorityUtils.createAuthorityList(token.scopes().stream().map((scope) -> "SCOPE_" + scope).toList()));
		this.token = Objects.requireNonNull(token, "token");
		setAuthenticated(true);
	}

	@Override
	public VerifiedAccessToken getPrincipal() {
		return this.token;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return this.token.subject();
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof KhyberPassBearerAuthentication other && this.token.equals(other.token);
	}

	@Override
	public int hashCode() {
		return this.token.hashCode();
	}

	@Override
	public String toString() {
		return "KhyberPassBearerAuthentication[subject=" + this.token.subject() + ", scopes=" + this.token.scopes()
				+ "]";
	}

}
