package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.VerifiedLogoutToken;

/**
 * Receives back-channel logout tokens from Khyber Pass, ends the sessions they name on
 * this node and, when there is one, records the logout in the {@link EndedSessions} store
 * the other nodes read. Thread-safe.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest">OIDC
 * Back-Channel Logout §2.5 and §2.8</a>
 */
final class BackChannelLogoutEndpoint {

	private static final System.Logger log = System.getLogger(BackChannelLogoutEndpoint.class.getName());

	private final KhyberPassClient client;

	private final SessionIndex sessions;

	private final @Nullable EndedSessions shared;

	BackChannelLogoutEndpoint(KhyberPassClient client, SessionIndex sessions, @Nullable EndedSessions shared) {
		this.client = client;
		this.sessions = sessions;
		this.shared = shared;
	}

	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		RefusalPage.noStore(response);
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			RefusalPage.sendText(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
					"Khyber Pass POSTs logout tokens here.");
			return;
		}
		VerifiedLogoutToken token;
		try {
			token = this.client.verifyLogoutToken(request.getParameter("logout_token"));
		}
		catch (InvalidTokenException ex) {
			log.log(Level.DEBUG, "Refused a logout token (" + ex.reason() + "): " + ex.getMessage());
			sendError(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request");
			return;
		}
		catch (KhyberPassClientException ex) {
			log.log(Level.WARNING, "Cannot verify a logout token: " + ex.getMessage());
			sendError(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable");
			return;
		}
		if (this.shared != null) {
			// Before the local sessions end: if the shared store fails, Khyber Pass sees
			// an error.
			this.shared.end(token.subject(), token.sessionId(), token.issuedAt());
		}
		int ended = this.sessions.invalidate(token.subject(), token.sessionId());
		log.log(Level.DEBUG, "Back-channel logout ended " + ended + " session(s)");
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentLength(0);
	}

	private static void sendError(HttpServletResponse response, int status, String error) throws IOException {
		byte[] body = ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("application/json");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
