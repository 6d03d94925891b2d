package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.AuthorizationRequest;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.PendingAuthorization;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;

/**
 * Sends the browser to Khyber Pass (code flow with PKCE, state and nonce, and
 * {@code acr_values} for a step-up), keeping the pending authorization and the URL to
 * come back to in the session, keyed by {@code state} so several tabs can sign in at
 * once. Thread-safe.
 */
final class KhyberPassSignIn {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassSignIn.class);

	static final String PENDING_ATTRIBUTE = KhyberPassSignIn.class.getName() + ".PENDING";

	private static final int MAX_PENDING = 5;

	private final KhyberPassClient client;

	private final KhyberPassProperties properties;

	KhyberPassSignIn(KhyberPassClient client, KhyberPassProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * Redirects to Khyber Pass; afterwards the browser comes back to the current URL (a
	 * GET) or to the application root.
	 */
	void redirect(HttpServletRequest request, HttpServletResponse response, @Nullable AssuranceLevel minimum)
			throws IOException {
		String returnTo = "GET".equals(request.getMethod()) ? currentUrl(request) : applicationRoot(request);
		redirect(request, response, minimum, returnTo);
	}

	void redirect(HttpServletRequest request, HttpServletResponse response, @Nullable AssuranceLevel minimum,
			String returnTo) throws IOException {
		AuthorizationRequest.Builder builder = this.client.authorizationRequest(callbackUri(request))
			.scopes(this.properties.scopes().toArray(String[]::new));
		if (minimum != null) {
			builder.minimumAcr(minimum);
		}
		AuthorizationRequest authorization;
		try {
			authorization = builder.build();
		}
		catch (KhyberPassClientException ex) {
			// Discovery failed: nowhere to send the citizen. Say so once, without a stack
			// trace per page view.
			log.warn("Cannot send the browser to sign in: {}", ex.getMessage());
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		HttpSession session = request.getSession();
		PendingSignIns pending = pending(session);
		pending.put(authorization.pending(), returnTo);
		session.setAttribute(PENDING_ATTRIBUTE, pending);
		response.sendRedirect(authorization.uri().toString());
	}

	/**
	 * Removes and returns the sign-in waiting for this {@code state}.
	 */
	@Nullable PendingSignIn take(HttpServletRequest request, @Nullable String state) {
		HttpSession session = request.getSession(false);
		if (session == null || state == null) {
			return null;
		}
		PendingSignIns pending = pending(session);
		PendingSignIn found = pending.remove(state);
		session.setAttribute(PENDING_ATTRIBUTE, pending);
		return found;
	}

	String applicationRoot(HttpServletRequest request) {
		return origin(request) + request.getContextPath() + "/";
	}

	private URI callbackUri(HttpServletRequest request) {
		return URI.create(origin(request) + request.getContextPath() + this.properties.callbackPath());
	}

	/** Absolute, so the browser always returns to this host (no open redirect). */
	private static String currentUrl(HttpServletRequest request) {
		String query = request.getQueryString();
		return origin(request) + request.getRequestURI() + ((query != null) ? "?" + query : "");
	}

	private static String origin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

	private static PendingSignIns pending(HttpSession session) {
		return (session.getAttribute(PENDING_ATTRIBUTE) instanceof PendingSignIns existing) ? existing
				: new PendingSignIns();
	}

	/**
	 * A sign-in waiting for its callback.
	 *
	 * @param authorization the values to check the callback against
	 * @param returnTo the absolute URL to go back to afterwards
	 */
	record PendingSignIn(PendingAuthorization authorization, String returnTo) implements Serializable {

	}

	/**
	 * The sign-ins of one session waiting for their callback, the oldest dropped beyond
	 * five.
	 */
	static final class PendingSignIns implements Serializable {

		private static final long serialVersionUID = 1L;

		private final LinkedHashMap<String, PendingSignIn> byState = new LinkedHashMap<>();

		synchronized void put(PendingAuthorization authorization, String returnTo) {
			this.byState.put(authorization.state(), new PendingSignIn(authorization, returnTo));
			Iterator<Map.Entry<String, PendingSignIn>> oldest = this.byState.entrySet().iterator();
			while (this.byState.size() > MAX_PENDING) {
				oldest.next();
				oldest.remove();
			}
		}

		synchronized @Nullable PendingSignIn remove(String state) {
			return this.byState.remove(state);
		}

	}

}
