package pk.gov.kp.khyberpass.account;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The citizen sign-in page. Spring Security's form login processes the {@code POST /login} it submits.
 */
@Controller
final class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(name = "error", required = false) @Nullable String error,
			@RequestParam(name = "logout", required = false) @Nullable String logout, Model model) {
		// Flags, not the raw parameters: Thymeleaf refuses request parameters inside attribute expressions.
		model.addAttribute("loginFailed", error != null);
		model.addAttribute("signedOut", logout != null);
		return "account/login";
	}

}
