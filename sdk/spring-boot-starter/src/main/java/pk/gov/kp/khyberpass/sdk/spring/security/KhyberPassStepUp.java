package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * Decides whether the current request was authenticated at a required assurance level,
 * and otherwise answers: a browser GET is sent to Khyber Pass with {@code acr_values} and
 * comes back to the same URL; an API request, or a browser request that cannot be
 * replayed, gets HTTP 401 {@code insufficient_user_authentication} (RFC 9470).
 * Thread-safe.
 */
final class KhyberPassStepUp {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassStepUp.class);

	private final KhyberPassSignIn signIn;

	KhyberPassStepUp(KhyberPassSignIn signIn) {
		this.signIn = signIn;
	}

	/**
	 * Returns {@code true} when the request may continue; otherwise the response is
	 * written.
	 */
	boolean check(HttpServletRequest request, HttpServletResponse response, AssuranceLevel required)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		if (authentication instanceof KhyberPassBearerAuthentication bearer) {
			if (bearer.getPrincipal().assuranceLevel().map((level) -> level.isAtLeast(required)).orElse(false)) {
				return true;
			}
			BearerChallenge.insufficientUserAuthentication(response, required);
			return false;
		}
		if (authentication instanceof KhyberPassAuthentication session
				&& session.getPrincipal().hasAssuranceLevel(required)) {
			return true;
		}
		if ("GET".equals(request.getMethod())) {
			log.debug("Session below {}: stepping up at Khyber Pass", required.value());
			this.signIn.redirect(request, response, required);
		}
		else {
			BearerChallenge.insufficientUserAuthentication(response, required);
		}
		return false;
	}

}
