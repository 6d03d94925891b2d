package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpSmsGatewayTests {

	private static final SmsMessage MESSAGE = new SmsMessage("+923001234567", "Khyber Pass code: 123456");

	private final AtomicReference<String> body = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void sendWhenGatewayAcceptsThenJsonWithBearerKeyPosted() throws IOException {
		gatewayAnswering(202).send(MESSAGE);

		assertThat(this.body.get()).isEqualTo("{\"to\":\"+923001234567\",\"text\":\"Khyber Pass code: 123456\"}");
		assertThat(this.authorization.get()).isEqualTo("Bearer test-api-key");
	}

	@Test
	void sendWhenGatewayRefusesThenDeliveryExceptionWithoutNumberOrText() throws IOException {
		SmsGateway gateway = gatewayAnswering(500);

		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.send(MESSAGE))
			.withMessageContaining("HTTP 500")
			.withMessageNotContaining("1234567")
			.withMessageNotContaining("123456");
	}

	@Test
	void sendWhenNothingListensThenDeliveryException() {
		SmsGateway gateway = new HttpSmsGateway(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1/sms"),
				"test-api-key", Duration.ofMillis(500));

		assertThatExceptionOfType(SmsDeliveryException.class).isThrownBy(() -> gateway.send(MESSAGE));
	}

	@Test
	void outboxWhenFullThenOldestDroppedAndNewestFirst() {
		DevelopmentSmsOutbox outbox = new DevelopmentSmsOutbox(java.time.Clock.systemUTC());
		for (int i = 0; i <= DevelopmentSmsOutbox.CAPACITY; i++) {
			outbox.send(new SmsMessage("+923001234567", "message " + i));
		}

		assertThat(outbox.messages()).hasSize(DevelopmentSmsOutbox.CAPACITY);
		assertThat(outbox.latestTo("+923001234567")).hasValueSatisfying(
				(message) -> assertThat(message.text()).isEqualTo("message " + DevelopmentSmsOutbox.CAPACITY));
		assertThat(outbox.latestTo("+923111111111")).isEmpty();
		assertThat(MESSAGE.toString()).doesNotContain("123456").doesNotContain("1234567");
	}

	private SmsGateway gatewayAnswering(int status) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/sms", (exchange) -> {
			this.body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.sendResponseHeaders(status, -1);
			try (OutputStream out = exchange.getResponseBody()) {
				out.flush();
			}
		});
		this.server.start();
		return new HttpSmsGateway(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/sms"), "test-api-key",
				// generous: a busy CI machine must not turn an answer into a timeout
				Duration.ofSeconds(10));
	}

}
