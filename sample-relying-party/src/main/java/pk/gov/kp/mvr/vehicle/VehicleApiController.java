package pk.gov.kp.mvr.vehicle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.sdk.VerifiedAccessToken;

/**
 * The registry API other departments call with a Khyber Pass access token: the starter
 * admits only access tokens for this API's audience ({@code khyberpass.api-audience}).
 * Vehicle facts need a service token with the {@code vehicles.read} scope and never name
 * the owner; a citizen's own vehicles need a token exchanged on that citizen's behalf.
 */
@RestController
final class VehicleApiController {

	static final String SCOPE = "vehicles.read";

	private final VehicleRepository vehicles;

	private final Clock clock;

	VehicleApiController(VehicleRepository vehicles, Clock clock) {
		this.vehicles = vehicles;
		this.clock = clock;
	}

	@GetMapping("/api/vehicles/{registrationNumber}")
	ResponseEntity<RegistryRecord> vehicle(@AuthenticationPrincipal VerifiedAccessToken token,
			@PathVariable String registrationNumber) {
		if (!token.hasScope(SCOPE)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"" + SCOPE + "\"")
				.build();
		}
		LocalDate today = LocalDate.now(this.clock);
		return this.vehicles.findByRegistrationNumber(registrationNumber)
			.map((vehicle) -> ResponseEntity.ok(RegistryRecord.of(vehicle, today)))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * The citizen's own vehicles, for a department acting on the citizen's behalf: only a
	 * token exchanged at Khyber Pass (RFC 8693) names the acting department in
	 * {@code act}; its {@code sub} is the citizen as this registry knows them.
	 */
	@GetMapping("/api/citizens/me/vehicles")
	ResponseEntity<List<RegistryRecord>> citizensVehicles(@AuthenticationPrincipal VerifiedAccessToken token) {
		if (!(token.claims().get("act") instanceof Map<?, ?> actor) || !(actor.get("sub") instanceof String)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		LocalDate today = LocalDate.now(this.clock);
		return ResponseEntity.ok(this.vehicles.findRegisteredTo(token.subject())
			.stream()
			.map((vehicle) -> RegistryRecord.of(vehicle, today))
			.toList());
	}

	/**
	 * The API's answer.
	 *
	 * @param registrationNumber the registration number
	 * @param make the manufacturer
	 * @param model the model
	 * @param year the model year
	 * @param tokenTaxPaidUntil the last day the token tax covers
	 * @param tokenTaxPaid whether the token tax covers today
	 */
	record RegistryRecord(String registrationNumber, String make, String model, int year, LocalDate tokenTaxPaidUntil,
			boolean tokenTaxPaid) {

		static RegistryRecord of(Vehicle vehicle, LocalDate today) {
			return new RegistryRecord(vehicle.registrationNumber(), vehicle.make(), vehicle.model(), vehicle.year(),
					vehicle.tokenTaxPaidUntil(), vehicle.tokenTaxPaidOn(today));
		}

	}

}
