package pk.gov.kp.khyberpass.account;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The citizen sign-in page. Spring Security's form login processes the {@code POST /login} it submits.
 */
@Controller
final class LoginController {

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

}
