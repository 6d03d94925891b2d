package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authorization responses and error responses that carry {@code iss} (RFC 9207), so that
 * a client talking to several providers can tell which one answered (mix-up defence). An
 * error whose redirect URI was not validated is shown to the citizen, never redirected.
 */
final class AuthorizationResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationToken result = (OAuth2AuthorizationCodeRequestAuthenticationToken) authentication;
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(result.getRedirectUri())
			.queryParam(OAuth2ParameterNames.CODE, result.getAuthorizationCode().getTokenValue());
		addStateAndIssuer(uri, result.getState());
		response.sendRedirect(uri.build(true).toUriString());
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		OAuth2AuthorizationCodeRequestAuthenticationException failure = (OAuth2AuthorizationCodeRequestAuthenticationException) exception;
		OAuth2Error error = failure.getError();
		OAuth2AuthorizationCodeRequestAuthenticationToken attempted = failure
			.getAuthorizationCodeRequestAuthentication();
		if (attempted == null || !StringUtils.hasText(attempted.getRedirectUri())) {
			request.setAttribute(OAuth2Error.class.getName(), error);
			response.sendError(HttpStatus.BAD_REQUEST.value(), error.getErrorCode());
			return;
		}
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(attempted.getRedirectUri())
			.queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
		if (StringUtils.hasText(error.getDescription())) {
			uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
		}
		addStateAndIssuer(uri, attempted.getState());
		response.sendRedirect(uri.build(true).toUriString());
	}

	private static void addStateAndIssuer(UriComponentsBuilder uri, String state) {
		if (StringUtils.hasText(state)) {
			uri.queryParam(OAuth2ParameterNames.STATE, encode(state));
		}
		uri.queryParam("iss", encode(AuthorizationServerContextHolder.getContext().getIssuer()));
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
