package pk.gov.kp.khyberpass.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends logout tokens to departments, durably: each delivery is first written to
 * PostgreSQL ({@link PendingLogoutRepository}), then tried at once in the background, so
 * that a slow or failing department never holds up the citizen's logout. A failed attempt
 * is retried with exponential back-off by whichever node's poller finds it due, so a node
 * that stops loses nothing. The row is deleted when the department accepts the token, or
 * after the last attempt with a warning naming the department.
 * <p>
 * Delivery is at least once: if a node stops in the middle of an attempt that reached the
 * department, another node sends the token again once that attempt's lease has run out.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-backchannel-1_0.html#BCRequest">OpenID Connect
 * Back-Channel Logout 1.0 §2.5</a>
 */
@Component
final class BackchannelLogoutDelivery implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(BackchannelLogoutDelivery.class);

	private static final int THREADS = 4;

	private final BackchannelLogoutProperties properties;

	private final PendingLogoutRepository pending;

	private final Clock clock;

	private final HttpClient http;

	// Made by start() and shut down by stop(): the test framework stops and restarts a
	// cached context.
	private volatile @Nullable ThreadPoolExecutor deliveries;

	private @Nullable ScheduledExecutorService poller;

	BackchannelLogoutDelivery(BackchannelLogoutProperties properties, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.properties = properties;
		this.pending = new PendingLogoutRepository(jdbc, transactions, clock);
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Stores the delivery, then makes the first attempt in the background; returns
	 * without waiting for it.
	 */
	void send(String clientId, URI endpoint, String logoutToken) {
		PendingLogout logout;
		try {
			logout = this.pending.add(clientId, endpoint, logoutToken, lease(1));
		}
		catch (DataAccessException ex) {
			log.warn("Back-channel logout to {} could not be stored for retries; sending it once", clientId);
			run(() -> deliver(endpoint, logoutToken));
			return;
		}
		// Stopped (shutting down): the row waits for another node's poller.
		run(() -> attempt(logout));
	}

	private void run(Runnable task) {
		ThreadPoolExecutor executor = this.deliveries;
		if (executor != null && !executor.isShutdown()) {
			try {
				executor.execute(task);
			}
			catch (RejectedExecutionException ex) {
				log.debug("Back-channel logout delivery stopping; left to the poller");
			}
		}
	}

	/**
	 * Takes due deliveries, as many as there are idle delivery threads, and attempts
	 * them.
	 */
	void poll() {
		ThreadPoolExecutor executor = this.deliveries;
		if (executor == null) {
			return;
		}
		int idle = THREADS - executor.getActiveCount() - executor.getQueue().size();
		if (idle <= 0) {
			return;
		}
		try {
			for (PendingLogout logout : this.pending.claimDue(idle, this::lease)) {
				executor.execute(() -> attempt(logout));
			}
		}
		catch (RuntimeException ex) {
			// keep polling: the scheduler would cancel every later run if this one threw
			log.warn("Could not look for pending back-channel logouts: {}", ex.toString());
		}
	}

	private void attempt(PendingLogout logout) {
		boolean delivered = deliver(logout.endpoint(), logout.logoutToken());
		try {
			if (delivered) {
				this.pending.remove(logout);
				log.debug("Back-channel logout delivered to {} on attempt {}", logout.clientId(), logout.attempt());
			}
			else if (logout.attempt() >= this.properties.attempts()) {
				this.pending.remove(logout);
				log.warn("Back-channel logout to {} failed after {} attempts; given up", logout.clientId(),
						logout.attempt());
			}
			else {
				this.pending.retryAt(logout, this.clock.instant().plus(retryDelay(logout.attempt())));
			}
		}
		catch (DataAccessException ex) {
			log.warn("Could not record back-channel logout attempt {} to {}: {}", logout.attempt(), logout.clientId(),
					ex.getMessage());
		}
	}

	/**
	 * The wait after failed attempt {@code attempt}: the first retry delay, doubled for
	 * each later one.
	 */
	private Duration retryDelay(int attempt) {
		return this.properties.firstRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
	}

	/**
	 * How long attempt {@code attempt} keeps its row from other nodes: long enough to
	 * finish (connect and answer) and then wait as a failed attempt would.
	 */
	private Duration lease(int attempt) {
		return this.properties.timeout().multipliedBy(2).plus(retryDelay(attempt));
	}

	private boolean deliver(URI endpoint, String logoutToken) {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cache-Control", "no-store")
			.POST(HttpRequest.BodyPublishers
				.ofString("logout_token=" + URLEncoder.encode(logoutToken, StandardCharsets.US_ASCII)))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return status == 200 || status == 204;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public synchronized void start() {
		if (this.poller != null) {
			return;
		}
		this.deliveries = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), daemon("backchannel-logout"));
		this.poller = Executors.newSingleThreadScheduledExecutor(daemon("backchannel-logout-poller"));
		long interval = this.properties.pollInterval().toMillis();
		this.poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Stops polling and abandons attempts in flight; their rows stay for the other nodes
	 * (or for a restart).
	 */
	@Override
	public synchronized void stop() {
		ThreadPoolExecutor executor = this.deliveries;
		if (this.poller == null || executor == null) {
			return;
		}
		this.poller.shutdownNow();
		executor.shutdownNow();
		this.poller = null;
		this.deliveries = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	private static ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

}
