package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Writes the token endpoint's successful response (RFC 6749 section 5.1) straight to the
 * response body: the same members, in the same order, as Spring's handler, without its
 * generic message-converter and Jackson machinery, which cost about a twentieth of a
 * client-credentials request's CPU (docs/performance.md). A response with an additional
 * parameter that is not a string, number or boolean goes to Spring's handler.
 */
final class TokenResponseWriter implements AuthenticationSuccessHandler {

	private final AuthenticationSuccessHandler general = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!(authentication instanceof OAuth2AccessTokenAuthenticationToken issued)
				|| !issued.getAdditionalParameters().values().stream().allMatch(TokenResponseWriter::simple)) {
			this.general.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		byte[] body = json(issued, Instant.now()).getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	static String json(OAuth2AccessTokenAuthenticationToken issued, Instant now) {
		OAuth2AccessToken accessToken = issued.getAccessToken();
		JsonObject json = new JsonObject();
		json.member(OAuth2ParameterNames.ACCESS_TOKEN, accessToken.getTokenValue());
		json.member(OAuth2ParameterNames.TOKEN_TYPE, accessToken.getTokenType().getValue());
		if (accessToken.getExpiresAt() != null) {
			json.member(OAuth2ParameterNames.EXPIRES_IN, expiresIn(accessToken, now));
		}
		if (!accessToken.getScopes().isEmpty()) {
			json.member(OAuth2ParameterNames.SCOPE, String.join(" ", accessToken.getScopes()));
		}
		OAuth2RefreshToken refreshToken = issued.getRefreshToken();
		if (refreshToken != null) {
			json.member(OAuth2ParameterNames.REFRESH_TOKEN, refreshToken.getTokenValue());
		}
		for (Map.Entry<String, Object> parameter : issued.getAdditionalParameters().entrySet()) {
			json.member(parameter.getKey(), parameter.getValue());
		}
		return json.end();
	}

	// As Spring's: the token's own lifetime (issued to expiry), or what is left of it
	// when it has no issue time
	private static long expiresIn(OAuth2AccessToken accessToken, Instant now) {
		Instant from = (accessToken.getIssuedAt() != null) ? accessToken.getIssuedAt() : now;
		return Math.max(Duration.between(from, accessToken.getExpiresAt()).toSeconds(), 1);
	}

	private static boolean simple(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean;
	}

	/** A flat JSON object of string, number and boolean members (RFC 8259 escaping). */
	private static final class JsonObject {

		private final StringBuilder json = new StringBuilder(1024).append('{');

		void member(String name, Object value) {
			if (this.json.length() > 1) {
				this.json.append(',');
			}
			string(name);
			this.json.append(':');
			if (value instanceof String text) {
				string(text);
			}
			else {
				this.json.append(value);
			}
		}

		String end() {
			return this.json.append('}').toString();
		}

		private void string(String text) {
			this.json.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '"' -> this.json.append("\\\"");
					case '\\' -> this.json.append("\\\\");
					default -> {
						if (c < 0x20) {
							this.json.append(String.format("\\u%04x", (int) c));
						}
						else {
							this.json.append(c);
						}
					}
				}
			}
			this.json.append('"');
		}

	}

}
