package pk.gov.kp.khyberpass.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs at most a fixed number of requests to the CPU-bound protocol endpoints at once,
 * first come first served; the others wait, parked, before any other filter runs. Issuing
 * a client-credentials token is pure CPU: when more requests run than there are cores,
 * they only take the core from each other, and a thread preempted inside a lock (the
 * JDK's SecureRandom, Bouncy Castle's precomputation table, Tomcat's) stalls all the
 * others (docs/performance.md). Tomcat keeps its worker threads for the endpoints that
 * wait on the database, Redis or other services. A request that waits longer than
 * {@code maxWait} gets 503 {@code temporarily_unavailable} with {@code Retry-After}.
 */
final class CpuBoundRequestsFilter extends OncePerRequestFilter {

	static final String[] URL_PATTERNS = { "/oauth2/token", "/oauth2/introspect", "/oauth2/jwks",
			"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" };

	private static final String BUSY = "{\"error\":\"temporarily_unavailable\","
			+ "\"error_description\":\"The server is busy; retry shortly\"}";

	private final Semaphore turns;

	private final long maxWaitNanos;

	CpuBoundRequestsFilter(int limit, Duration maxWait) {
		// fair: waiting requests go in order of arrival, which is what keeps the tail
		// latency near the median
		this.turns = new Semaphore(limit, true);
		this.maxWaitNanos = maxWait.toNanos();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean turn;
		try {
			turn = this.turns.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			busy(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.turns.release();
		}
	}

	private static void busy(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(BUSY);
	}

}
