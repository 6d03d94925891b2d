package pk.gov.kp.khyberpass.pages;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.testsupport.AxeCore;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.PageInspection;
import pk.gov.kp.khyberpass.testsupport.PageRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/**
 * Every citizen page, in Chromium through the real server: under 100 KB on the wire with
 * the cache off, the security headers, no console error and no CSP violation, a CSRF
 * field in every form, a label for every field, one {@code h1}, {@code lang} and
 * {@code dir}, error summaries linked to their fields, nothing wider than a 360 px phone
 * screen, and no serious or critical WCAG 2.2 A/AA violation found by axe-core. New pages
 * join by adding their address to {@link #ANONYMOUS_PAGES} or {@link #SIGNED_IN_PAGES}.
 */
@KhyberPassIntegrationTest
@AutoConfigureMockMvc
class CitizenPagesIT {

	private static final Logger log = LoggerFactory.getLogger(CitizenPagesIT.class);

	/**
	 * Pages anyone can open with a plain GET, in English and in both right-to-left
	 * languages.
	 */
	static final List<String> ANONYMOUS_PAGES = List.of("/login", "/login?error", "/login?throttled", "/login?logout",
			"/login?registered", "/login?error&lang=ur", "/login?error&lang=ps", "/login?reset-required",
			"/login?reset-required&lang=ps", "/register", "/register?lang=ur", "/register?lang=ps", "/recover",
			"/recover?lang=ur");

	/**
	 * Pages of a signed-in citizen (Ayesha Khan, no second factor) opened with a plain
	 * GET, after she asked for a new e-mail address (so the profile shows it pending and
	 * the e-mail code page is there).
	 */
	static final List<String> SIGNED_IN_PAGES = List.of("/account", "/account?lang=ur", "/account/profile",
			"/account/password", "/account/sessions", "/account/activity", "/account/activity?lang=ps",
			"/account/departments", "/account/departments?withdrawn", "/account/security",
			"/account/security/authenticator", "/account/security/authenticator?lang=ur", "/account/security/sms",
			"/account/security/passkeys", "/account/security/recovery-codes", "/account/profile/email/verify",
			"/account/profile/email/verify?lang=ps");

	private static HeadlessBrowser browser;

	private static AxeCore axe;

	private static PageRules rules;

	@Value("${khyberpass.oidc.issuer}")
	private String issuer;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private DevelopmentSmsOutbox smsOutbox;

