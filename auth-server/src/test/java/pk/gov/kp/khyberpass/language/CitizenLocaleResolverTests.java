package pk.gov.kp.khyberpass.language;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenLocaleResolverTests {

	private final CitizenLocaleResolver resolver = new CitizenLocaleResolver(true);

	@ParameterizedTest
	@CsvSource({ "'ur-PK', ur-PK", "'ps', ps", "'fr-FR, ps;q=0.8, en;q=0.5', ps", "'de, fr', en", "'en-GB', en-GB" })
	void resolveWhenNoCookieThenBrowserPreferenceItSpeaks(String acceptLanguage, String expected) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", acceptLanguage);
		request.setPreferredLocales(java.util.Collections
			.list(java.util.Collections.enumeration(java.util.Arrays.stream(acceptLanguage.split(","))
				.map((tag) -> Locale.forLanguageTag(tag.split(";")[0].strip()))
				.toList())));

		assertThat(this.resolver.resolveLocale(request)).isEqualTo(Locale.forLanguageTag(expected));
	}

	@Test
	void resolveWhenNothingSaidThenEnglish() {
		assertThat(this.resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void resolveWhenCookieThenCookieWinsOverBrowser() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "en");
		request.setCookies(new Cookie(CitizenLocaleResolver.COOKIE_NAME, "ps"));

		assertThat(this.resolver.resolveLocale(request)).isEqualTo(CitizenLanguages.PASHTO);
	}

	@Test
	void setLocaleWhenSupportedThenSecureHttpOnlyLaxCookieForAYear() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.resolver.setLocale(new MockHttpServletRequest(), response, Locale.forLanguageTag("ur-PK"));

		assertThat(response.getHeader("Set-Cookie")).startsWith(CitizenLocaleResolver.COOKIE_NAME + "=ur;")
			.contains("Max-Age=31536000", "Secure", "HttpOnly", "SameSite=Lax");
	}

	@Test
	void setLocaleWhenUnsupportedThenNothingRemembered() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.resolver.setLocale(new MockHttpServletRequest(), response, Locale.FRENCH);

		assertThat(response.getHeader("Set-Cookie")).isNull();
	}

}
