package pk.gov.kp.khyberpass.protection;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with what the citizen can act on: a throttled attempt says to
 * wait; the right password of an account whose password an administrator expired says to
 * recover the account (only the right password learns that); every other failure gets the
 * one message that does not tell whether the account exists.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String query;
		if (exception instanceof SignInThrottledException) {
			query = "?throttled";
		}
		else if (exception instanceof CredentialsExpiredException) {
			query = "?reset-required";
		}
		else {
			query = "?error";
		}
		response.sendRedirect(request.getContextPath() + "/login" + query);
	}

}
