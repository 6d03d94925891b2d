package pk.gov.kp.quickstart;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pk.gov.kp.khyberpass.sdk.UserInfo;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassUser;

@Controller
class HomeController {

	private final KhyberPassCitizenTokens citizenTokens;

	HomeController(KhyberPassCitizenTokens citizenTokens) {
		this.citizenTokens = citizenTokens;
	}

	@GetMapping("/")
	String home(KhyberPassAuthentication authentication, Model model) {
		KhyberPassUser user = authentication.getPrincipal();
		// The ID token carries identifiers only; the name comes from UserInfo, asked with the
		// citizen's access token (renewed by the starter when it is about to expire; if Khyber Pass
		// refuses it, the starter ends the session and sends the citizen to sign in again).
		UserInfo info = this.citizenTokens.userInfo();
		model.addAttribute("name", info.string("name").orElse("citizen"));
		model.addAttribute("level", user.acr());
		return "home";
	}

}
