package pk.gov.kp.khyberpass.sdk.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.ServiceToken;
import pk.gov.kp.khyberpass.sdk.SessionTokens;
import pk.gov.kp.khyberpass.sdk.SignInRequiredException;
import pk.gov.kp.khyberpass.sdk.TokenIntrospection;
import pk.gov.kp.khyberpass.sdk.UserInfo;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassServiceTokens;

/**
 * The signed-in citizen's access token, renewed before use: when it has expired or
 * expires within {@code khyberpass.session-token-refresh-margin}, Khyber Pass is asked
 * for a new one with the sign-in's refresh token (rotated on every use), and the session
 * keeps the new tokens. Requests of one session that renew at the same moment on one node
 * share one refresh, and so do those on several nodes when the application has Spring
 * Data Redis ({@code RedisSessionRenewals}), so a refresh token is never presented twice
 * (Khyber Pass would revoke the sign-in). When Khyber Pass refuses the refresh, the local
 * session ends and {@link KhyberPassSignInRequiredException} sends the citizen to sign in
 * again.
 * <p>
 * Inject it into controllers of the browser side and call it while handling the citizen's
 * request (it reads the current request's session):
 *
 * <pre>{@code
 * ServiceToken token = citizenTokens.onBehalfOf("https://registry.kp.gov.pk/api");
 * UserInfo info = khyberPassClient.userInfo(citizenTokens.accessToken(), user.subject());
 * if (!citizenTokens.introspect().isActive()) { ... refuse the payment ... }
 * }</pre>
 *
 * Thread-safe.
 */
public final class KhyberPassCitizenTokens {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassCitizenTokens.class);

	private final KhyberPassClient client;

	private final KhyberPassServiceTokens serviceTokens;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	KhyberPassCitizenTokens(KhyberPassClient client, KhyberPassServiceTokens serviceTokens) {
		this.client = client;
		this.serviceTokens = serviceTokens;
	}

	/**
	 * Returns the signed-in citizen's access token, renewed first if it has expired or is
	 * about to. Do not log or display it.
	 * @return the token, never {@code null}
	 * @throws KhyberPassSignInRequiredException if no citizen is signed in to this
	 * request, or the sign-in ended (the local session has then been ended)
	 * @throws KhyberPassClientException if the token has expired and Khyber Pass cannot
	 * be reached (the session is kept; try again later)
	 * @throws IllegalStateException if called outside a request
	 */
	public String accessToken() {
		ServletRequestAttributes call = currentCall();
		HttpServletRequest request = call.getRequest();
		Authentication authentication = this.contextHolder.getContext().getAuthentication();
		if (!(authentication instanceof KhyberPassAuthentication signedIn)) {
			throw new KhyberPassSignInRequiredException("No citizen is signed in to this request");
		}
		SessionTokens current = signedIn.tokens();
		SessionTokens fresh;
		try {
			fresh = this.client.refreshIfExpiring(current);
		}
		catch (SignInRequiredException ex) {
			endSession(request);
			log.info("Sign-in of subject {} ended: {}", signedIn.getPrincipal().subject(), ex.getMessage());
			throw new KhyberPassSignInRequiredException("The citizen's Khyber Pass sign-in ended; sign in again", ex);
		}
		if (fresh != current) {
			store(signedIn.withTokens(fresh), request, call.getResponse());
			log.debug("Renewed the access token of subject {}", signedIn.getPrincipal().subject());
		}
		return fresh.accessToken();
	}

	/**
	 * Asks Khyber Pass's userinfo endpoint about the signed-in citizen with their access
	 * token, renewed first if needed (see
	 * {@link KhyberPassClient#userInfo(String, String)}). When Khyber Pass refuses the
	 * token ({@code invalid_token}: the citizen withdrew consent, changed their password
	 * or was signed out there), the local session is ended and the citizen is sent to
	 * sign in again, instead of the page failing until the token is due for renewal.
	 * @return the claims the citizen shares with this service, never {@code null}
	 * @throws KhyberPassSignInRequiredException if no citizen is signed in, or the
	 * sign-in ended
	 * @throws KhyberPassClientException on other failures
	 * @throws IllegalStateException if called outside a request
	 */
	public UserInfo userInfo() {
		String token = accessToken();
		KhyberPassAuthentication signedIn = (KhyberPassAuthentication) this.contextHolder.getContext()
			.getAuthentication();
		try {
			return this.client.userInfo(token, signedIn.getPrincipal().subject());
		}
		catch (OAuthErrorException ex) {
			if (!"invalid_token".equals(ex.error())) {
				throw ex;
			}
			endSession(currentCall().getRequest());
			log.info("Sign-in of subject {} refused at userinfo; ended", signedIn.getPrincipal().subject());
			throw new KhyberPassSignInRequiredException("Khyber Pass refused the citizen's access token; sign in again",
					ex);
		}
	}

	/**
	 * Exchanges the signed-in citizen's access token, renewed first if needed, for one to
	 * call another department's API on the citizen's behalf (RFC 8693 token exchange);
	 * see {@link KhyberPassServiceTokens#onBehalfOf(String, String, String...)}. Not
	 * cached.
	 * @param audience the target API, one of this client's registered audiences, not
	 * {@code null}
	 * @param scopes the scopes the target needs, within the citizen token's; none for all
	 * of them
	 * @return the token, never {@code null}
	 * @throws KhyberPassSignInRequiredException if no citizen is signed in, or the
	 * sign-in ended
	 * @throws OAuthErrorException if Khyber Pass refuses the exchange (for example
	 * {@code invalid_target})
	 * @throws KhyberPassClientException on other failures
	 * @throws IllegalStateException if called outside a request
	 */
	public ServiceToken onBehalfOf(String audience, String... scopes) {
		return this.serviceTokens.onBehalfOf(accessToken(), audience, scopes);
	}

	/**
	 * Asks Khyber Pass whether the signed-in citizen's access token, renewed first if
	 * needed, is still active (RFC 7662 token introspection; see
	 * {@link KhyberPassClient#introspect(String)}): call it before a high-value action,
	 * such as a payment, and refuse the action when the answer is not active. The local
	 * session only learns of a sign-out at Khyber Pass through back-channel logout, and
	 * of a consent withdrawal or password change at the next renewal, up to five minutes
	 * later; Khyber Pass answers {@code active=false} at once. One request per call; the
	 * session is kept either way.
	 * @return the answer, never {@code null}
	 * @throws KhyberPassSignInRequiredException if no citizen is signed in, or the
	 * sign-in ended
	 * @throws OAuthErrorException if Khyber Pass refuses the request (for example
	 * {@code invalid_client})
	 * @throws KhyberPassClientException on other failures
	 * @throws IllegalStateException if called outside a request
	 */
	public TokenIntrospection introspect() {
		return this.client.introspect(accessToken());
	}

	private void store(KhyberPassAuthentication renewed, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(renewed);
		this.contextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private void endSession(HttpServletRequest request) {
		this.contextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			try {
				session.invalidate();
			}
			catch (IllegalStateException ex) {
				// already invalidated by a concurrent request
			}
		}
	}

	private static ServletRequestAttributes currentCall() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet;
		}
		throw new IllegalStateException(
				"KhyberPassCitizenTokens needs the citizen's request: call it while handling a browser request");
	}

}
