package pk.gov.kp.khyberpass.sdk.servlet;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is a POST sent by a page of this application, judged by the headers
 * browsers set and pages cannot forge ({@code Sec-Fetch-Site}, else {@code Origin}), as
 * OWASP's CSRF guidance describes. Used for logout, which needs no form token: another
 * site must not be able to sign a citizen out of every department. A request with neither
 * header (not from a browser) is accepted. Stateless.
 */
final class SameOriginPost {

	private SameOriginPost() {
	}

	static boolean isPost(HttpServletRequest request) {
		return "POST".equals(request.getMethod());
	}

	static boolean isFromThisApplication(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String value = site.toLowerCase(Locale.ROOT);
			return value.equals("same-origin") || value.equals("none");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		try {
			URI from = URI.create(origin);
			return request.getScheme().equalsIgnoreCase(from.getScheme())
					&& request.getServerName().equalsIgnoreCase(from.getHost())
					&& request.getServerPort() == port(from);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
