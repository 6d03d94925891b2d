package pk.gov.kp.khyberpass.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP adapters of the notification ports share: {@code POST} of a flat JSON
 * object to a relay (the SMS gateway, the mail relay) with a bearer API key. Any answer
 * other than 2xx, a time-out or a network failure becomes the port's own delivery
 * exception, whose message names the endpoint and never the body. Thread-safe.
 */
final class JsonRelay {

	private final HttpClient http;

	private final URI endpoint;

	private final String apiKey;

	private final Duration timeout;

	private final String name;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param name what the relay is called in error messages, for example
	 * {@code "SMS gateway"}
	 */
	JsonRelay(String name, HttpClient http, URI endpoint, String apiKey, Duration timeout) {
		this.name = name;
		this.http = http;
		this.endpoint = endpoint;
		this.apiKey = apiKey;
		this.timeout = timeout;
	}

	/**
	 * Posts {@code body}; {@code failure} builds the exception thrown when the relay did
	 * not accept it.
	 */
	void post(Map<String, String> body, BiFunction<String, @Nullable Throwable, RuntimeException> failure) {
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
			throw failure.apply("The " + this.name + " at " + this.endpoint + " could not be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure.apply("Interrupted while posting to the " + this.name, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw failure.apply("The " + this.name + " at " + this.endpoint + " answered HTTP " + response.statusCode(),
					null);
		}
	}

}
