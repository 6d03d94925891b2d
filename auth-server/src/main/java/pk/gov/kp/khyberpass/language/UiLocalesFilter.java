package pk.gov.kp.khyberpass.language;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Honours {@code ui_locales} on an authorization request: the first language Khyber Pass
 * speaks becomes the browser's language, so the sign-in and consent pages that follow are
 * in it. It runs before Spring Security, because the authorization endpoint answers (with
 * a redirect to the sign-in page) inside the filter chain.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC
 * Core §3.1.2.1</a>
 */
final class UiLocalesFilter extends OncePerRequestFilter {

	static final String PARAMETER = "ui_locales";

	private final LocaleResolver languages;

	UiLocalesFilter(LocaleResolver languages) {
		this.languages = languages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uiLocales = request.getParameter(PARAMETER);
		if (uiLocales != null && uiLocales.length() <= 200) {
			CitizenLanguages.firstOf(uiLocales)
				.ifPresent((language) -> this.languages.setLocale(request, response, language));
		}
		chain.doFilter(request, response);
	}

}
