package pk.gov.kp.khyberpass.pages;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.oauth2.sdk.TokenResponse;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.DepartmentClients;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's first visit, in headless Chromium through the real server: registration
 * with a synthetic CNIC, the mobile proven with the code from the development SMS outbox,
 * sign-in through a department's authorization request, consent, and back at the
 * department (a small HTTP server on loopback, so the browser really lands there) with a
 * code, its state and the issuer. Also the wrong-password and too-many-failures messages,
 * and the whole registration in Urdu, right to left.
 */
// A first sign-in delay longer than any pause of a loaded machine, so that "told to wait"
// does not depend on timing
@KhyberPassIntegrationTest
@TestPropertySource(properties = "khyberpass.protection.sign-in.first-delay=120s")
class CitizenJourneyIT {

	static final String CLIENT_ID = "it-browser-department";

	static final String CLIENT_SECRET = "it-browser-department-secret-0123456789";

	static final String DEPARTMENT = "Excise and Taxation Department";

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static HttpServer department;

	@Value("${khyberpass.oidc.issuer}")
	private String issuer;

	@Autowired
	private DepartmentClients clients;

	@Autowired
	private DevelopmentSmsOutbox outbox;

	@Autowired
	private MessageSource messages;

	private HeadlessBrowser browser;

	private OidcTestClient client;

