package pk.gov.kp.khyberpass.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A department's back-channel logout endpoint on a port kept for it: down (nothing
 * listens) until {@link #up()}, then answering every request with the chosen status and
 * keeping the logout tokens it accepted.
 */
final class DepartmentStub implements AutoCloseable {

	private final int port;

	private final BlockingQueue<String> accepted = new LinkedBlockingQueue<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int status = 200;

	private HttpServer server;

	private DepartmentStub(int port) {
		this.port = port;
	}

	/** A department that is down until {@link #up()}. */
	static DepartmentStub down() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return new DepartmentStub(socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port + "/backchannel");
	}

	DepartmentStub answering(int status) {
		this.status = status;
		return this;
	}

	DepartmentStub up() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/backchannel", (exchange) -> {
			this.requests.incrementAndGet();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
			int answer = this.status;
			if (answer == 200) {
				this.accepted
					.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII));
			}
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		this.server.start();
		return this;
	}

	/** The logout tokens accepted so far, in order. */
	BlockingQueue<String> accepted() {
		return this.accepted;
	}

	/** Every request received, accepted or not. */
	int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

}
