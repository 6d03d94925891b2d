package pk.gov.kp.mvr.lookup;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import pk.gov.kp.khyberpass.sdk.spring.KhyberPassServiceTokenInterceptor;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassServiceTokens;

/**
 * Calls the vehicle registry API of another department service with a Khyber Pass service
 * token (client credentials, cached by the starter until shortly before it expires).
 * Thread-safe.
 */
@Component
public final class VehicleRegistryClient {

	private final RestClient registry;

	VehicleRegistryClient(KhyberPassServiceTokens serviceTokens, RegistryProperties properties) {
		this.registry = RestClient.builder()
			.baseUrl(properties.baseUrl().toString())
			.requestInterceptor(new KhyberPassServiceTokenInterceptor(serviceTokens, properties.scope()))
			.build();
	}

	/**
	 * Looks a vehicle up.
	 * @param registrationNumber the registration number
	 * @return the vehicle, or empty when the registry has none
	 * @throws org.springframework.web.client.RestClientException when the registry
	 * refuses or fails
	 * @throws pk.gov.kp.khyberpass.sdk.KhyberPassClientException when Khyber Pass issues
	 * no token
	 */
	public Optional<RegistryVehicle> find(String registrationNumber) {
		return this.registry.get()
			.uri("/vehicles/{registrationNumber}", registrationNumber)
			.exchange((request, response) -> {
				if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
					return Optional.empty();
				}
				if (response.getStatusCode().isError()) {
					throw new RegistryUnavailableException(
							"The registry answered HTTP " + response.getStatusCode().value());
				}
				return Optional.ofNullable(response.bodyTo(RegistryVehicle.class));
			});
	}

}
