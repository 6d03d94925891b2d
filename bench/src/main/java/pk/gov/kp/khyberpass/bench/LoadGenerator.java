package pk.gov.kp.khyberpass.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A closed-loop HTTP load generator for the Khyber Pass endpoints: N worker threads, each
 * on its own keep-alive connection, send the next request as soon as the previous answer
 * arrives; a warm-up whose requests are discarded, then a fixed measurement window whose
 * requests are counted and timed.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar pk.gov.kp.khyberpass.bench.LoadGenerator --url http://127.0.0.1:9000
 * --scenario token --clients 32 --warmup 10 --duration 20 --client-id bench-service --client-secret ...}
 * <p>
 * Scenarios: {@code token} (client-credentials grant), {@code introspect} (of one
 * client-credentials access token), {@code jwks} and {@code discovery}. Prints one
 * {@code RESULT} line of {@code key=value} pairs on standard output; an answer other than
 * the expected 200 with the expected body, or an I/O failure, is an error (the first few
 * are described on standard error). Exits 0 even when there are errors: the caller reads
 * the count.
 */
public final class LoadGenerator {

	private static final int ERRORS_SHOWN = 5;

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		URI url = URI.create(required(options, "url"));
		String scenario = required(options, "scenario");
		int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
		double warmup = Double.parseDouble(options.getOrDefault("warmup", "10"));
		double duration = Double.parseDouble(options.getOrDefault("duration", "20"));
		String authorization = "Basic " + Base64.getEncoder()
			.encodeToString((form(options.getOrDefault("client-id", "")) + ":"
					+ form(options.getOrDefault("client-secret", "")))
				.getBytes(StandardCharsets.UTF_8));
		String scope = options.getOrDefault("scope", "bench.read");
		InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
		String host = url.getHost() + ":" + url.getPort();

		byte[] tokenRequest = post("/oauth2/token", host, authorization,
				"grant_type=client_credentials&scope=" + form(scope));
		byte[] request;
		Predicate<HttpConnection.Response> ok;
		switch (scenario) {
			case "token" -> {
				request = tokenRequest;
				ok = (response) -> response.status() == 200 && response.body().contains("\"access_token\"");
			}
			case "introspect" -> {
				String token = accessToken(address, tokenRequest);
				request = post("/oauth2/introspect", host, authorization, "token=" + form(token));
				ok = (response) -> response.status() == 200
						&& response.body().replace(" ", "").contains("\"active\":true");
			}
			case "jwks" -> {
				request = get("/oauth2/jwks", host);
				ok = (response) -> response.status() == 200 && response.body().contains("\"keys\"");
			}
			case "discovery" -> {
				request = get("/.well-known/openid-configuration", host);
				ok = (response) -> response.status() == 200 && response.body().contains("\"issuer\"");
			}
			default -> throw new IllegalArgumentException(
					"Unknown scenario " + scenario + "; use token, introspect, jwks or discovery");
		}
		Result result = run(address, request, ok, clients, (long) (warmup * 1e9), (long) (duration * 1e9));
		System.out.println(result.line(scenario, clients));
	}

	private static Result run(InetSocketAddress address, byte[] request, Predicate<HttpConnection.Response> ok,
			int clients, long warmupNanos, long durationNanos) throws InterruptedException {
		AtomicLong errors = new AtomicLong();
		AtomicLong measuredErrors = new AtomicLong();
		ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
		long[][] latencies = new long[clients][];
		int[] counts = new int[clients];
		CountDownLatch ready = new CountDownLatch(clients);
		CountDownLatch go = new CountDownLatch(1);
		long[] window = new long[2];
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			int worker = i;
			Thread thread = new Thread(() -> {
				long[] own = new long[4096];
				int count = 0;
				try (HttpConnection connection = new HttpConnection(address)) {
					ready.countDown();
					go.await();
					long measureStart = window[0];
					long measureEnd = window[1];
					while (true) {
						long start = System.nanoTime();
						if (start >= measureEnd) {
							break;
						}
						String error = null;
						try {
							HttpConnection.Response response = connection.exchange(request);
							if (!ok.test(response)) {
								error = "HTTP " + response.status() + ": "
										+ response.body().substring(0, Math.min(200, response.body().length()));
							}
						}
						catch (IOException | RuntimeException ex) {
							error = ex.toString();
							connection.close();
						}
						long end = System.nanoTime();
						boolean measured = start >= measureStart && end <= measureEnd;
						if (error != null) {
							errors.incrementAndGet();
							if (measured) {
								measuredErrors.incrementAndGet();
							}
							if (errorSamples.size() < ERRORS_SHOWN) {
								errorSamples.add(error);
							}
						}
						else if (measured) {
							if (count == own.length) {
								own = Arrays.copyOf(own, count * 2);
							}
							own[count++] = end - start;
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				latencies[worker] = own;
				counts[worker] = count;
			}, "load-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		ready.await();
		long now = System.nanoTime();
		window[0] = now + warmupNanos;
		window[1] = now + warmupNanos + durationNanos;
		go.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		int total = 0;
		for (int count : counts) {
			total += count;
		}
		long[] all = new long[total];
		int at = 0;
		for (int i = 0; i < clients; i++) {
			System.arraycopy(latencies[i], 0, all, at, counts[i]);
			at += counts[i];
		}
		Arrays.sort(all);
		errorSamples.forEach((sample) -> System.err.println("error: " + sample));
		return new Result(total, errors.get(), measuredErrors.get(), durationNanos / 1e9, all);
	}

	private static String accessToken(InetSocketAddress address, byte[] tokenRequest) throws IOException {
		try (HttpConnection connection = new HttpConnection(address)) {
			HttpConnection.Response response = connection.exchange(tokenRequest);
			String body = response.body();
			int key = body.indexOf("\"access_token\"");
			if (response.status() != 200 || key < 0) {
				throw new IllegalStateException("No access token: HTTP " + response.status() + " " + body);
			}
			int start = body.indexOf('"', body.indexOf(':', key) + 1) + 1;
			return body.substring(start, body.indexOf('"', start));
		}
	}

	private static byte[] post(String path, String host, String authorization, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
				+ "\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ content.length + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(headBytes, headBytes.length + content.length);
		System.arraycopy(content, 0, request, headBytes.length, content.length);
		return request;
	}

	private static byte[] get(String path, String host) {
		return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected --name value pairs, got " + Arrays.toString(args));
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

	/**
	 * What one scenario measured.
	 *
	 * @param requests successful requests that started and ended inside the measurement
	 * window
	 * @param errors failed requests over warm-up and measurement
	 * @param measuredErrors failed requests inside the measurement window
	 * @param seconds the length of the measurement window
	 * @param sortedNanos the latencies of the measured requests, sorted
	 */
	private record Result(long requests, long errors, long measuredErrors, double seconds, long[] sortedNanos) {

		String line(String scenario, int clients) {
			return String.format(Locale.ROOT,
					"RESULT scenario=%s clients=%d seconds=%.1f requests=%d errors=%d measured_errors=%d rps=%.1f "
							+ "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f",
					scenario, clients, this.seconds, this.requests, this.errors, this.measuredErrors,
					this.requests / this.seconds, percentile(0.50), percentile(0.90), percentile(0.99),
					percentile(1.0));
		}

		private double percentile(double quantile) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(quantile * this.sortedNanos.length) - 1;
			return this.sortedNanos[Math.max(0, Math.min(index, this.sortedNanos.length - 1))] / 1e6;
		}

	}

}
