package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real Redis of the integration tests ({@code KHYBERPASS_IT_REDIS_URL}, default
 * {@code redis://127.0.0.1:6379}). Each {@link #template()} is a connection of its own,
 * as a node of a department has; {@link #close()} closes them all.
 */
final class RealRedis implements AutoCloseable {

	private static final URI LOCATION = URI.create(env("KHYBERPASS_IT_REDIS_URL", "redis://127.0.0.1:6379"));

	final String host = LOCATION.getHost();

	final int port = (LOCATION.getPort() > 0) ? LOCATION.getPort() : 6379;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private RealRedis() {
	}

	/**
	 * The real Redis; when it cannot be reached, skips the calling test class with one
	 * line, or fails it when {@code KHYBERPASS_IT_REQUIRED=true}.
	 */
	static RealRedis reachableOrSkip() {
		RealRedis redis = new RealRedis();
		if (!redis.reachable()) {
			String missing = "Redis is not reachable at " + redis.host + ":" + redis.port;
			if ("true".equalsIgnoreCase(System.getenv("KHYBERPASS_IT_REQUIRED"))) {
				throw new IllegalStateException("Integration tests required but cannot run: " + missing);
			}
			System.out.println("Skipping integration tests: " + missing);
			Assumptions.abort(missing);
		}
		return redis;
	}

	StringRedisTemplate template() {
		LettuceConnectionFactory connection = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(this.host, this.port));
		connection.afterPropertiesSet();
		connection.start();
		this.connections.add(connection);
		return new StringRedisTemplate(connection);
	}

	@Override
	public void close() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	private boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), 1000);
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
