package pk.gov.kp.khyberpass.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citizens signing in, closed loop: each of N clients opens the sign-in page as a new
 * browser would (a fresh session and CSRF token), posts its CNIC and password, and counts
 * a sign-in when the answer is the redirect away from the sign-in page. A warm-up is
 * discarded, then sign-ins per second and their latency (both requests together) are
 * measured.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar pk.gov.kp.khyberpass.bench.SignInLoad http://127.0.0.1:9000
 * CNIC PASSWORD CLIENTS WARMUP_SECONDS SECONDS}; prints one {@code RESULT} line.
 */
public final class SignInLoad {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private SignInLoad() {
	}

	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String username = args[1];
		String password = args[2];
		int clients = Integer.parseInt(args[3]);
		long warmup = (long) (Double.parseDouble(args[4]) * 1e9);
		long duration = (long) (Double.parseDouble(args[5]) * 1e9);
		HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		long start = System.nanoTime() + warmup;
		long end = start + duration;
		AtomicLong errors = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			long[][] own = { new long[1024] };
			int[] count = { 0 };
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					long begin = System.nanoTime();
					boolean ok = signIn(http, base, username, password);
					long finish = System.nanoTime();
					if (!ok) {
						errors.incrementAndGet();
					}
					else if (begin >= start && finish <= end) {
						if (count[0] == own[0].length) {
							own[0] = Arrays.copyOf(own[0], count[0] * 2);
						}
						own[0][count[0]++] = finish - begin;
					}
				}
				synchronized (latencies) {
					latencies.add(Arrays.copyOf(own[0], count[0]));
				}
			}, "signin-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.println(String.format(Locale.ROOT,
				"RESULT scenario=signin clients=%d seconds=%.1f signins=%d errors=%d rps=%.2f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
				clients, duration / 1e9, all.length, errors.get(), all.length / (duration / 1e9), percentile(all, 0.5),
				percentile(all, 0.99), percentile(all, 1.0)));
	}

	private static boolean signIn(HttpClient http, URI base, String username, String password) {
		try {
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(page.body());
			String cookie = page.headers()
				.firstValue("Set-Cookie")
				.map((value) -> value.substring(0, value.indexOf(';')))
				.orElse("");
			if (page.statusCode() != 200 || !csrf.find()) {
				return false;
			}
			String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf.group(1));
			HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve("/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", cookie)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			String location = answer.headers().firstValue("Location").orElse("");
			return answer.statusCode() == 302 && !location.contains("/login");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

}
