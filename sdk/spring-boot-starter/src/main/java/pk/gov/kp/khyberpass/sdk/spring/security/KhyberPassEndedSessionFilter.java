package pk.gov.kp.khyberpass.sdk.spring.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import pk.gov.kp.khyberpass.sdk.EndedSessions;

/**
 * Ends a signed-in session that a back-channel logout received by another node named, by
 * checking each signed-in browser request against the shared {@link EndedSessions} store:
 * the session is invalidated and the request goes on unauthenticated (so a page sends the
 * browser to Khyber Pass). If the store cannot be read, the request goes on signed in and
 * a warning is logged: a store outage must not sign every citizen out. Thread-safe.
 */
final class KhyberPassEndedSessionFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(KhyberPassEndedSessionFilter.class);

	private final EndedSessions endedSessions;

	private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

	KhyberPassEndedSessionFilter(EndedSessions endedSessions) {
		this.endedSessions = endedSessions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contextHolder.getContext().getAuthentication();
		if (authentication instanceof KhyberPassAuthentication signedIn && ended(signedIn.getPrincipal())) {
			this.contextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				try {
					session.invalidate();
				}
				catch (IllegalStateException ex) {
					// already invalidated
				}
			}
			log.info("Ended the session of subject {}: back-channel logout received by another node",
					signedIn.getPrincipal().subject());
		}
		chain.doFilter(request, response);
	}

	private boolean ended(KhyberPassUser user) {
		try {
			return this.endedSessions.isEnded(user.subject(), Optional.ofNullable(user.sessionId()), signedInAt(user));
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the shared store of ended sessions ({}); the session goes on",
					ex.getClass().getSimpleName());
			return false;
		}
	}

	private static Instant signedInAt(KhyberPassUser user) {
		return (user.claims().get("iat") instanceof Number iat) ? Instant.ofEpochSecond(iat.longValue())
				: Instant.EPOCH;
	}

}
