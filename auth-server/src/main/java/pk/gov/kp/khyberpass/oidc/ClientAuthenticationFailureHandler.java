package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed client authentication answers {@code 401 invalid_client} with the
 * {@code WWW-Authenticate} challenge RFC 6749 §5.2 asks for. An unknown client id and a
 * wrong secret get the same answer.
 */
final class ClientAuthenticationFailureHandler implements AuthenticationFailureHandler, AuthenticationEntryPoint {

	private final AuthenticationFailureHandler delegate = new OAuth2ErrorAuthenticationFailureHandler();

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (!(exception instanceof OAuth2AuthenticationException oauth2)
				|| !OAuth2ErrorCodes.INVALID_CLIENT.equals(oauth2.getError().getErrorCode())) {
			this.delegate.onAuthenticationFailure(request, response, exception);
			return;
		}
		commence(request, response, exception);
	}

	/** Answers a token-endpoint request that carried no client authentication at all. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		// The same body for every cause (unknown client, wrong secret, bad assertion):
		// nothing to enumerate.
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"khyberpass\", error=\"invalid_client\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write("{\"error\":\"invalid_client\"}");
	}

}
