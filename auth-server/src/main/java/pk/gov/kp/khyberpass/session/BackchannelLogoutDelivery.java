package pk.gov.kp.khyberpass.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends logout tokens to departments in the background, retrying with exponential back-off, so that a slow
 * or failing department never holds up the citizen's logout. Pending retries live in this node's memory:
 * a node that stops drops them (the token would expire within minutes anyway).
 */
@Component
final class BackchannelLogoutDelivery {

	private static final Logger log = LoggerFactory.getLogger(BackchannelLogoutDelivery.class);

	private final BackchannelLogoutProperties properties;

	private final HttpClient http;

	private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "backchannel-logout");
		thread.setDaemon(true);
		return thread;
	});

	BackchannelLogoutDelivery(BackchannelLogoutProperties properties) {
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	void send(String clientId, URI endpoint, String logoutToken) {
		this.executor.execute(() -> attempt(clientId, endpoint, logoutToken, 1));
	}

	private void attempt(String clientId, URI endpoint, String logoutToken, int attempt) {
		if (deliver(endpoint, logoutToken)) {
			log.debug("Back-channel logout delivered to {} on attempt {}", clientId, attempt);
			return;
		}
		if (attempt >= this.properties.attempts()) {
			log.warn("Back-channel logout to {} failed after {} attempts", clientId, attempt);
			return;
		}
		Duration delay = this.properties.firstRetryDelay().multipliedBy(1L << (attempt - 1));
		this.executor.schedule(() -> attempt(clientId, endpoint, logoutToken, attempt + 1), delay.toMillis(),
				TimeUnit.MILLISECONDS);
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

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
