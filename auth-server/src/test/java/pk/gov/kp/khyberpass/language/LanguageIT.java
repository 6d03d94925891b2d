package pk.gov.kp.khyberpass.language;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen's language in Chromium through the real server: {@code ui_locales} on a
 * department's authorization request, the switcher, the choice remembered by the browser,
 * and the mirrored right-to-left layout.
 */
@KhyberPassIntegrationTest
class LanguageIT {

	private static final Locale URDU = Locale.forLanguageTag("ur");

	private static final Locale PASHTO = Locale.forLanguageTag("ps");

	@Value("${khyberpass.oidc.issuer}")
	private String issuer;

	@Autowired
	private MessageSource messages;

	private HeadlessBrowser browser;

	private OidcTestClient department;

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessBrowser.start();
		this.department = new OidcTestClient(URI.create(this.issuer), "it-consent",
				"it-consent-secret-0123456789abcdef");
	}

	@AfterEach
	void stopBrowser() {
		this.browser.close();
	}

	@Test
	void authorizeWhenUiLocalesUrduThenSignInPageInUrduRightToLeft() {
		this.browser.open(authorize("ur"));

		assertPage("ur", "rtl", message("login.heading", URDU));
		assertThat(this.browser.driver().findElement(By.id("language-ur")).getAttribute("aria-current"))
			.isEqualTo("true");
	}

	@Test
	void authorizeWhenFirstUiLocaleUnsupportedThenNextSupportedOne() {
		this.browser.open(authorize("fr-FR ps-AF en"));

		assertPage("ps", "rtl", message("login.heading", PASHTO));
	}

	@Test
	void switcherWhenPashtoChosenThenRememberedOnTheNextPagesAndOverNextAuthorization() {
		this.browser.open(authorize("ur"));

		this.browser.waitFor(By.id("language-ps")).click();
		assertPage("ps", "rtl", message("login.heading", PASHTO));
		this.browser.driver().findElement(By.id("register-link")).click();

		assertPage("ps", "rtl", message("register.heading", PASHTO));
		this.browser.open(this.issuer + "/login");
		assertPage("ps", "rtl", message("login.heading", PASHTO));
		Cookie remembered = this.browser.driver().manage().getCookieNamed(CitizenLocaleResolver.COOKIE_NAME);
		assertThat(remembered.getValue()).isEqualTo("ps");
		assertThat(remembered.isHttpOnly()).isTrue();
		assertThat(remembered.getSameSite()).isEqualTo("Lax");
		assertThat(remembered.getExpiry()).isNotNull();
	}

	@Test
	void switcherWhenEnglishChosenThenLeftToRightAndQueryKept() {
		this.browser.open(this.issuer + "/login?error&lang=ur");

		this.browser.waitFor(By.id("language-en")).click();

		assertPage("en", "ltr", message("login.heading", Locale.ENGLISH));
		assertThat(this.browser.currentUrl()).contains("error").contains("lang=en");
		assertThat(this.browser.driver().findElements(By.cssSelector(".error-summary"))).hasSize(1);
	}

	@Test
	void pageWhenRightToLeftThenLayoutMirrored() {
		this.browser.open(this.issuer + "/login?error&lang=en");
		WebElement field = this.browser.waitFor(By.cssSelector(".field--error"));
		assertThat(field.getCssValue("border-left-width")).isEqualTo("5px");
		assertThat(field.getCssValue("border-right-width")).isEqualTo("0px");

		this.browser.open(this.issuer + "/login?error&lang=ur");
		field = this.browser.waitFor(By.cssSelector(".field--error"));

		assertThat(field.getCssValue("border-right-width")).isEqualTo("5px");
		assertThat(field.getCssValue("border-left-width")).isEqualTo("0px");
		WebElement main = this.browser.driver().findElement(By.id("main"));
		WebElement heading = this.browser.driver().findElement(By.tagName("h1"));
		long mainRight = main.getRect().getX() + main.getRect().getWidth();
		long headingRight = heading.getRect().getX() + heading.getRect().getWidth();
		assertThat(Math.abs(mainRight - headingRight)).as("the heading starts at the right edge")
			.isLessThanOrEqualTo(40);
	}

	@Test
	void switcherWhenUnknownLanguageThenIgnoredAndNothingRemembered() {
		CitizenAgent agent = new CitizenAgent(URI.create(this.issuer));

		HttpResponse<String> page = agent.get("/login?lang=fr");
		HttpResponse<String> hostile = agent.get("/login?lang=%3Cscript%3E");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"en\"").contains("dir=\"ltr\"");
		assertThat(page.headers().allValues("Set-Cookie"))
			.noneMatch((c) -> c.startsWith(CitizenLocaleResolver.COOKIE_NAME));
		assertThat(hostile.statusCode()).isEqualTo(200);
		assertThat(hostile.body()).doesNotContain("<script>");
	}

	@Test
	void languageCookieWhenTamperedThenIgnored() {
		this.browser.open(this.issuer + "/login");
		this.browser.driver().manage().addCookie(new Cookie(CitizenLocaleResolver.COOKIE_NAME, "xx-evil"));

		this.browser.open(this.issuer + "/login");

		assertPage("en", "ltr", message("login.heading", Locale.ENGLISH));
	}

	private String authorize(String uiLocales) {
		return this.department.attempt("https://consent.example.test/callback", "openid profile")
			.uri(this.department, Map.of("ui_locales", uiLocales))
			.toString();
	}

	private void assertPage(String language, String direction, String heading) {
		assertThat(this.browser.waitFor(By.tagName("h1")).getText()).isEqualTo(heading);
		WebElement html = this.browser.driver().findElement(By.tagName("html"));
		// The browser's own tag for the language it asks for in Accept-Language
		// (Chromium: en-US).
		assertThat(html.getAttribute("lang")).matches(language + "(-[A-Z]{2})?");
		assertThat(html.getAttribute("dir")).isEqualTo(direction);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
