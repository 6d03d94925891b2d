package pk.gov.kp.khyberpass.account.registration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * The production {@link CivilRegistry}: {@code POST} of {@code {"cnic", "fullName",
 * "birthDate"}} as JSON to the registry's verification endpoint, which answers 200 with
 * {@code {"match": true|false}}. Anything else (another status, a malformed body, a
 * time-out, a network failure) raises {@link RegistryUnavailableException}: the registry
 * fails closed.
 */
final class HttpCivilRegistry implements CivilRegistry {

	private final HttpClient http;

	private final URI endpoint;

	private final Duration timeout;

	private final JsonMapper json = JsonMapper.builder().build();

	HttpCivilRegistry(HttpClient http, URI endpoint, Duration timeout) {
		this.http = http;
		this.endpoint = endpoint;
		this.timeout = timeout;
	}

	@Override
	public boolean confirms(Cnic cnic, String fullName, LocalDate birthDate) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("cnic", cnic.digits());
		body.put("fullName", fullName.strip());
		body.put("birthDate", birthDate.toString());
		HttpRequest request = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new RegistryUnavailableException("The civil registry at " + this.endpoint + " could not be reached",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RegistryUnavailableException("Interrupted while asking the civil registry", ex);
		}
		if (response.statusCode() != 200) {
			throw new RegistryUnavailableException(
					"The civil registry at " + this.endpoint + " answered HTTP " + response.statusCode());
		}
		try {
			JsonNode match = this.json.readTree(response.body()).get("match");
			if (match == null || !match.isBoolean()) {
				throw new RegistryUnavailableException("The civil registry's answer has no boolean \"match\"");
			}
			return match.booleanValue();
		}
		catch (JacksonException ex) {
			throw new RegistryUnavailableException("The civil registry's answer is not JSON", ex);
		}
	}

}
