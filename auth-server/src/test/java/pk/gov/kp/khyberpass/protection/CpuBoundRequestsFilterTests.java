package pk.gov.kp.khyberpass.protection;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;

import org.springframework.core.Ordered;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CpuBoundRequestsFilterTests {

	@Test
	void doFilterWhenTurnFreeThenRunsTheChain() throws Exception {
		CpuBoundRequestsFilter filter = new CpuBoundRequestsFilter(1, Duration.ofSeconds(1));
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(tokenRequest(), new MockHttpServletResponse(), chain);
		filter.doFilter(tokenRequest(), new MockHttpServletResponse(), new MockFilterChain());

		assertThat(chain.getRequest()).isNotNull();
	}

	@Test
	void doFilterWhenManyAtOnceThenNeverMoreThanTheLimitRun() throws Exception {
		CpuBoundRequestsFilter filter = new CpuBoundRequestsFilter(2, Duration.ofSeconds(10));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger highest = new AtomicInteger();
		FilterChain chain = (request, response) -> {
			highest.accumulateAndGet(running.incrementAndGet(), Math::max);
			sleep(20);
			running.decrementAndGet();
		};
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			Future<?>[] requests = new Future<?>[8];
			for (int i = 0; i < requests.length; i++) {
				requests[i] = threads.submit(() -> {
					filter.doFilter(tokenRequest(), new MockHttpServletResponse(), chain);
					return null;
				});
			}
			for (Future<?> request : requests) {
				request.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(highest.get()).isEqualTo(2);
	}

	@Test
	void doFilterWhenNoTurnWithinMaxWaitThen503TemporarilyUnavailable() throws Exception {
		CpuBoundRequestsFilter filter = new CpuBoundRequestsFilter(1, Duration.ofMillis(50));
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch leave = new CountDownLatch(1);
		Thread holder = new Thread(() -> {
			try {
				filter.doFilter(tokenRequest(), new MockHttpServletResponse(), (request, response) -> {
					inside.countDown();
					await(leave);
				});
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		holder.start();
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter.doFilter(tokenRequest(), response, chain);
		leave.countDown();
		holder.join(5_000);

		assertThat(chain.getRequest()).isNull();
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getContentAsString()).contains("\"error\":\"temporarily_unavailable\"");
	}

	@Test
	void doFilterWhenChainFailsThenTheTurnIsGivenBack() throws Exception {
		CpuBoundRequestsFilter filter = new CpuBoundRequestsFilter(1, Duration.ofMillis(50));
		FilterChain failing = (request, response) -> {
			throw new IllegalStateException("boom");
		};
		try {
			filter.doFilter(tokenRequest(), new MockHttpServletResponse(), failing);
		}
		catch (IllegalStateException expected) {
			// the turn must still be released
		}
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(tokenRequest(), response, new MockFilterChain());

		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void propertiesWhenLimitZeroThenOnePerProcessor() {
		ProtocolConcurrencyProperties properties = new ProtocolConcurrencyProperties(0, Duration.ofSeconds(10));

		assertThat(properties.effectiveLimit()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(new ProtocolConcurrencyProperties(3, Duration.ofSeconds(1)).effectiveLimit()).isEqualTo(3);
	}

	@Test
	void propertiesWhenNegativeLimitOrNoWaitThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ProtocolConcurrencyProperties(-1, Duration.ofSeconds(1)))
			.withMessageContaining("protocol-concurrency.limit");
		assertThatIllegalArgumentException().isThrownBy(() -> new ProtocolConcurrencyProperties(1, Duration.ZERO))
			.withMessageContaining("protocol-concurrency.max-wait");
	}

	@Test
	void registrationCoversTheCpuBoundEndpointsBeforeEveryOtherFilter() {
		var registration = new WebSecurityConfiguration()
			.cpuBoundRequestsFilter(new ProtocolConcurrencyProperties(1, Duration.ofSeconds(1)));

		assertThat(registration.getUrlPatterns()).containsExactlyInAnyOrder("/oauth2/token", "/oauth2/introspect",
				"/oauth2/jwks", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");
		assertThat(registration.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
	}

	private static MockHttpServletRequest tokenRequest() {
		return new MockHttpServletRequest("POST", "/oauth2/token");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
