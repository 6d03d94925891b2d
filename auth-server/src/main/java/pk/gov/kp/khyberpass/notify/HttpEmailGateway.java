package pk.gov.kp.khyberpass.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The production {@link EmailGateway}: {@code POST} of {@code {"to": "…", "subject": "…",
 * "text": "…"}} as JSON to the mail relay with a bearer API key ({@link JsonRelay}). Any
 * answer other than 2xx, a time-out or a network failure raises
 * {@link EmailDeliveryException}. Thread-safe.
 */
final class HttpEmailGateway implements EmailGateway {

	private final JsonRelay relay;

	HttpEmailGateway(HttpClient http, URI endpoint, String apiKey, Duration timeout) {
		this.relay = new JsonRelay("mail relay", http, endpoint, apiKey, timeout);
	}

	@Override
	public void send(EmailMessage message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", message.to());
		body.put("subject", message.subject());
		body.put("text", message.text());
		this.relay.post(body, EmailDeliveryException::new);
	}

}
