package pk.gov.kp.khyberpass.language;

import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language cookie first (the citizen's own choice, or the last department's
 * {@code ui_locales}), then the browser's {@code Accept-Language}, then English. Anything
 * but English, Urdu and Pashto is ignored, in the cookie as in the header.
 */
final class CitizenLocaleResolver extends CookieLocaleResolver {

	static final String COOKIE_NAME = "KHYBERPASS_LANG";

	CitizenLocaleResolver(boolean secureCookie) {
		super(COOKIE_NAME);
		setDefaultLocaleFunction(CitizenLocaleResolver::fromAcceptLanguage);
		setCookieMaxAge(Duration.ofDays(365));
		setCookiePath("/");
		setCookieHttpOnly(true);
		setCookieSecure(secureCookie);
		setCookieSameSite("Lax");
	}

	/**
	 * The browser's most preferred language that Khyber Pass speaks, as the browser names
	 * it ({@code ur-PK} stays {@code ur-PK}: the page says which Urdu it is for), else
	 * English.
	 */
	static Locale fromAcceptLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return CitizenLanguages.ENGLISH;
		}
		for (Enumeration<Locale> preferred = request.getLocales(); preferred.hasMoreElements();) {
			Locale locale = preferred.nextElement();
			if (CitizenLanguages.of(locale.toLanguageTag()).isPresent()) {
				return locale;
			}
		}
		return CitizenLanguages.ENGLISH;
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext localeContext) {
		Locale locale = (localeContext != null) ? localeContext.getLocale() : null;
		if (locale == null) {
			return;
		}
		CitizenLanguages.of(locale.toLanguageTag())
			.ifPresent((supported) -> super.setLocaleContext(request, response, new SimpleLocaleContext(supported)));
	}

	@Override
	protected @Nullable Locale parseLocaleValue(String localeValue) {
		return CitizenLanguages.of(localeValue).orElse(null);
	}

}