	@BeforeAll
	static void startDepartment() throws IOException {
		department = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		department.createContext("/callback", (exchange) -> {
			byte[] page = "<!DOCTYPE html><html lang=\"en\"><title>Department</title><h1>Department</h1></html>"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		department.start();
	}

	@AfterAll
	static void stopDepartment() {
		department.stop(0);
	}

	@BeforeEach
	void registerDepartmentAndStartBrowser() {
		this.clients.register(new DepartmentClient(CLIENT_ID, DEPARTMENT, CLIENT_SECRET,
				DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC, Set.of("authorization_code"), List.of(callback()),
				List.of(), Set.of("openid", "profile", "phone"), null, false, true, AssuranceLevels.LOA1, null, null,
				"RS256", Duration.ofHours(24), List.of()));
		this.client = new OidcTestClient(URI.create(this.issuer), CLIENT_ID, CLIENT_SECRET);
		this.browser = HeadlessBrowser.start();
	}

	@AfterEach
	void stopBrowser() {
		this.browser.close();
	}

	@Test
	void registerVerifySignInAndConsentThenBackAtTheDepartmentWithCodeStateAndIssuer() {
		this.browser.open(this.issuer + "/login");
		this.browser.waitFor(By.id("register-link")).click();
		register("17102-3456789-2", "Sana Yousafzai", "06211993", "0300 3456002");
		assertThat(this.browser.currentUrl()).endsWith("/login?registered");
		assertThat(this.browser.waitFor(By.id("registered")).getText())
			.isEqualTo(message("login.registered", Locale.ENGLISH));
		Attempt attempt = this.client.attempt(callback().toString(), "openid profile");

		this.browser.open(attempt.uri(this.client).toString());
		signIn("17102-3456789-2", "a river of quiet mountain tea");
		assertThat(heading()).isEqualTo(message("consent.heading", Locale.ENGLISH, DEPARTMENT));
		this.browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		this.browser.waitForUrlStartingWith(callback().toString());

		Map<String, String> response = CitizenAgent.query(URI.create(this.browser.currentUrl()));
		assertThat(response).containsKey("code")
			.containsEntry("state", attempt.state().getValue())
			.containsEntry("iss", this.issuer);
		TokenResponse tokens = this.client.exchange(response.get("code"), attempt);
		assertThat(tokens.indicatesSuccess()).as("the code redeems at the token endpoint").isTrue();
	}

	@Test
	void signInWhenPasswordWrongThenOneMessageLinkedToTheField() {
		this.browser.open(this.issuer + "/login");

		signIn("17301-1234567-2", "not-the-right-passphrase-at-all");

		assertThat(this.browser.currentUrl()).endsWith("/login?error");
		String expected = message("login.error.bad-credentials", Locale.ENGLISH);
		assertThat(this.browser.waitFor(By.cssSelector(".error-summary a")).getText()).isEqualTo(expected);
		assertThat(this.browser.driver().findElement(By.cssSelector(".error-summary a")).getAttribute("href"))
			.endsWith("#username");
		assertThat(this.browser.driver().findElement(By.id("username")).getAttribute("aria-invalid")).isEqualTo("true");
	}

	@Test
	void signInWhenRepeatedFailuresThenToldToWaitEvenWithTheRightPassword() {
		for (int i = 0; i < 5; i++) {
			this.browser.open(this.issuer + "/login");
			signIn("0333 1234567", "wrong-passphrase-number-" + i);
			assertThat(this.browser.currentUrl()).endsWith("/login?error");
		}

		this.browser.open(this.issuer + "/login");
		signIn("0333 1234567", "yet-another-long-integration-passphrase");

		assertThat(this.browser.currentUrl()).endsWith("/login?throttled");
		assertThat(this.browser.waitFor(By.cssSelector(".error-summary p")).getText())
			.isEqualTo(message("login.throttled", Locale.ENGLISH));
	}

	@Test
	void registerWhenDepartmentAsksForUrduThenEveryStepInUrduRightToLeft() {
		Locale urdu = Locale.forLanguageTag("ur");
		Attempt attempt = this.client.attempt(callback().toString(), "openid profile");
		this.browser.open(attempt.uri(this.client, Map.of("ui_locales", "ur")).toString());
		assertRightToLeft("ur", message("login.heading", urdu));
		this.browser.driver().findElement(By.id("register-link")).click();
		assertRightToLeft("ur", message("register.heading", urdu));

		register("17201-4567890-3", "Zahid Afridi", "11031988", "0300 4567003");

		assertThat(this.browser.currentUrl()).endsWith("/login?registered");
		assertRightToLeft("ur", message("login.heading", urdu));
		assertThat(this.browser.waitFor(By.id("registered")).getText()).isEqualTo(message("login.registered", urdu));
		signIn("17201-4567890-3", "a river of quiet mountain tea");
		assertRightToLeft("ur", message("consent.heading", urdu, DEPARTMENT));
		this.browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		this.browser.waitForUrlStartingWith(callback().toString());
		assertThat(CitizenAgent.query(URI.create(this.browser.currentUrl()))).containsKey("code")
			.containsEntry("state", attempt.state().getValue());
	}

	private void register(String cnic, String name, String birthDateKeys, String mobile) {
		String password = "a river of quiet mountain tea";
		this.browser.type(By.id("cnic"), cnic);
		this.browser.type(By.id("fullName"), name);
		this.browser.type(By.id("birthDate"), birthDateKeys);
		this.browser.type(By.id("mobile"), mobile);
		this.browser.type(By.id("password"), password);
		this.browser.type(By.id("confirmPassword"), password);
		this.browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		this.browser.waitForUrlStartingWith(this.issuer + "/register/verify");
		String e164 = "+92" + mobile.replaceAll("\\D", "").substring(1);
		Matcher code = CODE.matcher(this.outbox.latestTo(e164).orElseThrow().text());
		assertThat(code.find()).as("a 6-digit code in the SMS").isTrue();
		String direction = this.browser.driver().findElement(By.tagName("html")).getAttribute("dir");
		assertThat(heading()).isNotBlank();
		this.browser.type(By.id("code"), code.group(1));
		this.browser.driver().findElement(By.cssSelector("main form button[type=submit]")).click();
		this.browser.waitForUrlStartingWith(this.issuer + "/login?registered");
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo(direction);
	}

	private void signIn(String username, String password) {
		this.browser.type(By.id("username"), username);
		this.browser.type(By.id("password"), password);
		this.browser.clickAndWaitForNextPage(By.cssSelector("main form button[type=submit]"));
		this.browser.waitFor(By.tagName("h1"));
	}

	private void assertRightToLeft(String language, String heading) {
		assertThat(heading()).isEqualTo(heading);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
		assertThat(this.browser.driver().findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
	}

	private String heading() {
		return this.browser.waitFor(By.tagName("h1")).getText();
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private static URI callback() {
		return URI.create("http://127.0.0.1:" + department.getAddress().getPort() + "/callback");
	}

}
