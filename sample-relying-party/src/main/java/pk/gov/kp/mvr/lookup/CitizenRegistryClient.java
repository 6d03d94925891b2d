package pk.gov.kp.mvr.lookup;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import pk.gov.kp.khyberpass.sdk.ServiceToken;
import pk.gov.kp.khyberpass.sdk.spring.KhyberPassServiceTokens;

/**
 * Calls the vehicle registry API on a signed-in citizen's behalf: Khyber Pass exchanges the citizen's
 * access token for one made for the registry (RFC 8693 token exchange), which names this service as the
 * actor and the citizen as the registry knows them. Thread-safe.
 */
@Component
public final class CitizenRegistryClient {

	private static final ParameterizedTypeReference<List<RegistryVehicle>> VEHICLES = new ParameterizedTypeReference<>() {
	};

	private final KhyberPassServiceTokens tokens;

	private final String audience;

	private final RestClient registry;

	CitizenRegistryClient(KhyberPassServiceTokens tokens, RegistryProperties properties) {
		this.tokens = tokens;
		this.audience = properties.baseUrl().toString();
		this.registry = RestClient.builder().baseUrl(this.audience).build();
	}

	/**
	 * Lists the citizen's vehicles in the registry.
	 * @param citizenAccessToken the access token of the citizen's sign-in to this service
	 * @return the vehicles, empty if the registry has none
	 * @throws pk.gov.kp.khyberpass.sdk.OAuthErrorException when Khyber Pass refuses the exchange (for
	 * example {@code invalid_grant} once the sign-in's access token has expired)
	 * @throws org.springframework.web.client.RestClientException when the registry refuses or fails
	 */
	public List<RegistryVehicle> vehiclesOf(String citizenAccessToken) {
		ServiceToken token = this.tokens.onBehalfOf(citizenAccessToken, this.audience);
		List<RegistryVehicle> vehicles = this.registry.get()
			.uri("/citizens/me/vehicles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
			.retrieve()
			.body(VEHICLES);
		return (vehicles != null) ? vehicles : List.of();
	}

}
