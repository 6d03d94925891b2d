package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The production {@link SmsGateway}: {@code POST} of {@code {"to": "+92…", "text": "…"}} as JSON to the
 * government SMS gateway with a bearer API key. Any answer other than 2xx, a time-out or a network failure
 * raises {@link SmsDeliveryException}. Thread-safe.
 */
final class HttpSmsGateway implements SmsGateway {

	private final HttpClient http;

	private final URI endpoint;

	private final String apiKey;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	HttpSmsGateway(HttpClient http, URI endpoint, String apiKey, Duration timeout) {
		this.http = http;
		this.endpoint = endpoint;
		this.apiKey = apiKey;
		this.timeout = timeout;
	}

	@Override
	public void send(SmsMessage message) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", message.to());
		body.put("text", message.text());
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new SmsDeliveryException("The SMS gateway at " + this.endpoint + " could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmsDeliveryException("Interrupted while sending an SMS", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new SmsDeliveryException(
					"The SMS gateway at " + this.endpoint + " answered HTTP " + response.statusCode());
		}
	}

}
