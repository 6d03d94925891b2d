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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-authentication that Spring Authorization Server leaves to us: {@code prompt=login}, and a session
 * older than {@code max_age} (OpenID Connect Core §3.1.2.1). Either way the citizen signs in again before
 * the authorization request continues; with {@code prompt=none} the client gets {@code login_required}
 * instead (sent as Spring sends its own errors: to the redirect URI, once it is validated).
 * <p>
 * To tell the request that comes back after sign-in from a new one, the moment of the forced sign-in is
 * remembered in the session: a sign-in after it satisfies the request.
 */
final class PromptLoginFilter extends OncePerRequestFilter {

	static final String FORCED_AT = PromptLoginFilter.class.getName() + ".forcedAt";


	private final String authorizationEndpoint;

	private final Clock clock;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	PromptLoginFilter(String authorizationEndpoint, Clock clock) {
		this.authorizationEndpoint = authorizationEndpoint;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !this.authorizationEndpoint.equals(request.getServletPath());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		Instant authenticatedAt = AuthenticationFactors.of(authentication).authenticatedAt().orElse(Instant.EPOCH);
		boolean promptNone = hasPrompt(request, "none");
		boolean stale = maxAge(request).map((age) -> authenticatedAt.plus(age).isBefore(this.clock.instant()))
			.orElse(false);
		boolean forceLogin = hasPrompt(request, "login") && !signedInSinceForced(request, authenticatedAt);
		if (!stale && !forceLogin) {
			chain.doFilter(request, response);
			return;
		}
		if (promptNone) {
			// Let the authorization endpoint answer login_required to the validated redirect URI.
			this.contexts.clearContext();
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(FORCED_AT, this.clock.instant());
		this.contexts.clearContext();
		session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		chain.doFilter(request, response);
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

	private static boolean hasPrompt(HttpServletRequest request, String value) {
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
