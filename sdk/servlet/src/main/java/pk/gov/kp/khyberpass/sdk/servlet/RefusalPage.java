package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to a refused request, never an exception or stack trace. For browsers, a
 * minimal HTML page holding one sentence in the language the browser asks for (English,
 * Urdu or Pashto, right-to-left for the last two): no script, style, image or link, and a
 * {@code Content-Security-Policy} that would block them anyway. For machines (Khyber
 * Pass's back-channel, APIs), one English plain-text sentence. Stateless.
 */
final class RefusalPage {

	/** Nothing may load, run or frame the page. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	private RefusalPage() {
	}

	/** A refusal page for a browser, in its language. */
	static void send(HttpServletRequest request, HttpServletResponse response, Refusal refusal) throws IOException {
		PageLanguage language = PageLanguage.of(request);
		byte[] body = html(language, refusal).getBytes(StandardCharsets.UTF_8);
		start(response, refusal.status(), "text/html;charset=UTF-8");
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Content-Language", language.tag());
		response.addHeader("Vary", "Accept-Language");
		write(response, body);
	}

	/** One English sentence for a machine caller. */
	static void sendText(HttpServletResponse response, int status, String message) throws IOException {
		start(response, status, "text/plain;charset=UTF-8");
		write(response, (message + "\n").getBytes(StandardCharsets.UTF_8));
	}

	static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
	}

	static String html(PageLanguage language, Refusal refusal) {
		return "<!DOCTYPE html>\n<html lang=\"" + language.tag() + "\" dir=\"" + language.direction() + "\">\n"
				+ "<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + "<title>"
				+ escape(language.text("page.title")) + "</title>\n</head>\n<body>\n<p>"
				+ escape(language.text(refusal.key())) + "</p>\n</body>\n</html>\n";
	}

	/** The bundles are ours, but a translator's {@code <} or {@code &} stays text. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			switch (ch) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(ch);
			}
		}
		return escaped.toString();
	}

	private static void start(HttpServletResponse response, int status, String contentType) {
		response.resetBuffer();
		response.setStatus(status);
		noStore(response);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentType(contentType);
	}

	private static void write(HttpServletResponse response, byte[] body) throws IOException {
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
