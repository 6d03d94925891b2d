package pk.gov.kp.khyberpass.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /account}: the signed-in citizen's home, linking to each self-service page.
 */
@Controller
final class AccountHomeController {

	private final AccountService accounts;

	AccountHomeController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account")
	String home(Authentication citizen, Model model) {
		model.addAttribute("name",
				this.accounts.findById(AccountId.parse(citizen.getName())).map(Account::fullName).orElse(""));
		return "account/home";
	}

}
