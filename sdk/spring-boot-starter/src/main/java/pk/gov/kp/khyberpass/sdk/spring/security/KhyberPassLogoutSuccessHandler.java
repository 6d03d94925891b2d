package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;

/**
 * After the local logout, sends the browser to Khyber Pass to end the SSO session too
 * (RP-initiated logout with {@code id_token_hint}), which then returns it to
 * {@code khyberpass.post-logout-redirect-uri}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OIDC
 * RP-Initiated Logout</a>
 */
final class KhyberPassLogoutSuccessHandler implements LogoutSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassLogoutSuccessHandler.class);

	private final KhyberPassClient client;

	private final @Nullable URI postLogoutRedirectUri;

	private final KhyberPassSignIn signIn;

	KhyberPassLogoutSuccessHandler(KhyberPassClient client, @Nullable URI postLogoutRedirectUri,
			KhyberPassSignIn signIn) {
		this.client = client;
		this.postLogoutRedirectUri = postLogoutRedirectUri;
		this.signIn = signIn;
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) throws IOException {
		String local = (this.postLogoutRedirectUri != null) ? this.postLogoutRedirectUri.toString()
				: this.signIn.applicationRoot(request);
		if (!(authentication instanceof KhyberPassAuthentication signedIn)) {
			response.sendRedirect(local);
			return;
		}
		try {
			response
				.sendRedirect(this.client.logoutUri(signedIn.getPrincipal().idToken(), this.postLogoutRedirectUri, null)
					.toString());
		}
		catch (KhyberPassClientException ex) {
			log.warn("RP-initiated logout unavailable, only the local session ended: {}", ex.getMessage());
			response.sendRedirect(local);
		}
	}

}
