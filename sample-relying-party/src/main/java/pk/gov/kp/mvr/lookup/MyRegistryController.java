package pk.gov.kp.mvr.lookup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClientException;

import pk.gov.kp.khyberpass.sdk.KhyberPassClientException;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;

/**
 * "Your vehicles in the provincial register": asks the registry API on the citizen's behalf, with a
 * token exchanged at Khyber Pass.
 */
@Controller
final class MyRegistryController {

	private static final Logger log = LoggerFactory.getLogger(MyRegistryController.class);

	private final CitizenRegistryClient registry;

	MyRegistryController(CitizenRegistryClient registry) {
		this.registry = registry;
	}

	@GetMapping("/registry/mine")
	String mine(KhyberPassAuthentication authentication, Model model) {
		try {
			model.addAttribute("vehicles", this.registry.vehiclesOf(authentication.accessToken()));
			model.addAttribute("outcome", "found");
		}
		catch (OAuthErrorException ex) {
			// invalid_grant: the sign-in's access token expired; the citizen signs in again to continue.
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
