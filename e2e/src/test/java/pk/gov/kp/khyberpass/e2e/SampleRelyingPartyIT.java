package pk.gov.kp.khyberpass.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's journey through the Motor Vehicle Registration sample and Khyber Pass, both
 * started from their packaged jars, in headless Chromium: sign-in with and without CNIC
 * consent, RP-initiated logout, a payment needing a second factor, the registry API with
 * service tokens and on the citizen's behalf (token exchange, with the sign-in's access
 * token renewed by its refresh token, and a revoked refresh token sending the citizen to
 * sign in again), and single logout through back-channel logout. The tests run in order
 * because they share one browser and one citizen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleRelyingPartyIT {

	private static final String CNIC = CitizenBrowser.CNIC;

	private RunningSystem system;

	private CitizenBrowser citizen;

	private WebDriver browser;

	private String registrationNumber;

	@BeforeAll
	void start() throws Exception {
		Optional<Path> authServer = RunningSystem.jar("auth-server");
		Optional<Path> sample = RunningSystem.jar("sample-relying-party");
		Optional<String> missing = CitizenBrowser.missing()
			.or(() -> (authServer.isEmpty() || sample.isEmpty()) ? Optional
				.of("package auth-server and sample-relying-party first (./mvnw -pl auth-server,sample-relying-party -am -DskipTests package)")
					: Optional.empty());
		if (missing.isPresent()) {
			RunningSystem.skipOrFail(missing.get());
		}
		this.system = RunningSystem.start(authServer.get(), RunningSystem.Department.sample(sample.get()));
		this.citizen = CitizenBrowser.start();
		this.browser = this.citizen.driver();
	}

	@AfterAll
	void stop() throws IOException {
		try {
			if (this.citizen != null) {
				this.citizen.close();
			}
		}
		finally {
			if (this.system != null) {
				this.system.close();
			}
		}
	}

	@Test
	@Order(1)
	void signInWhenCnicNotConsentedThenDashboardShowsNameWithoutCnic() {
		this.browser.get(sample("/"));

		this.citizen.signInAtKhyberPass();
		this.citizen.allow(CitizenBrowser.Cnic.NOT_SHARED);

		WebElement name = waitFor(By.id("citizen-name"));
		this.registrationNumber = this.browser.findElement(By.xpath("//tr[td[contains(@class, 'due')]]/th")).getText();
		assertThat(this.browser.getCurrentUrl()).startsWith(this.system.department.toString());
		assertThat(this.browser.findElements(By.id("citizen-cnic"))).isEmpty();
		assertThat(this.browser.findElement(By.id("cnic-not-shared")).isDisplayed()).isTrue();
		assertThat(name.getText()).isEqualTo("Ayesha Khan");
	}

	@Test
	@Order(2)
	void signOutThenSignInWhenCnicConsentedThenDashboardShowsCnic() {
		this.browser.findElement(By.id("sign-out")).click();
		waitFor(By.id("username"));
		assertThat(this.browser.getCurrentUrl()).startsWith(this.system.issuer + "/login");

		this.citizen.signInAtKhyberPass();
		this.citizen.allow(CitizenBrowser.Cnic.SHARED);

		assertThat(waitFor(By.id("citizen-cnic")).getText()).isEqualTo(CNIC);
		assertThat(this.browser.findElement(By.id("citizen-name")).getText()).isEqualTo("Ayesha Khan");
	}

	/**
	 * Paying needs {@code urn:kp:loa:2}: Khyber Pass steps the session up in place with a
	 * code from the citizen's authenticator app (computed here from the seeded secret),
	 * never the password again, and the citizen comes back to the payment page.
	 */
	@Test
	@Order(3)
	void payTokenTaxWhenSessionSteppedUpWithTotpThenPaymentConfirmed() {
		this.browser.get(sample("/"));

		this.browser.findElement(By.cssSelector("td.due ~ td a")).click();
		WebElement code = waitFor(By.id("code"));
		assertThat(this.browser.getCurrentUrl()).startsWith(this.system.issuer + "/login/second-factor");
		assertThat(this.browser.findElements(By.id("password"))).isEmpty();
		code.sendKeys(Totp.now("JBSWY3DPEHPK3PXPJBSWY3DP"));
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		waitFor(By.id("pay")).click();

		assertThat(waitFor(By.id("payment-confirmation")).getText()).contains("Token tax paid");
	}

	@Test
	@Order(4)
	void lookupWhenRegisteredVehicleThenSampleShowsItThroughServiceToken() {
		this.browser.get(sample("/lookup?registration=" + this.registrationNumber));

		assertThat(waitFor(By.id("lookup-result")).getText()).contains("Suzuki Mehran VXR");

		this.browser.get(sample("/lookup?registration=XYZ-9"));
		assertThat(waitFor(By.id("lookup-result")).getText()).contains("No vehicle");
	}

	@Test
	@Order(5)
	void registryApiWhenClientCredentialsTokenThenAnswersVehicle() throws Exception {
		String token = serviceToken("demo-excise-office", "demo-excise-secret-for-development-only");

		HttpResponse<String> response = api(this.registrationNumber, "Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"registrationNumber\":\"" + this.registrationNumber + "\"")
			.doesNotContain(CNIC);
	}

	@Test
	@Order(6)
	void registryApiWhenNoTokenThenUnauthorized() throws Exception {
		HttpResponse<String> response = api(this.registrationNumber, null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
	}

	@Test
	@Order(7)
	void registryApiWhenForgedTokenThenUnauthorized() throws Exception {
		String token = serviceToken("demo-excise-office", "demo-excise-secret-for-development-only");
		String[] parts = token.split("\\.");
		String forgedClaims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("vehicles.read", "vehicles.write")
				.getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = api(this.registrationNumber,
				"Bearer " + parts[0] + "." + forgedClaims + "." + parts[2]);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
	}

	@Test
	@Order(8)
	void registryCitizenApiWhenServiceTokenNotExchangedThenForbidden() throws Exception {
		String token = serviceToken("demo-excise-office", "demo-excise-secret-for-development-only");

		HttpResponse<String> response = this.system
			.send(HttpRequest.newBuilder(URI.create(sample("/api/citizens/me/vehicles")))
				.header("Authorization", "Bearer " + token)
				.build());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	@Order(9)
	void registryOnCitizensBehalfThenSampleListsTheirVehiclesThroughTokenExchange() {
		this.browser.get(sample("/registry/mine"));

		assertThat(waitFor(By.id("registry-result")).getText()).contains(this.registrationNumber)
			.doesNotContain("cannot be reached")
			.doesNotContain("no longer accepts");
	}

	/**
	 * The sign-in's access token has expired: the sample renews it with the refresh token
	 * (rotated) before the exchange, in the same session (a new sign-in would change the
	 * session cookie), twice in a row so the second renewal presents the rotated refresh
	 * token.
	 */
	@Test
	@Order(10)
	void registryOnCitizensBehalfWhenAccessTokenExpiredThenRenewedWithRefreshTokenInTheSameSession()
			throws InterruptedException {
		this.browser.get(sample("/registry/mine"));
		waitFor(By.id("registry-result"));
		String sessionCookie = this.browser.manage().getCookieNamed("JSESSIONID").getValue();

		for (int round = 0; round < 2; round++) {
			Thread.sleep(RunningSystem.ACCESS_TOKEN_LIFETIME.plusSeconds(1).toMillis());
			this.browser.get(sample("/registry/mine"));

			assertThat(waitFor(By.id("registry-result")).getText()).contains(this.registrationNumber)
				.doesNotContain("no longer accepts")
				.doesNotContain("cannot be reached");
			assertThat(this.browser.getCurrentUrl()).isEqualTo(sample("/registry/mine"));
			assertThat(this.browser.manage().getCookieNamed("JSESSIONID").getValue()).isEqualTo(sessionCookie);
		}
	}

	/**
	 * The citizen withdraws consent at Khyber Pass, which revokes the sample's refresh
	 * tokens: the next renewal is refused, the sample ends its session and sends the
	 * browser to sign in again, where Khyber Pass asks for consent anew; afterwards the
	 * page works again.
	 */
	@Test
	@Order(11)
	void registryOnCitizensBehalfWhenRefreshRevokedByConsentWithdrawalThenSignInAgain() throws InterruptedException {
		this.browser.get(this.system.issuer + "/account/departments");
		waitFor(By.cssSelector("#department-demo-mvr-portal button[type=submit]")).click();
		waitFor(By.id("withdrawn"));
		Thread.sleep(RunningSystem.ACCESS_TOKEN_LIFETIME.dividedBy(2).plusSeconds(1).toMillis());

		this.browser.get(sample("/registry/mine"));

		this.citizen.allow(CitizenBrowser.Cnic.SHARED);
		assertThat(waitFor(By.id("registry-result")).getText()).contains(this.registrationNumber);
		assertThat(this.browser.getCurrentUrl()).isEqualTo(sample("/registry/mine"));
	}

	@Test
	@Order(12)
	void signOutAtKhyberPassThenSampleSessionEndsThroughBackChannelLogout() throws InterruptedException {
		this.browser.get(sample("/"));
		waitFor(By.id("citizen-name"));

		this.browser.get(this.system.issuer + "/login");
		waitFor(By.name("_csrf"));
		((JavascriptExecutor) this.browser).executeScript("""
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/logout';
				form.appendChild(document.querySelector('input[name=_csrf]').cloneNode());
				document.body.appendChild(form);
				form.submit();""");
		this.citizen.waitForUrlContaining("logout");

		Instant deadline = Instant.now().plusSeconds(15);
		boolean redirectedToKhyberPass = false;
		while (!redirectedToKhyberPass && Instant.now().isBefore(deadline)) {
			this.browser.get(sample("/"));
			redirectedToKhyberPass = this.browser.getCurrentUrl().startsWith(this.system.issuer + "/login");
			if (!redirectedToKhyberPass) {
				Thread.sleep(500);
			}
		}
		assertThat(redirectedToKhyberPass).as("the sample's session ended by back-channel logout").isTrue();
	}

	private WebElement waitFor(By locator) {
		return this.citizen.waitFor(locator);
	}

	private String sample(String path) {
		return this.system.department + path;
	}

	private String serviceToken(String clientId, String secret) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(secret, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.system
			.send(HttpRequest.newBuilder(URI.create(this.system.issuer + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=vehicles.read"))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> api(String registration, @Nullable String authorization)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sample("/api/vehicles/" + registration)));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.system.send(request.build());
	}

}
