package pk.gov.kp.mvr.lookup;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import pk.gov.kp.khyberpass.sdk.ServiceToken;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;

/**
 * Calls the vehicle registry API on a signed-in citizen's behalf: Khyber Pass exchanges
 * the citizen's access token (renewed by the starter when it is about to expire) for one
 * made for the registry (RFC 8693 token exchange), which names this service as the actor
 * and the citizen as the registry knows them. Thread-safe.
 */
@Component
public final class CitizenRegistryClient {

	private static final ParameterizedTypeReference<List<RegistryVehicle>> VEHICLES = new ParameterizedTypeReference<>() {
	};

	private final KhyberPassCitizenTokens citizenTokens;

	private final String audience;

	private final RestClient registry;

	CitizenRegistryClient(KhyberPassCitizenTokens citizenTokens, RegistryProperties properties) {
		this.citizenTokens = citizenTokens;
		this.audience = properties.baseUrl().toString();
		this.registry = RestClient.builder().baseUrl(this.audience).build();
	}

	/**
	 * Lists the vehicles of the citizen signed in to the current request.
	 * @return the vehicles, empty if the registry has none
	 * @throws pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassSignInRequiredException
	 * when the sign-in ended (Khyber Pass refused to renew it); the starter then sends
	 * the browser to sign in again
	 * @throws pk.gov.kp.khyberpass.sdk.OAuthErrorException when Khyber Pass refuses the
	 * exchange (for example {@code invalid_grant} when the citizen's token was revoked)
	 * @throws org.springframework.web.client.RestClientException when the registry
	 * refuses or fails
	 */
	public List<RegistryVehicle> vehiclesOfSignedInCitizen() {
		ServiceToken token = this.citizenTokens.onBehalfOf(this.audience);
		List<RegistryVehicle> vehicles = this.registry.get()
			.uri("/citizens/me/vehicles")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
			.retrieve()
			.body(VEHICLES);
		return (vehicles != null) ? vehicles : List.of();
	}

}
