package pk.gov.kp.khyberpass.account.registration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.cnic.Cnic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpCivilRegistryTests {

	private static final Cnic CNIC = Cnic.parse("17301-1234567-2");

	private static final LocalDate BORN = LocalDate.of(1990, 4, 12);

	private final AtomicReference<String> received = new AtomicReference<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void confirmsWhenRegistryAnswersMatchThenTrueAndRequestCarriesTheDetails() throws IOException {
		HttpCivilRegistry registry = registryAnswering(200, "{\"match\":true}", 0);

		assertThat(registry.confirms(CNIC, " Ayesha Khan ", BORN)).isTrue();
		assertThat(this.received.get()).contains("\"cnic\":\"1730112345672\"", "\"fullName\":\"Ayesha Khan\"",
				"\"birthDate\":\"1990-04-12\"");
	}

	@Test
	void confirmsWhenRegistryAnswersNoMatchThenFalse() throws IOException {
		assertThat(registryAnswering(200, "{\"match\":false}", 0).confirms(CNIC, "Ayesha Khan", BORN)).isFalse();
	}

	@Test
	void confirmsWhenRegistryAnswersServerErrorThenUnavailable() throws IOException {
		HttpCivilRegistry registry = registryAnswering(503, "{}", 0);

		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> registry.confirms(CNIC, "Ayesha Khan", BORN));
	}

	@Test
	void confirmsWhenAnswerHasNoMatchFieldThenUnavailable() throws IOException {
		HttpCivilRegistry registry = registryAnswering(200, "{\"ok\":true}", 0);

		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> registry.confirms(CNIC, "Ayesha Khan", BORN));
	}

	@Test
	void confirmsWhenRegistryTooSlowThenUnavailable() throws IOException {
		HttpCivilRegistry registry = registryAnswering(200, "{\"match\":true}", 1500);

		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> registry.confirms(CNIC, "Ayesha Khan", BORN));
	}

	@Test
	void confirmsWhenNothingListensThenUnavailable() {
		HttpCivilRegistry registry = new HttpCivilRegistry(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:1/verify"), Duration.ofMillis(500));

		assertThatExceptionOfType(RegistryUnavailableException.class)
			.isThrownBy(() -> registry.confirms(CNIC, "Ayesha Khan", BORN));
	}

	private HttpCivilRegistry registryAnswering(int status, String body, long delayMillis) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/verify", (exchange) -> {
			this.received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
		URI endpoint = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/verify");
		return new HttpCivilRegistry(HttpClient.newHttpClient(), endpoint, Duration.ofMillis(500));
	}

}
