package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A short plain-text answer for a refused request: a status and one sentence the citizen
 * can read, never an exception or stack trace. Stateless.
 */
final class RefusalPage {

	private RefusalPage() {
	}

	static void send(HttpServletResponse response, int status, String message) throws IOException {
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		response.setStatus(status);
		noStore(response);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentType("text/plain;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
	}

}
