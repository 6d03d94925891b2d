package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * The HTTP 401 answers of a bearer-token protected API, with their
 * {@code WWW-Authenticate} challenge.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9470#section-3">RFC 9470 §3</a>
 */
final class BearerChallenge {

	private BearerChallenge() {
	}

	/** No token was sent: a challenge without error code (RFC 6750 §3.1). */
	static void missingToken(HttpServletResponse response) throws IOException {
		send(response, "Bearer");
	}

	static void invalidToken(HttpServletResponse response) throws IOException {
		send(response, "Bearer error=\"invalid_token\"");
	}

	static void insufficientUserAuthentication(HttpServletResponse response, AssuranceLevel required)
			throws IOException {
		send(response, "Bearer error=\"insufficient_user_authentication\", error_description=\"A sign-in of at least "
				+ required.value() + " is required\", acr_values=\"" + required.value() + "\"");
	}

	private static void send(HttpServletResponse response, String challenge) throws IOException {
		response.setHeader("WWW-Authenticate", challenge);
		response.setHeader("Cache-Control", "no-store");
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.flushBuffer();
	}

}
