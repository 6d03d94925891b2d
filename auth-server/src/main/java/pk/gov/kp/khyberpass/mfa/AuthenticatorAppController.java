package pk.gov.kp.khyberpass.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;

/**
 * Adding an authenticator app in the account area: a QR code (and the secret as text, for
 * phones that cannot scan), confirmed by a first code from the app.
 */
@Controller
final class AuthenticatorAppController {

	static final String PATH = "/account/security/authenticator";

	private final SecondFactors secondFactors;

	private final AccountService accounts;

	private final SecureRandom random;

	private final FactorChanges changes;

	AuthenticatorAppController(SecondFactors secondFactors, AccountService accounts, SecureRandom random,
			FactorChanges changes) {
		this.secondFactors = secondFactors;
		this.changes = changes;
		this.accounts = accounts;
		this.random = random;
	}

	@GetMapping(PATH)
	String page(Authentication authentication, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		model.addAttribute("failed", false);
		if (this.secondFactors.hasTotp(account)) {
			model.addAttribute("enrolled", true);
			return "mfa/authenticator";
		}
		String secret = this.secondFactors.startTotpEnrolment(account, this.random);
		return showEnrolment(account, secret, model);
	}

	@PostMapping(PATH)
	String confirm(@RequestParam("code") String code, Authentication authentication, Model model) {
		AccountId account = AccountId.parse(authentication.getName());
		if (code.length() <= 16 && this.secondFactors.confirmTotpEnrolment(account, code)) {
			this.changes.enrolled(account, SecondFactor.TOTP);
			return "redirect:" + PATH;
		}
		model.addAttribute("failed", true);
		return showEnrolment(account, this.secondFactors.startTotpEnrolment(account, this.random), model);
	}

	private String showEnrolment(AccountId account, String secret, Model model) {
		String label = "Khyber Pass:"
				+ this.accounts.findById(account).map((found) -> found.cnic().masked()).orElse("");
		String uri = "otpauth://totp/" + encode(label) + "?secret=" + secret
				+ "&issuer=Khyber%20Pass&algorithm=SHA1&digits=6&period=30";
		model.addAttribute("enrolled", false);
		model.addAttribute("qrCode", QrCode.dataUri(uri));
		model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
		return "mfa/authenticator";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
