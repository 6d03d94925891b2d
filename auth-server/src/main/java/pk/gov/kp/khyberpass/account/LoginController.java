package pk.gov.kp.khyberpass.account;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen sign-in page. Spring Security's form login processes the
 * {@code POST /login} it submits and comes back with {@code ?error} or, after signing
 * out, {@code ?logout}; neither says why, on purpose. {@code ?reset-required} follows
 * only a right password or a genuine passkey of an account whose password an
 * administrator expired, and sends the citizen to recovery.
 */
@Controller
final class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout,
			@RequestParam(name = "throttled", required = false) @Nullable String throttled,
			@RequestParam(name = "registered", required = false) @Nullable String registered,
			@RequestParam(name = "recovered", required = false) @Nullable String recovered,
			@RequestParam(name = "email-confirmed", required = false) @Nullable String emailConfirmed,
			@RequestParam(name = "email-not-sent", required = false) @Nullable String emailNotSent,
			@RequestParam(name = "reset-required", required = false) @Nullable String resetRequired, Model model) {
		model.addAttribute("recovered", recovered != null);
		model.addAttribute("registered", registered != null);
		model.addAttribute("emailConfirmed", registered != null && emailConfirmed != null);
		model.addAttribute("emailNotSent", registered != null && emailNotSent != null);
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("signedOut", logout != null);
		model.addAttribute("resetRequired", resetRequired != null);
		return "account/login";
	}

}
