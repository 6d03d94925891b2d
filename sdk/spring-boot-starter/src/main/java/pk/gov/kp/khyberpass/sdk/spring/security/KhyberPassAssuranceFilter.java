package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;

/**
 * Enforces the {@link KhyberPassAssurance} path rules on signed-in browser sessions,
 * stepping up when the session is below the level. Runs just before authorization; a
 * request not yet signed in is left to the entry point, which asks for the level at the
 * first sign-in.
 */
final class KhyberPassAssuranceFilter extends OncePerRequestFilter {

	private final KhyberPassAssurance assurance;

	private final KhyberPassStepUp stepUp;

	KhyberPassAssuranceFilter(KhyberPassAssurance assurance, KhyberPassStepUp stepUp) {
		this.assurance = assurance;
		this.stepUp = stepUp;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
			.getContext()
			.getAuthentication();
		Optional<AssuranceLevel> required = this.assurance.requiredFor(request);
		if (required.isPresent() && authentication instanceof KhyberPassAuthentication
				&& !this.stepUp.check(request, response, required.get())) {
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.assurance.isEmpty();
	}

}
