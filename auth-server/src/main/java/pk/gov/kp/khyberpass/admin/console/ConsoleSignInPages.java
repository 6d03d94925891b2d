package pk.gov.kp.khyberpass.admin.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages shown without a console sign-in: after signing out, and when the sign-in has
 * ended.
 */
@Controller
class ConsoleSignInPages {

	@GetMapping("/admin/console/signed-out")
	String signedOut() {
		return "console/signed-out";
	}

	@GetMapping("/admin/console/expired")
	String expired() {
		return "console/expired";
	}

}
