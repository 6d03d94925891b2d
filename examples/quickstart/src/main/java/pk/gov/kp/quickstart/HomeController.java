package pk.gov.kp.quickstart;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.UserInfo;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassAuthentication;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassCitizenTokens;
import pk.gov.kp.khyberpass.sdk.spring.security.KhyberPassUser;

@Controller
class HomeController {

	private final KhyberPassClient khyberPass;

	private final KhyberPassCitizenTokens citizenTokens;

	HomeController(KhyberPassClient khyberPass, KhyberPassCitizenTokens citizenTokens) {
		this.khyberPass = khyberPass;
		this.citizenTokens = citizenTokens;
	}

	@GetMapping("/")
	String home(KhyberPassAuthentication authentication, Model model) {
		KhyberPassUser user = authentication.getPrincipal();
		// The ID token carries identifiers only; the name comes from UserInfo, asked with the
		// citizen's access token (renewed by the starter when it is about to expire).
		UserInfo info = this.khyberPass.userInfo(this.citizenTokens.accessToken(), user.subject());
		model.addAttribute("name", info.string("name").orElse("citizen"));
		model.addAttribute("level", user.acr());
		return "home";
	}

}
