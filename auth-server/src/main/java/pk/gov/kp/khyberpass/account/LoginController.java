package pk.gov.kp.khyberpass.account;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen sign-in page. Spring Security's form login processes the {@code POST /login} it submits and
 * comes back with {@code ?error} or, after signing out, {@code ?logout}; neither says why, on purpose.
 */
@Controller
final class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout,
			@RequestParam(name = "throttled", required = false) @Nullable String throttled,
			@RequestParam(name = "registered", required = false) @Nullable String registered,
			@RequestParam(name = "recovered", required = false) @Nullable String recovered, Model model) {
		model.addAttribute("recovered", recovered != null);
		model.addAttribute("registered", registered != null);
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("signedOut", logout != null);
		return "account/login";
	}

}
