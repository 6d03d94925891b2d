package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.VerifiedLogoutToken;

/**
 * The back-channel logout endpoint: Khyber Pass POSTs a {@code logout_token} when the
 * citizen logs out elsewhere; a valid one ends the sessions it names and is answered 200,
 * an invalid one 400. With a shared {@link EndedSessions} store, the logout is also
 * recorded there for the other nodes ({@link KhyberPassEndedSessionFilter}); if that
 * fails, 503. Placed before the CSRF filter: the caller is a server, authenticated by the
 * token's signature, and no session is created.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest">OIDC
 * Back-Channel Logout §2.5–2.8</a>
 */
final class KhyberPassBackChannelLogoutFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassBackChannelLogoutFilter.class);

	private final KhyberPassClient client;

	private final KhyberPassSessionIndex sessions;

	private final @Nullable EndedSessions endedSessions;

	private final RequestMatcher endpoint;

	KhyberPassBackChannelLogoutFilter(KhyberPassClient client, KhyberPassSessionIndex sessions,
			@Nullable EndedSessions endedSessions, String path) {
		this.client = client;
		this.sessions = sessions;
		this.endedSessions = endedSessions;
		this.endpoint = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.endpoint.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Cache-Control", "no-store");
		VerifiedLogoutToken token;
		try {
			token = this.client.verifyLogoutToken(request.getParameter("logout_token"));
		}
		catch (InvalidTokenException ex) {
			log.debug("Back-channel logout token refused ({}): {}", ex.reason(), ex.getMessage());
			error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request");
			return;
		}
		catch (KhyberPassClientException ex) {
			log.warn("Back-channel logout not verified: {}", ex.getMessage());
			error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable");
			return;
		}
		int ended = this.sessions.endSessions(token);
		if (ended > 0) {
			log.info("Back-channel logout of subject {} ended {} session(s)", token.subject().orElse("-"), ended);
		}
		else {
			// the usual case after a sign-out from this service: its session ended before
			// Khyber Pass's
			log.info("Back-channel logout of subject {}: no session of it open here", token.subject().orElse("-"));
		}
		if (this.endedSessions != null) {
			try {
				this.endedSessions.end(token.subject(), token.sessionId(), token.issuedAt());
			}
			catch (RuntimeException ex) {
				log.warn("Back-channel logout not recorded for the other nodes ({})", ex.getClass().getSimpleName());
				error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable");
				return;
			}
		}
		response.setStatus(HttpServletResponse.SC_OK);
	}

	private static void error(HttpServletResponse response, int status, String error) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.getOutputStream().write(("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8));
	}

}
