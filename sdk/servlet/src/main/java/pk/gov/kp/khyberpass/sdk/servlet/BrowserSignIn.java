package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.AuthorizationRequest;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.VerifiedIdToken;

/**
 * The browser side: sends a citizen without a (strong enough) session to Khyber Pass,
 * completes the sign-in at the callback, and ends the session at logout. Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth">OIDC
 * Core §3.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OIDC
 * RP-Initiated Logout</a>
 */
final class BrowserSignIn {

	private static final System.Logger log = System.getLogger(BrowserSignIn.class.getName());

	private final KhyberPassClient client;

	private final KhyberPassFilterSettings settings;

	private final SessionIndex sessions;

	BrowserSignIn(KhyberPassClient client, KhyberPassFilterSettings settings, SessionIndex sessions) {
		this.client = client;
		this.settings = settings;
		this.sessions = sessions;
	}

	/** Redirects to Khyber Pass, remembering the request's path to come back to. */
	void startSignIn(HttpServletRequest request, HttpServletResponse response, Optional<AssuranceLevel> minimumAcr)
			throws IOException {
		AuthorizationRequest authorization;
		try {
			AuthorizationRequest.Builder builder = this.client.authorizationRequest(redirectUri(request))
				.scopes(this.settings.scopes().toArray(String[]::new));
			minimumAcr.ifPresent(builder::minimumAcr);
			authorization = builder.build();
		}
		catch (KhyberPassClientException ex) {
			log.log(Level.WARNING, "Cannot start a Khyber Pass sign-in: " + ex.getMessage());
			RefusalPage.send(request, response, Refusal.SIGN_IN_UNAVAILABLE);
			return;
		}
		String returnTo = isSafeToRepeat(request) ? requestPath(request) : home(request);
		PendingSignIn.save(request.getSession(true), new PendingSignIn(authorization.pending(), returnTo));
		RefusalPage.noStore(response);
		response.sendRedirect(authorization.uri().toString());
	}

	/**
	 * Completes the sign-in: exchanges the code, rotates the session id, stores the
	 * principal.
	 */
	void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, String> params = firstValues(request);
		HttpSession session = request.getSession(false);
		String state = params.get("state");
		PendingSignIn pending = (session != null && state != null) ? takePending(session, state) : null;
		if (session == null || pending == null) {
			log.log(Level.DEBUG, "Refused a callback whose state matches no sign-in started in its session");
			RefusalPage.send(request, response, Refusal.SIGN_IN_NOT_STARTED);
			return;
		}
		VerifiedIdToken idToken;
		try {
			idToken = this.client.exchangeCode(params, pending.authorization())
				.idToken()
				.orElseThrow(() -> new KhyberPassClientException("The code exchange returned no ID token"));
		}
		catch (OAuthErrorException ex) {
			log.log(Level.DEBUG, "Khyber Pass answered the sign-in with an error: " + printable(ex.error()));
			boolean denied = "access_denied".equals(ex.error());
			RefusalPage.send(request, response, denied ? Refusal.SIGN_IN_CANCELLED : Refusal.SIGN_IN_FAILED);
			return;
		}
		catch (InvalidTokenException ex) {
			log.log(Level.DEBUG, "Refused a sign-in (" + ex.reason() + "): " + ex.getMessage());
			RefusalPage.send(request, response, Refusal.SIGN_IN_NOT_VERIFIED);
			return;
		}
		catch (KhyberPassClientException ex) {
			log.log(Level.WARNING, "Cannot complete a Khyber Pass sign-in: " + ex.getMessage());
			RefusalPage.send(request, response, Refusal.SIGN_IN_UNAVAILABLE);
			return;
		}
		signIn(request, session, KhyberPassPrincipal.of(idToken));
		RefusalPage.noStore(response);
		response.sendRedirect(safeReturnPath(pending.returnTo(), request.getContextPath()));
	}

	/**
	 * Ends the local session and sends the browser to Khyber Pass to end the SSO session.
	 */
	void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Optional<KhyberPassPrincipal> principal = KhyberPassPrincipal.of(request);
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException ex) {
				// already invalidated
			}
		}
		Optional<URI> afterLogout = this.settings.postLogoutRedirectUri();
		String target = afterLogout.map(URI::toString).orElse(home(request));
		if (principal.isPresent()) {
			try {
				target = this.client.logoutUri(principal.get().idToken(), afterLogout.orElse(null), null).toString();
			}
			catch (KhyberPassClientException ex) {
				log.log(Level.WARNING, "Ended the local session only: " + ex.getMessage());
			}
		}
		RefusalPage.noStore(response);
		response.sendRedirect(target);
	}

	/**
	 * Keeps the session of the same citizen under a new id (session fixation); a
	 * different citizen gets a new session, so nothing of the previous one's stays
	 * behind.
	 */
	private void signIn(HttpServletRequest request, HttpSession session, KhyberPassPrincipal principal) {
		HttpSession signedIn = session;
		Object previous = session.getAttribute(KhyberPassPrincipal.SESSION_ATTRIBUTE);
		if (previous instanceof KhyberPassPrincipal other && !other.subject().equals(principal.subject())) {
			session.invalidate();
			signedIn = request.getSession(true);
		}
		else {
			request.changeSessionId();
		}
		signedIn.setAttribute(KhyberPassPrincipal.SESSION_ATTRIBUTE, principal);
		this.sessions.register(signedIn, principal);
	}

	private static @Nullable PendingSignIn takePending(HttpSession session, String state) {
		try {
			return PendingSignIn.take(session, state);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	private URI redirectUri(HttpServletRequest request) {
		Optional<URI> fixed = this.settings.redirectUri();
		if (fixed.isPresent()) {
			return fixed.get();
		}
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return URI.create(scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port)
				+ request.getContextPath() + this.settings.callbackPath());
	}

	private static boolean isSafeToRepeat(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private static String requestPath(HttpServletRequest request) {
		String query = request.getQueryString();
		return safeReturnPath(request.getRequestURI() + ((query != null) ? "?" + query : ""), request.getContextPath());
	}

	private static String home(HttpServletRequest request) {
		return request.getContextPath() + "/";
	}

	/**
	 * Returns the path if it stays on this origin and in this application, or else the
	 * application's root: never {@code //host}, {@code /\host}, a scheme or control
	 * characters, which browsers would follow elsewhere.
	 */
	static String safeReturnPath(@Nullable String path, String contextPath) {
		String fallback = contextPath + "/";
		if (path == null || !path.startsWith(fallback) || path.startsWith("//") || path.indexOf('\\') >= 0
				|| path.chars().anyMatch((ch) -> ch < 0x21 || ch == 0x7f)) {
			return fallback;
		}
		try {
			URI uri = new URI(path);
			return (uri.getScheme() == null && uri.getRawAuthority() == null) ? path : fallback;
		}
		catch (URISyntaxException ex) {
			return fallback;
		}
	}

	/** The callback's error code comes from the browser: keep log lines whole. */
	private static String printable(String value) {
		String shown = value.replaceAll("[^\\x21-\\x7e]", "?");
		return (shown.length() > 64) ? shown.substring(0, 64) + "..." : shown;
	}

	private static Map<String, String> firstValues(HttpServletRequest request) {
		Map<String, String> params = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0) {
				params.put(name, values[0]);
			}
		});
		return params;
	}

}
