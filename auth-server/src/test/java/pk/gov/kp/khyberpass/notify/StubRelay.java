package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * A relay on a free loopback port, standing in for the SMS gateway or the mail relay: it
 * answers every POST to its path with one status and keeps the last body and
 * {@code Authorization} header it received.
 */
final class StubRelay implements AutoCloseable {

	private final HttpServer server;

	private final String path;

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private StubRelay(String path, int status) throws IOException {
		this.path = path;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(path, (exchange) -> {
			this.body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.sendResponseHeaders(status, -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.flush();
			}
		});
		this.server.start();
	}

	static StubRelay answering(String path, int status) throws IOException {
		return new StubRelay(path, status);
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + this.path);
	}

	String body() {
		return this.body.get();
	}

	String authorization() {
		return this.authorization.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
