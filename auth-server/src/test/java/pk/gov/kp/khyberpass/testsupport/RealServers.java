package pk.gov.kp.khyberpass.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where the integration tests find PostgreSQL and Redis:
 * {@code KHYBERPASS_IT_POSTGRES_URL} (a JDBC URL, default the local {@code test}
 * database) and {@code KHYBERPASS_IT_REDIS_URL} (default the local server).
 * {@code KHYBERPASS_IT_REQUIRED=true} (set by {@code .ci/run}) turns a missing server
 * from a skip into a failure.
 */
public final class RealServers {

	public static final String POSTGRES_URL = env("KHYBERPASS_IT_POSTGRES_URL",
			"jdbc:postgresql://127.0.0.1:5432/test");

	public static final String POSTGRES_USER = env("KHYBERPASS_IT_POSTGRES_USER", "postgres");

	public static final String REDIS_URL = env("KHYBERPASS_IT_REDIS_URL", "redis://127.0.0.1:6379");

	private RealServers() {
	}

	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("KHYBERPASS_IT_REQUIRED"));
	}

	/** A line saying what is missing, or {@code null} when both servers answer. */
	public static String missing() {
		URI postgres = URI.create(POSTGRES_URL.substring("jdbc:".length()));
		URI redis = URI.create(REDIS_URL);
		if (!reachable(postgres.getHost(), (postgres.getPort() > 0) ? postgres.getPort() : 5432)) {
			return "PostgreSQL is not reachable at " + postgres.getHost() + ":" + postgres.getPort();
		}
		if (!reachable(redis.getHost(), (redis.getPort() > 0) ? redis.getPort() : 6379)) {
			return "Redis is not reachable at " + redis.getHost() + ":" + redis.getPort();
		}
		return null;
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
