package pk.gov.kp.mvr.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import pk.gov.kp.khyberpass.sdk.spring.KhyberPassProperties;

/**
 * Explains a sign-in that Khyber Pass ended with an error ({@code ?error=...} on the
 * callback, which the starter answers with HTTP 401), instead of a bare error page: above
 * all {@code unmet_authentication_requirements}, when the citizen has no second factor
 * for a payment.
 *
 * @see <a href=
 * "https://openid.net/specs/openid-connect-unmet-authentication-requirements-1_0.html">OpenID
 * Connect Unmet Authentication Requirements 1.0</a>
 */
@Component
final class SignInProblemErrorViewResolver implements ErrorViewResolver {

	private final String callbackPath;

	SignInProblemErrorViewResolver(KhyberPassProperties properties) {
		this.callbackPath = properties.callbackPath();
	}

	@Override
	public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
			Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String error = request.getParameter("error");
		if (status != HttpStatus.UNAUTHORIZED || error == null
				|| !(request.getContextPath() + this.callbackPath).equals(uri)) {
			return null;
		}
		String reason = switch (error) {
			case "unmet_authentication_requirements" -> "second-factor-needed";
			case "access_denied" -> "declined";
			default -> "other";
		};
		return new ModelAndView("sign-in-problem", Map.of("reason", reason), HttpStatus.UNAUTHORIZED);
	}

}
