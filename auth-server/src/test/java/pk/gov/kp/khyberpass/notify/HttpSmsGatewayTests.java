package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpSmsGatewayTests {

	private static final SmsMessage MESSAGE = new SmsMessage("+923001234567", "Khyber Pass code: 123456");

	private StubRelay relay;

	@AfterEach
	void stop() {
		if (this.relay != null) {
			this.relay.close();
		}
	}

	@Test
	void sendWhenGatewayAcceptsThenJsonWithBearerKeyPosted() throws IOException {
		gatewayAnswering(202).send(MESSAGE);

		assertThat(this.relay.body()).isEqualTo("{\"to\":\"+923001234567\",\"text\":\"Khyber Pass code: 123456\"}");
		assertThat(this.relay.authorization()).isEqualTo("Bearer test-api-key");
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
		this.relay = StubRelay.answering("/sms", status);
		// generous: a busy CI machine must not turn an answer into a timeout
		return new HttpSmsGateway(HttpClient.newHttpClient(), this.relay.uri(), "test-api-key", Duration.ofSeconds(10));
	}

}
