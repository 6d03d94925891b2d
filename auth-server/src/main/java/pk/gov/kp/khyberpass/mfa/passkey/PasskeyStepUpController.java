package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;

/**
 * Step-up with a passkey on the second-factor page: one of the signed-in citizen's own
 * passkeys, after which the session is at {@code urn:kp:loa:3} and the authorization
 * request goes on. An account waiting for a forced password reset is refused, its session
 * ended, and the browser sent to the sign-in page that says to recover the account.
 */
@Controller
final class PasskeyStepUpController {

	static final String PATH = "/login/second-factor/passkey";

	private final Passkeys passkeys;

	private final PasskeyAssertions assertions;

	private final PasskeySessions sessions;

	private final AccountService accounts;

	private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

	PasskeyStepUpController(Passkeys passkeys, PasskeyAssertions assertions, PasskeySessions sessions,
			AccountService accounts) {
		this.passkeys = passkeys;
		this.assertions = assertions;
		this.sessions = sessions;
		this.accounts = accounts;
	}

	@PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PasskeyOptions.Request options(Authentication authentication) {
		AccountId account = AccountId.parse(authentication.getName());
		return this.assertions.startStepUp(account, this.passkeys.descriptors(account));
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> stepUp(@RequestBody PasskeyJson.Assertion assertion,
			@RequestParam(name = "continue", required = false) @Nullable String next, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		Account account = this.accounts.findById(AccountId.parse(authentication.getName())).orElseThrow();
		try {
			this.assertions.stepUp(account, assertion);
		}
		catch (PasskeyRefusedException ex) {
			if (ex.passwordResetRequired()) {
				// a session of an account whose password was expired (it began just
				// before): it ends here
				this.signOut.logout(request, response, authentication);
			}
			return PasskeyRefusals.answer(ex, request);
		}
		this.sessions.stepUp(authentication, request, response);
		return ResponseEntity.ok(Map.of("redirect", safe(next)));
	}

	/**
	 * Only an authorization request on this server may be continued (as on the code
	 * form): no open redirect.
	 */
	static String safe(@Nullable String next) {
		return (next != null && next.startsWith("/oauth2/authorize?") && !next.contains("\\")) ? next : "/";
	}

}
