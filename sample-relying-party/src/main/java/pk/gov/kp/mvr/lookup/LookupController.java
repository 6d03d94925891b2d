package pk.gov.kp.mvr.lookup;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;

import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;

/**
 * "Check a vehicle before you buy it": looks a registration number up in the registry API
 * with a service token.
 */
@Controller
final class LookupController {

	private static final Logger log = LoggerFactory.getLogger(LookupController.class);

	private static final Pattern REGISTRATION = Pattern.compile("[A-Z]{2,4}-?[0-9]{1,5}");

	private final VehicleRegistryClient registry;

	LookupController(VehicleRegistryClient registry) {
		this.registry = registry;
	}

	@GetMapping("/lookup")
	String lookup(@RequestParam(name = "registration", required = false) @Nullable String registration, Model model) {
		if (registration == null || registration.isBlank()) {
			return "lookup";
		}
		String number = registration.strip().toUpperCase(Locale.ROOT);
		model.addAttribute("registration", number);
		if (!REGISTRATION.matcher(number).matches()) {
			model.addAttribute("outcome", "invalid");
			return "lookup";
		}
		try {
			this.registry.find(number).ifPresentOrElse((vehicle) -> {
				model.addAttribute("outcome", "found");
				model.addAttribute("vehicle", vehicle);
			}, () -> model.addAttribute("outcome", "not-found"));
		}
		catch (RestClientException | RegistryUnavailableException | KhyberPassClientException ex) {
			log.warn("Vehicle registry lookup failed: {}", ex.getMessage());
			model.addAttribute("outcome", "unavailable");
		}
		return "lookup";
	}

}
