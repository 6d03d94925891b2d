package pk.gov.kp.khyberpass.mfa.passkey;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The JSON answer of the sign-in and step-up pages to a refused passkey:
 * {@code resetRequired} (403) with the sign-in page that tells the citizen to recover the
 * account, {@code throttled} (429), or {@code refused} (400) for every other reason,
 * which the page does not tell apart.
 */
final class PasskeyRefusals {

	/**
	 * The sign-in page saying that a forced password reset waits for the citizen's
	 * recovery.
	 */
	static final String RESET_REQUIRED_PAGE = "/login?reset-required";

	private PasskeyRefusals() {
	}

	static ResponseEntity<Map<String, String>> answer(PasskeyRefusedException refusal, HttpServletRequest request) {
		if (refusal.passwordResetRequired()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.body(Map.of("error", "resetRequired", "redirect", request.getContextPath() + RESET_REQUIRED_PAGE));
		}
		if ("throttled".equals(refusal.reason())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("error", "throttled"));
		}
		return ResponseEntity.badRequest().body(Map.of("error", "refused"));
	}

}
