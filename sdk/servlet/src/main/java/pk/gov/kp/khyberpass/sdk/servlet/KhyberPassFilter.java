package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * Protects a plain servlet application with Khyber Pass. Map it to {@code /*} (requests
 * must reach the container's mapping, for example through the default servlet). By path,
 * as {@link KhyberPassFilterSettings} says:
 * <ul>
 * <li><b>callback</b>: completes the sign-in (state, PKCE, nonce, issuer and ID token
 * checks by the SDK), changes the session id, stores a {@link KhyberPassPrincipal} in the
 * session and redirects to the page first asked for (same-origin paths only);</li>
 * <li><b>logout</b>: a POST from this application's own pages (checked by
 * {@code Sec-Fetch-Site} or {@code Origin}; other methods get 405, other sites 403)
 * invalidates the session and redirects to Khyber Pass's end-session endpoint
 * (RP-initiated logout);</li>
 * <li><b>back-channel logout</b>: a POSTed {@code logout_token} is verified (and its
 * {@code jti} remembered) and the sessions of its {@code sid}, or else of its
 * {@code sub}, are invalidated; 200 with {@code Cache-Control: no-store}, or 400 for an
 * invalid token;</li>
 * <li><b>API paths</b>: require {@code Authorization: Bearer} with a valid access token
 * (401 with an RFC 6750 challenge, or RFC 9470's {@code insufficient_user_authentication}
 * below the path's minimum assurance level); the {@link VerifiedAccessToken} is the
 * request attribute {@value #ACCESS_TOKEN_ATTRIBUTE};</li>
 * <li><b>protected paths</b>: without a signed-in session, or with one below the path's
 * minimum assurance level, redirect to Khyber Pass (PKCE, {@code state}, {@code nonce},
 * and {@code acr_values} for step-up);</li>
 * <li>other paths pass through.</li>
 * </ul>
 * Wherever a citizen is signed in, {@code getUserPrincipal()} and {@code getRemoteUser()}
 * name them. A refused browser request gets a one-sentence HTML page in English, Urdu or
 * Pashto as its {@code Accept-Language} asks; API and back-channel refusals stay
 * machine-readable. Never a stack trace.
 * <p>
 * Programmatic use: {@code new KhyberPassFilter(client, settings)}; the caller owns and
 * closes the client. {@code web.xml} use: the public no-argument constructor, with the
 * init-params {@code issuer}, {@code client-id} and {@code client-secret} (or the
 * environment variable {@code KHYBERPASS_CLIENT_SECRET}; prefer it over a secret in
 * {@code web.xml}) plus those of {@link KhyberPassFilterSettings#fromParameters}; the
 * filter then closes its client in {@link #destroy()}.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>khyberpass</filter-name>
 *   <filter-class>pk.gov.kp.khyberpass.sdk.servlet.KhyberPassFilter</filter-class>
 *   <init-param><param-name>issuer</param-name><param-value>https://login.kp.gov.pk</param-value></init-param>
 *   <init-param><param-name>client-id</param-name><param-value>motor-vehicles</param-value></init-param>
 *   <init-param><param-name>protected-paths</param-name><param-value>/account/, /payments/</param-value></init-param>
 *   <init-param><param-name>minimum-acr</param-name><param-value>/payments/=urn:kp:loa:2</param-value></init-param>
 * </filter>
 * <filter-mapping><filter-name>khyberpass</filter-name><url-pattern>/*</url-pattern></filter-mapping>
 * }</pre>
 * <p>
 * Back-channel logout finds sessions in an index held in this filter's memory: on several
 * nodes, or with sessions persisted across restarts, a logout token received by one node
 * does not end sessions held by another, unless the filter is created with an
 * {@link EndedSessions} store that all nodes share (then each node ends such a session at
 * its next request). Likewise the client's default store of logout token ids is per node:
 * build the client with a shared {@link pk.gov.kp.khyberpass.sdk.ReplayStore}
 * ({@code KhyberPassClient.Builder.logoutReplayStore}) so a replayed logout token is
 * refused by every node. The filter keeps no access or refresh token: it never calls an
 * API on the citizen's behalf, so there is nothing to refresh. Configure the session
 * cookie as {@code HttpOnly}, {@code Secure} and {@code SameSite=Lax} in the container.
 * <p>
 * Thread-safe once initialised.
 */
public final class KhyberPassFilter implements Filter {

	/** The request attribute holding the {@link VerifiedAccessToken} on API paths. */
	public static final String ACCESS_TOKEN_ATTRIBUTE = "pk.gov.kp.khyberpass.sdk.VerifiedAccessToken";

	private static final String SECRET_VARIABLE = "KHYBERPASS_CLIENT_SECRET";

	private volatile @Nullable Parts parts;

	private volatile @Nullable KhyberPassClient ownedClient;

	/**
	 * Creates a filter configured by {@link #init(FilterConfig)} from its init-params,
	 * for {@code web.xml} deployments.
	 */
	public KhyberPassFilter() {
	}

	/**
	 * Creates a filter with a client and settings; {@link #init(FilterConfig)} then reads
	 * no init-params.
	 * @param client the client, shared and closed by the caller; not {@code null}
	 * @param settings the settings, not {@code null}
	 * @throws NullPointerException if an argument is {@code null}
	 */
	public KhyberPassFilter(KhyberPassClient client, KhyberPassFilterSettings settings) {
		this.parts = new Parts(Objects.requireNonNull(client, "client"), Objects.requireNonNull(settings, "settings"),
				null);
	}

	/**
	 * Creates a filter for one node of several: back-channel logouts are recorded in, and
	 * every signed-in request is checked against, a store all nodes share.
	 * @param client the client, shared and closed by the caller; not {@code null}
	 * @param settings the settings, not {@code null}
	 * @param endedSessions the shared store of back-channel logouts, not {@code null}
	 * @throws NullPointerException if an argument is {@code null}
	 */
	public KhyberPassFilter(KhyberPassClient client, KhyberPassFilterSettings settings, EndedSessions endedSessions) {
		this.parts = new Parts(Objects.requireNonNull(client, "client"), Objects.requireNonNull(settings, "settings"),
				Objects.requireNonNull(endedSessions, "endedSessions"));
	}

	/**
	 * Reads the init-params unless the filter was created with a client and settings.
	 * Makes no network call.
	 * @param config the filter configuration, not {@code null}
	 * @throws ServletException if a required init-param is missing or a value is invalid
	 */
	@Override
	public void init(FilterConfig config) throws ServletException {
		if (this.parts != null) {
			return;
		}
		try {
			refuseUnknownParameters(config);
			String secret = Optional.ofNullable(config.getInitParameter("client-secret"))
				.filter((value) -> !value.isBlank())
				.orElseGet(() -> System.getenv(SECRET_VARIABLE));
			KhyberPassClient client = KhyberPassClient
				.builder(URI.create(required(config, "issuer")), required(config, "client-id"),
						ClientAuthentication.clientSecretBasic(secret))
				.build();
			KhyberPassFilterSettings settings;
			try {
				settings = KhyberPassFilterSettings.fromParameters(config::getInitParameter);
			}
			catch (RuntimeException ex) {
				client.close();
				throw ex;
			}
			this.ownedClient = client;
			this.parts = new Parts(client, settings, null);
		}
		catch (KhyberPassClientException | IllegalArgumentException ex) {
			throw new ServletException(
					"KhyberPassFilter '" + config.getFilterName() + "' is misconfigured: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A misspelt init-param would otherwise be ignored silently, leaving its default in
	 * force.
	 */
	private static void refuseUnknownParameters(FilterConfig config) {
		Set<String> known = new TreeSet<>(KhyberPassFilterSettings.PARAMETERS);
		known.addAll(List.of("issuer", "client-id", "client-secret"));
		for (String name : Collections.list(config.getInitParameterNames())) {
			if (!known.contains(name)) {
				throw new IllegalArgumentException("unknown init-param '" + name + "'; the filter reads " + known);
			}
		}
	}

	/**
	 * Routes the request by path as described in the class documentation.
	 * @param request the request, not {@code null}
	 * @param response the response, not {@code null}
	 * @param chain the rest of the chain, not {@code null}
	 * @throws IOException if writing the response fails
	 * @throws ServletException if the chain throws it
	 * @throws IllegalStateException if the filter was never initialised
	 */
	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Parts parts = this.parts;
		if (parts == null) {
			throw new IllegalStateException("KhyberPassFilter was not initialised");
		}
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
			parts.route(http, httpResponse, chain);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Closes the client the filter built from its init-params; a client passed to the
	 * constructor is left to its owner.
	 */
	@Override
	public void destroy() {
		KhyberPassClient client = this.ownedClient;
		if (client != null) {
			client.close();
		}
	}

	private static String required(FilterConfig config, String name) {
		String value = config.getInitParameter(name);
		if (value == null || value.isBlank()) {
			throw new KhyberPassClientException("the init-param '" + name + "' is required");
		}
		return value.trim();
	}

	/**
	 * The path within the application as the container normalised it (dot segments
	 * removed, path parameters stripped), so rules cannot be bypassed with
	 * {@code /api/../x}.
	 */
	static String pathWithinApplication(HttpServletRequest request) {
		String servletPath = request.getServletPath();
		String pathInfo = request.getPathInfo();
		String path = ((servletPath != null) ? servletPath : "") + ((pathInfo != null) ? pathInfo : "");
		return path.isEmpty() ? "/" : path;
	}

	/** What one configuration handles. */
	private static final class Parts {

		private final KhyberPassFilterSettings settings;

		private final BrowserSignIn browser;

		private final BearerTokenCheck api;

		private final BackChannelLogoutEndpoint backChannel;

		private final @Nullable EndedSessions endedSessions;

		Parts(KhyberPassClient client, KhyberPassFilterSettings settings, @Nullable EndedSessions endedSessions) {
			SessionIndex sessions = new SessionIndex();
			this.settings = settings;
			this.browser = new BrowserSignIn(client, settings, sessions);
			this.api = new BearerTokenCheck(client);
			this.backChannel = new BackChannelLogoutEndpoint(client, sessions, endedSessions);
			this.endedSessions = endedSessions;
		}

		void route(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			String path = pathWithinApplication(request);
			if (path.equals(this.settings.callbackPath())) {
				this.browser.callback(request, response);
			}
			else if (path.equals(this.settings.logoutPath())) {
				logout(request, response);
			}
			else if (path.equals(this.settings.backChannelLogoutPath())) {
				this.backChannel.handle(request, response);
			}
			else if (this.settings.isApi(path)) {
				this.api.check(request, response, chain, this.settings.minimumAcrFor(path));
			}
			else {
				browse(request, response, chain, path);
			}
		}

		private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
			if (!SameOriginPost.isPost(request)) {
				response.setHeader("Allow", "POST");
				RefusalPage.send(request, response, Refusal.LOGOUT_NOT_POSTED);
			}
			else if (!SameOriginPost.isFromThisApplication(request)) {
				RefusalPage.send(request, response, Refusal.LOGOUT_FROM_ANOTHER_SITE);
			}
			else {
				this.browser.logout(request, response);
			}
		}

		private void browse(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
				throws IOException, ServletException {
			Optional<KhyberPassPrincipal> principal = KhyberPassPrincipal.of(request)
				.filter((citizen) -> !ended(request, citizen));
			if (this.settings.isProtected(path)) {
				Optional<AssuranceLevel> minimumAcr = this.settings.minimumAcrFor(path);
				if (principal.isEmpty() || !satisfies(principal.get(), minimumAcr)) {
					this.browser.startSignIn(request, response, minimumAcr);
					return;
				}
			}
			chain.doFilter(principal
				.<HttpServletRequest>map(
						(citizen) -> new AuthenticatedRequest(request, citizen, AuthenticatedRequest.SESSION_AUTH))
				.orElse(request), response);
		}

		/** Ends the session if another node recorded a back-channel logout for it. */
		private boolean ended(HttpServletRequest request, KhyberPassPrincipal citizen) {
			if (this.endedSessions == null
					|| !this.endedSessions.isEnded(citizen.subject(), citizen.sessionId(), signedInAt(citizen))) {
				return false;
			}
			HttpSession session = request.getSession(false);
			if (session != null) {
				try {
					session.invalidate();
				}
				catch (IllegalStateException ex) {
					// already invalidated
				}
			}
			return true;
		}

		private static Instant signedInAt(KhyberPassPrincipal citizen) {
			return (citizen.claims().get("iat") instanceof Number iat) ? Instant.ofEpochSecond(iat.longValue())
					: Instant.EPOCH;
		}

		private static boolean satisfies(KhyberPassPrincipal principal, Optional<AssuranceLevel> minimumAcr) {
			return minimumAcr.isEmpty()
					|| principal.assuranceLevel().map((level) -> level.isAtLeast(minimumAcr.get())).orElse(false);
		}

	}

}