	@BeforeAll
	static void startBrowser() {
		axe = AxeCore.load();
		browser = HeadlessBrowser.start();
		// A small phone's screen: the pages are mobile first, and nothing may need
		// sideways scrolling.
		browser.driver().manage().window().setSize(new Dimension(360, 740));
		PageInspection.prepare(browser);
		rules = PageRules.of(browser, axe);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anonymousPagesWhenOpenedThenMeetThePageRules() {
		browser.driver().manage().deleteAllCookies();
		SoftAssertions softly = new SoftAssertions();

		for (String page : ANONYMOUS_PAGES) {
			check(softly, PageInspection.open(browser, this.issuer + page), 200);
		}
		browser.driver().manage().deleteAllCookies();

		softly.assertAll();
	}

	@Test
	void registrationPagesWhenErrorsAndCodeStepThenMeetThePageRules() {
		browser.driver().manage().deleteAllCookies();
		SoftAssertions softly = new SoftAssertions();

		browser.open(this.issuer + "/register?lang=en");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);
		browser.type(By.id("cnic"), "17101-2345678-1");
		browser.type(By.id("fullName"), "Imran Khattak");
		browser.type(By.id("birthDate"), "01151979");
		browser.type(By.id("mobile"), "0300 2345001");
		browser.type(By.id("email"), "imran.pages@example.test");
		browser.type(By.id("password"), "correct horse battery staple pages");
		browser.type(By.id("confirmPassword"), "correct horse battery staple pages");
		PageInspection verify = submit(By.cssSelector("main form button[type=submit]"));
		softly.assertThat(verify.url()).as("registration accepted").endsWith("/register/verify");
		check(softly, verify, 200);
		browser.type(By.id("code"), "12");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);
		browser.type(By.id("code"), code(this.smsOutbox.latestTo("+923002345001").orElseThrow().text()));
		PageInspection emailStep = submit(By.cssSelector("main form button[type=submit]"));
		softly.assertThat(emailStep.url()).as("account created, e-mail code asked").endsWith("/register/email");
		check(softly, emailStep, 200);
		browser.type(By.id("code"), "12");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);
		browser.driver().manage().deleteAllCookies();

		softly.assertAll();
	}

	@Test
	void signedInPagesWhenOpenedThenMeetThePageRules() {
		browser.driver().manage().deleteAllCookies();
		signIn("17301-1234567-2", "a-long-integration-passphrase");
		SoftAssertions softly = new SoftAssertions();
		browser.open(this.issuer + "/account/profile?lang=en");
		browser.type(By.id("email"), "not an address");
		check(softly, submit(By.cssSelector("form[action='/account/profile/email'] button[type=submit]")), 200);
		browser.type(By.id("email"), "ayesha.pages@example.test");
		PageInspection emailCode = submit(By.cssSelector("form[action='/account/profile/email'] button[type=submit]"));
		softly.assertThat(emailCode.url()).as("e-mail code asked").endsWith("/account/profile/email/verify");
		browser.type(By.id("code"), "12");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);

		for (String page : SIGNED_IN_PAGES) {
			check(softly, PageInspection.open(browser, this.issuer + page), 200);
		}
		browser.open(this.issuer + "/account/security/authenticator?lang=en");
		browser.type(By.id("code"), "000000");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);
		OidcTestClient department = new OidcTestClient(java.net.URI.create(this.issuer), "it-consent",
				"it-consent-secret-0123456789abcdef");
		String consent = department.attempt("https://consent.example.test/callback", "openid profile cnic")
			.uri(department)
			.toString();
		PageInspection consentPage = PageInspection.open(browser, consent);
		softly.assertThat(consentPage.url()).as("consent page").contains("/oauth2/consent");
		check(softly, consentPage, 200);
		// department API scopes: described in Urdu, in English only (marked lang="en"),
		// and not at all
		String apiConsent = department
			.attempt("https://consent.example.test/callback", "openid profile vehicles.read registry.read fines.read")
			.uri(department, Map.of("ui_locales", "ur"))
			.toString();
		PageInspection apiConsentPage = PageInspection.open(browser, apiConsent);
		softly.assertThat(apiConsentPage.url()).as("consent page for API scopes").contains("/oauth2/consent");
		check(softly, apiConsentPage, 200);
		check(softly, PageInspection.open(browser, this.issuer + "/account/no-such-page"), 404);
		browser.driver().manage().deleteAllCookies();

		softly.assertAll();
	}

	@Test
	void secondFactorPageWhenStepUpAskedThenMeetsThePageRules() {
		browser.driver().manage().deleteAllCookies();
		OidcTestClient department = new OidcTestClient(java.net.URI.create(this.issuer), "it-stepup",
				"it-stepup-secret-0123456789abcdef0123");
		browser.open(department.attempt("https://stepup.example.test/callback", "openid")
			.uri(department, Map.of("acr_values", "urn:kp:loa:2"))
			.toString());
		browser.type(By.id("username"), "61101-7654321-1");
		browser.type(By.id("password"), "another-long-integration-passphrase");
		SoftAssertions softly = new SoftAssertions();

		PageInspection stepUp = submit(By.cssSelector("main form button[type=submit]"));
		softly.assertThat(stepUp.url()).contains("/login/second-factor");
		check(softly, stepUp, 200);
		browser.type(By.id("code"), "000000");
		check(softly, submit(By.cssSelector("main form button[type=submit]")), 200);
		browser.driver().manage().deleteAllCookies();

		softly.assertAll();
	}

	@Test
	void errorPageWhenAuthorizationRequestInvalidThenMeetsThePageRules() {
		browser.driver().manage().deleteAllCookies();
		SoftAssertions softly = new SoftAssertions();

		check(softly, PageInspection.open(browser, this.issuer
				+ "/oauth2/authorize?response_type=code&client_id=nobody&scope=openid&state=s&redirect_uri=https://x.test/cb"),
				400);

		softly.assertAll();
	}

	@Test
	void checksWhenPageBrokenThenTheyFindTheFaults() {
		String broken = "data:text/html,<html><head><title>x</title></head><body><form method=post><input name=n>"
				+ "</form><h1>one</h1><h1>two</h1><p style='color:%23eee;width:2000px'>faint and wide</p></body></html>";

		PageInspection page = PageInspection.open(browser, broken);

		assertThat(page.structureProblems())
			.contains("html has no lang", "2 h1 elements", "field n has no label", "inline style on P",
					"no mobile viewport")
			.anyMatch((problem) -> problem.contains("has no CSRF field"))
			.anyMatch((problem) -> problem.startsWith("wider than the screen: 20"));
		assertThat(axe.check(browser)).extracting(AxeCore.Violation::rule)
			.contains("label", "html-has-lang", "color-contrast");
	}

	@Test
	void loginWhenServedOverHttpsThenStrictTransportSecurity() throws Exception {
		this.mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
	}

	private void signIn(String username, String password) {
		browser.open(this.issuer + "/login");
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), password);
		browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waitFor(By.tagName("h1"));
	}

	private static String code(String text) {
		Matcher matcher = Pattern.compile("([0-9]{6})").matcher(text);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static PageInspection submit(By button) {
		PageInspection.reset(browser);
		String before = browser.currentUrl();
		browser.clickAndWaitForNextPage(button);
		browser.waitFor(By.tagName("h1"));
		assertThat(browser.driver().getTitle()).as("page after submitting from %s", before).isNotBlank();
		return PageInspection.current(browser);
	}

	private static void check(SoftAssertions softly, PageInspection page, int status) {
		log.info("{}: {} bytes on the wire without cache ({})", page.url(), page.transferredBytes(), page.resources());
		rules.check(softly, page, status);
	}

}
