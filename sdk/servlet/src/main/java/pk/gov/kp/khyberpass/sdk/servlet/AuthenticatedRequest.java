package pk.gov.kp.khyberpass.sdk.servlet;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose {@link #getUserPrincipal()} and {@link #getRemoteUser()} name the
 * citizen Khyber Pass authenticated. Immutable wrapper state.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {

	/** {@link #getAuthType()} for a browser session signed in with Khyber Pass. */
	static final String SESSION_AUTH = "KHYBERPASS";

	/** {@link #getAuthType()} for a request with a verified bearer access token. */
	static final String BEARER_AUTH = "Bearer";

	private final Principal principal;

	private final String authType;

	AuthenticatedRequest(HttpServletRequest request, Principal principal, String authType) {
		super(request);
		this.principal = principal;
		this.authType = authType;
	}

	@Override
	public Principal getUserPrincipal() {
		return this.principal;
	}

	@Override
	public String getRemoteUser() {
		return this.principal.getName();
	}

	@Override
	public String getAuthType() {
		return this.authType;
	}

}
