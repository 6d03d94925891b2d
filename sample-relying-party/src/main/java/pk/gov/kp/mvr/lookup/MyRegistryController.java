package pk.gov.kp.mvr.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClientException;

import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;

/**
 * "Your vehicles in the provincial register": asks the registry API on the citizen's
 * behalf, with a token exchanged at Khyber Pass. When the citizen's sign-in has ended at
 * Khyber Pass, the starter's {@code KhyberPassSignInRequiredException} (not caught here)
 * sends the browser to sign in again and back.
 */
@Controller
final class MyRegistryController {

	private static final Logger log = LoggerFactory.getLogger(MyRegistryController.class);

	private final CitizenRegistryClient registry;

	MyRegistryController(CitizenRegistryClient registry) {
		this.registry = registry;
	}

	@GetMapping("/registry/mine")
	String mine(Model model) {
		try {
			model.addAttribute("vehicles", this.registry.vehiclesOfSignedInCitizen());
			model.addAttribute("outcome", "found");
		}
		catch (OAuthErrorException ex) {
			// invalid_grant: Khyber Pass no longer accepts the citizen's token (revoked);
			// sign in again.
			log.info("Khyber Pass refused the token exchange: {}", ex.error());
			model.addAttribute("outcome", "invalid_grant".equals(ex.error()) ? "sign-in-again" : "unavailable");
		}
		catch (RestClientException | KhyberPassClientException ex) {
			log.warn("Registry call on the citizen's behalf failed: {}", ex.getMessage());
			model.addAttribute("outcome", "unavailable");
		}
		return "my-registry";
	}

}
