package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.TokenResponse;
import pk.gov.kp.khyberpass.sdk.VerifiedIdToken;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;

/**
 * The browser side of sign-in: {@code GET <login-path>} sends the browser to Khyber Pass,
 * and {@code GET <callback-path>} completes the sign-in: checks {@code state} and
 * {@code iss}, exchanges the code, verifies the ID token, changes the session id, stores
 * a {@link KhyberPassAuthentication} (with the access and refresh tokens) in the session
 * and returns to the page that needed it. A callback the session did not ask for is
 * answered 400; a rejected one 401.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeFlowAuth">OIDC
 * Core §3.1</a>
 */
final class KhyberPassLoginFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassLoginFilter.class);

	private final KhyberPassClient client;

	private final KhyberPassSignIn signIn;

	private final KhyberPassSessionIndex sessions;

	private final SecurityContextRepository contextRepository;

	private final RequestMatcher login;

	private final RequestMatcher callback;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	KhyberPassLoginFilter(KhyberPassClient client, KhyberPassSignIn signIn, KhyberPassSessionIndex sessions,
			SecurityContextRepository contextRepository, KhyberPassProperties properties) {
		this.client = client;
		this.signIn = signIn;
		this.sessions = sessions;
		this.contextRepository = contextRepository;
		this.login = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, properties.loginPath());
		this.callback = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, properties.callbackPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.callback.matches(request)) {
			complete(request, response);
		}
		else if (this.login.matches(request)) {
			this.signIn.redirect(request, response, null, this.signIn.applicationRoot(request));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private void complete(HttpServletRequest request, HttpServletResponse response) throws IOException {
		KhyberPassSignIn.PendingSignIn pending = this.signIn.take(request, request.getParameter("state"));
		if (pending == null) {
			log.debug("Sign-in callback refused: no sign-in with this state is pending in the session");
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		TokenResponse tokens;
		try {
			tokens = this.client.exchangeCode(parameters(request), pending.authorization());
		}
		catch (InvalidTokenException ex) {
			log.debug("Sign-in callback refused ({}): {}", ex.reason(), ex.getMessage());
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		catch (OAuthErrorException ex) {
			if ("invalid_client".equals(ex.error())) {
				log.warn("Khyber Pass refused this service's client authentication at the code exchange "
						+ "(invalid_client): khyberpass.client-id and khyberpass.client-secret must match the client "
						+ "registered at {} (on a developer machine: the seed file Khyber Pass was started with)",
						this.client.issuer());
				response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
				return;
			}
			log.debug("Sign-in ended with OAuth error {}", ex.error());
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		catch (KhyberPassClientException ex) {
			log.warn("Sign-in failed on our side: {}", ex.getMessage());
			response.sendError(HttpServletResponse.SC_BAD_GATEWAY);
			return;
		}
		signedIn(request, response, tokens);
		response.sendRedirect(pending.returnTo());
	}

	private void signedIn(HttpServletRequest request, HttpServletResponse response, TokenResponse tokens) {
		VerifiedIdToken idToken = tokens.idToken()
			.orElseThrow(() -> new KhyberPassClientException("The code exchange returned no ID token"));
		KhyberPassUser user = KhyberPassUser.of(idToken);
		KhyberPassAuthentication authentication = new KhyberPassAuthentication(user, this.client.sessionTokens(tokens),
				AuthorityUtils.createAuthorityList(tokens.scopes().stream().map((scope) -> "SCOPE_" + scope).toList()));
		request.changeSessionId();
		SecurityContext context = this.contextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		this.contextHolder.setContext(context);
		this.contextRepository.saveContext(context, request, response);
		this.sessions.register(request.getSession(), user);
		log.info("Signed in subject {} at {}", user.subject(), user.acr());
	}

	private static Map<String, String> parameters(HttpServletRequest request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0) {
				parameters.put(name, values[0]);
			}
		});
		return parameters;
	}

}
