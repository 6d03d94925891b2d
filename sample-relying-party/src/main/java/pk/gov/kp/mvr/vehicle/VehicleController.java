package pk.gov.kp.mvr.vehicle;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassUser;
import pk.gov.kp.khyberpass.sdk.spring.security.RequiresAssuranceLevel;
import pk.gov.kp.mvr.citizen.CitizenProfiles;

/**
 * The citizen's pages: the dashboard of their vehicles and the token-tax payment, which
 * needs a multi-factor sign-in ({@code urn:kp:loa:2}); the starter steps a weaker session
 * up at Khyber Pass.
 */
@Controller
final class VehicleController {

	private final VehicleRepository vehicles;

	private final TokenTaxPayments payments;

	private final CitizenProfiles profiles;

	private final Clock clock;

	VehicleController(VehicleRepository vehicles, TokenTaxPayments payments, CitizenProfiles profiles, Clock clock) {
		this.vehicles = vehicles;
		this.payments = payments;
		this.profiles = profiles;
		this.clock = clock;
	}

	@GetMapping("/")
	String dashboard(KhyberPassAuthentication authentication, HttpSession session, Model model) {
		KhyberPassUser user = authentication.getPrincipal();
		model.addAttribute("citizen", this.profiles.of(authentication, session));
		model.addAttribute("vehicles", this.vehicles.findByOwner(user.subject()));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "dashboard";
	}

	@GetMapping("/vehicles/{registrationNumber}/token-tax")
	@RequiresAssuranceLevel("urn:kp:loa:2")
	String tokenTax(@AuthenticationPrincipal KhyberPassUser user, @PathVariable String registrationNumber,
			Model model) {
		Vehicle vehicle = this.vehicles.findOwned(user.subject(), registrationNumber)
			.orElseThrow(() -> new VehicleNotFoundException(registrationNumber));
		model.addAttribute("vehicle", vehicle);
		return "token-tax";
	}

	@PostMapping("/vehicles/{registrationNumber}/token-tax")
	@RequiresAssuranceLevel("urn:kp:loa:2")
	String payTokenTax(@AuthenticationPrincipal KhyberPassUser user, @PathVariable String registrationNumber,
			RedirectAttributes redirect) {
		Vehicle paid = this.payments.pay(user.subject(), registrationNumber);
		redirect.addFlashAttribute("paid", paid);
		return "redirect:/";
	}

}
