package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-authentication that Spring Authorization Server leaves to us: {@code prompt=login},
 * and a session older than {@code max_age} (OpenID Connect Core §3.1.2.1). Either way the
 * citizen signs in again before the authorization request continues; with
 * {@code prompt=none} the client gets {@code login_required} instead (sent as Spring
 * sends its own errors: to the redirect URI, once it is validated).
 * <p>
 * To tell the request that comes back after sign-in from a new one, the moment of the
 * forced sign-in is remembered in the session: a sign-in after it satisfies the request.
 */
final class PromptLoginFilter extends OncePerRequestFilter {

	static final String FORCED_AT = PromptLoginFilter.class.getName() + ".forcedAt";

	private final String authorizationEndpoint;

	private final Clock clock;

	private final AuthorizationResponses responses;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	PromptLoginFilter(String authorizationEndpoint, Clock clock, AuthorizationResponses responses) {
		this.authorizationEndpoint = authorizationEndpoint;
		this.clock = clock;
		this.responses = responses;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !this.authorizationEndpoint.equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		boolean promptNone = hasPrompt(request, "none");
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			if (promptNone) {
				loginRequired(request, response, chain);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		Instant authenticatedAt = AuthenticationFactors.of(authentication).authenticatedAt().orElse(Instant.EPOCH);
		boolean stale = maxAge(request).map((age) -> authenticatedAt.plus(age).isBefore(this.clock.instant()))
			.orElse(false);
		boolean forceLogin = hasPrompt(request, "login") && !signedInSinceForced(request, authenticatedAt);
		if (!stale && !forceLogin) {
			chain.doFilter(request, response);
			return;
		}
		if (promptNone) {
			loginRequired(request, response, chain);
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(FORCED_AT, this.clock.instant());
		this.contexts.clearContext();
		session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		chain.doFilter(request, response);
	}

	/**
	 * Answers {@code login_required} at the client's redirect URI, which Spring's
	 * validating filter has checked by now; an invalid request is left to Spring, which
	 * shows an error without redirecting.
	 */
	private void loginRequired(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object validated = request.getAttribute(OAuth2AuthorizationCodeRequestAuthenticationToken.class.getName());
		if (!(validated instanceof OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest)) {
			chain.doFilter(request, response);
			return;
		}
		OAuth2Error error = new OAuth2Error("login_required", "The citizen must sign in", null);
		this.responses.onAuthenticationFailure(request, response,
				new OAuth2AuthorizationCodeRequestAuthenticationException(error, authorizationRequest));
	}

	private boolean signedInSinceForced(HttpServletRequest request, Instant authenticatedAt) {
		HttpSession session = request.getSession(false);
		Object forcedAt = (session != null) ? session.getAttribute(FORCED_AT) : null;
		if (forcedAt instanceof Instant forced && !authenticatedAt.isBefore(forced)) {
			session.removeAttribute(FORCED_AT);
			return true;
		}
		return false;
	}

	/** Whether the request's space-separated {@code prompt} includes {@code value}. */
	static boolean hasPrompt(HttpServletRequest request, String value) {
		String prompt = request.getParameter("prompt");
		return prompt != null && Arrays.asList(prompt.split(" ")).contains(value);
	}

	private static Optional<Duration> maxAge(HttpServletRequest request) {
		String maxAge = request.getParameter("max_age");
		if (maxAge == null || !maxAge.matches("\\d{1,9}")) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofSeconds(Long.parseLong(maxAge)));
	}

}
