package pk.gov.kp.khyberpass.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The production {@link SmsGateway}: {@code POST} of {@code {"to": "+92…", "text": "…"}}
 * as JSON to the government SMS gateway with a bearer API key ({@link JsonRelay}). Any
 * answer other than 2xx, a time-out or a network failure raises
 * {@link SmsDeliveryException}. Thread-safe.
 */
final class HttpSmsGateway implements SmsGateway {

	private final JsonRelay relay;

	HttpSmsGateway(HttpClient http, URI endpoint, String apiKey, Duration timeout) {
		this.relay = new JsonRelay("SMS gateway", http, endpoint, apiKey, timeout);
	}

	@Override
	public void send(SmsMessage message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", message.to());
		body.put("text", message.text());
		this.relay.post(body, SmsDeliveryException::new);
	}

}
