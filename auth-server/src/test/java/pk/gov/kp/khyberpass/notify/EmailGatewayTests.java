package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailGatewayTests {

	private static final EmailMessage MESSAGE = new EmailMessage("junaid@example.pk", "Your Khyber Pass code",
			"Your code is 123456.");

	private StubRelay relay;

	@AfterEach
	void stop() {
		if (this.relay != null) {
			this.relay.close();
		}
	}

	@Test
	void sendWhenRelayAcceptsThenJsonWithBearerKeyPosted() throws IOException {
		relayAnswering(202).send(MESSAGE);

		assertThat(this.relay.body()).isEqualTo(
				"{\"to\":\"junaid@example.pk\",\"subject\":\"Your Khyber Pass code\",\"text\":\"Your code is 123456.\"}");
		assertThat(this.relay.authorization()).isEqualTo("Bearer mail-api-key");
	}

	@Test
	void sendWhenRelayRefusesThenDeliveryExceptionWithoutAddressOrText() throws IOException {
		EmailGateway gateway = relayAnswering(503);

		assertThatExceptionOfType(EmailDeliveryException.class).isThrownBy(() -> gateway.send(MESSAGE))
			.withMessageContaining("mail relay")
			.withMessageContaining("HTTP 503")
			.withMessageNotContaining("junaid")
			.withMessageNotContaining("123456");
	}

	@Test
	void sendWhenNothingListensThenDeliveryException() {
		EmailGateway gateway = new HttpEmailGateway(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1/mail"),
				"mail-api-key", Duration.ofMillis(500));

		assertThatExceptionOfType(EmailDeliveryException.class).isThrownBy(() -> gateway.send(MESSAGE));
	}

	@Test
	void outboxWhenFullThenOldestDroppedAndNewestFirst() {
		DevelopmentEmailOutbox outbox = new DevelopmentEmailOutbox(
				Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneOffset.UTC));
		for (int i = 0; i <= DevelopmentEmailOutbox.CAPACITY; i++) {
			outbox.send(new EmailMessage("junaid@example.pk", "Subject", "message " + i));
		}

		assertThat(outbox.messages()).hasSize(DevelopmentEmailOutbox.CAPACITY);
		assertThat(outbox.messages().get(0).sentAt()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
		assertThat(outbox.latestTo("junaid@example.pk")).hasValueSatisfying(
				(message) -> assertThat(message.text()).isEqualTo("message " + DevelopmentEmailOutbox.CAPACITY));
		assertThat(outbox.messages()).extracting((delivered) -> delivered.message().text()).doesNotContain("message 0");
		assertThat(outbox.latestTo("sana@example.pk")).isEmpty();
	}

	@Test
	void messageWhenPrintedThenAddressMaskedAndTextHidden() {
		assertThat(MESSAGE.toString()).isEqualTo("EmailMessage[to=j***@example.pk]").doesNotContain("123456");
		assertThat(MESSAGE.maskedRecipient()).isEqualTo("j***@example.pk");
	}

	@Test
	void messageWhenHeaderInjectionOrEmptyThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmailMessage("a@example.pk\r\nBcc: b@example.pk", "Subject", "Text"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmailMessage("a@example.pk", "Subject\r\nBcc: b@example.pk", "Text"));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailMessage("nobody", "Subject", "Text"));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailMessage("a@example.pk", " ", "Text"));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailMessage("a@example.pk", "Subject", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new EmailMessage("a@example.pk", "Subject", "x".repeat(4001)));
	}

	private EmailGateway relayAnswering(int status) throws IOException {
		this.relay = StubRelay.answering("/mail", status);
		// generous: a busy CI machine must not turn an answer into a timeout
		return new HttpEmailGateway(HttpClient.newHttpClient(), this.relay.uri(), "mail-api-key",
				Duration.ofSeconds(10));
	}

}
