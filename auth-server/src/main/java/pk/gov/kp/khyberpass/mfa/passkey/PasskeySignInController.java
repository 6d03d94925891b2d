package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;

import pk.gov.kp.khyberpass.account.Account;
import pk.gov.kp.khyberpass.protection.SignInThrottledException;

/**
 * "Sign in with a passkey" on the sign-in page: no CNIC and no password, the passkey
 * names the account. On success the browser is told where to go: the saved authorization
 * request, exactly as after a password; an account waiting for a forced password reset is
 * sent to the sign-in page that says to recover it.
 */
@Controller
final class PasskeySignInController {

	static final String PATH = "/login/passkey";

	private final PasskeyAssertions assertions;

	private final PasskeySessions sessions;

	PasskeySignInController(PasskeyAssertions assertions, PasskeySessions sessions) {
		this.assertions = assertions;
		this.sessions = sessions;
	}

	@PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	PasskeyOptions.Request options() {
		return this.assertions.startSignIn();
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, String>> signIn(@RequestBody PasskeyJson.Assertion assertion, HttpServletRequest request,
			HttpServletResponse response) {
		Account account;
		try {
			account = this.assertions.signIn(assertion, request.getRemoteAddr());
		}
		catch (SignInThrottledException ex) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("error", "throttled"));
		}
		catch (PasskeyRefusedException ex) {
			return PasskeyRefusals.answer(ex, request);
		}
		return ResponseEntity.ok(Map.of("redirect", this.sessions.signIn(account, request, response)));
	}

}
