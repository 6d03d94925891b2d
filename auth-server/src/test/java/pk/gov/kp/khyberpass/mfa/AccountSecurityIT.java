package pk.gov.kp.khyberpass.mfa;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account security pages and the SMS and recovery-code factors, end to end through
 * the HTTP port on real PostgreSQL and Redis, with codes read from the development SMS
 * outbox. Each test uses its own seeded citizen. The resend gap is shortened so that a
 * test can send the enrolment code and then a sign-in code.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = "khyberpass.registration.otp.resend-interval=2s")
class AccountSecurityIT {

	static final String CALLBACK = "https://stepup.example.test/callback";

	static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	/**
	 * Tests share citizens across the class: audit entries and messages are looked at
	 * from here on.
	 */
	Instant started;

	@BeforeEach
	void markStart() {
		this.started = Instant.now().minusMillis(1);
	}

	@Test
	void stepUpWhenSmsFactorEnrolledThenCodeBySmsGivesLoa2WithSmsAmr() throws Exception {
		Citizen ayesha = new Citizen("17301-1234567-2", "a-long-integration-passphrase", "+923001234567");
		CitizenAgent browser = signedIn(ayesha);
		HttpResponse<String> added = enrolSms(browser, ayesha);
		pauseForResendGap();
		OidcTestClient client = stepUpClient();
		Attempt attempt = client.attempt(CALLBACK, "openid");
		HttpResponse<String> stepUp = browser
			.follow(browser.get(attempt.uri(client, Map.of("acr_values", "urn:kp:loa:2")).toString()));

		HttpResponse<String> sent = browser.postForm("/login/second-factor/sms", form(stepUp, Map.of()));
		String code = latestCode(ayesha);
		HttpResponse<String> back = browser
			.follow(browser.postForm("/login/second-factor", form(sent, Map.of("code", code))));
		String authorizationCode = CitizenAgent.query(browser.location(back)).get("code");
		JWTClaimsSet idToken = ((OIDCTokenResponse) client.exchange(authorizationCode, attempt)).getOIDCTokens()
			.getIDToken()
			.getJWTClaimsSet();

		assertThat(added.body()).contains("id=\"factor-added\"").contains("On. Codes go to +92300*****67");
		assertThat(stepUp.body()).contains("Send me a code by SMS");
		assertThat(sent.body()).contains("id=\"sms-sent\"").contains("+92300*****67").doesNotContain(code);
		assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:2");
		assertThat(idToken.getStringListClaim("amr")).containsExactly("pwd", "sms", "mfa");
		assertThat(audit(AuditEventType.SECOND_FACTOR_ENROLLED, ayesha)).singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("factor", "SMS"));
		assertThat(audit(AuditEventType.SECOND_FACTOR_SUCCEEDED, ayesha))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("factor", "SMS"));
		assertThat(texts(ayesha)).anyMatch((text) -> text.startsWith("Khyber Pass: codes by SMS were turned on"))
			.filteredOn((text) -> text.startsWith("Khyber Pass: "))
			.noneMatch((text) -> SIX_DIGITS.matcher(text).find());
	}

	@Test
	void stepUpWhenFiveWrongSmsCodesThenThrottledEvenForTheRightCode() {
		Citizen sana = new Citizen("35202-1234567-3", "yet-another-long-integration-passphrase", "+923331234567");
		CitizenAgent browser = signedIn(sana);
		enrolSms(browser, sana);
		pauseForResendGap();
		OidcTestClient client = stepUpClient();
		HttpResponse<String> stepUp = browser.follow(browser
			.get(client.attempt(CALLBACK, "openid").uri(client, Map.of("acr_values", "urn:kp:loa:2")).toString()));
		HttpResponse<String> sent = browser.postForm("/login/second-factor/sms", form(stepUp, Map.of()));
		HttpResponse<String> resentTooSoon = browser.postForm("/login/second-factor/sms", form(stepUp, Map.of()));
		String code = latestCode(sana);
		String wrong = code.equals("000000") ? "000001" : "000000";
		List<HttpResponse<String>> refusals = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			refusals.add(browser.postForm("/login/second-factor", form(sent, Map.of("code", wrong))));
		}

		HttpResponse<String> rightButLate = browser.postForm("/login/second-factor", form(sent, Map.of("code", code)));

		assertThat(resentTooSoon.body()).contains("A code was sent a moment ago").contains("href=\"#sms-send\"");
		assertThat(refusals).allSatisfy((refused) -> assertThat(refused.body()).contains("That code is not right"));
		assertThat(rightButLate.statusCode()).isEqualTo(200);
		assertThat(rightButLate.body()).contains("Too many wrong codes");
		assertThat(audit(AuditEventType.SECOND_FACTOR_FAILED, sana)).hasSize(5);
	}

	@Test
	void regenerateRecoveryCodesWhenPasswordRetypedThenOldCodesRefusedAndNewCodeWorksOnce() {
		Citizen bilal = new Citizen("61101-7654321-1", "another-long-integration-passphrase", "+923111234567");
		CitizenAgent browser = signedIn(bilal);
		HttpResponse<String> page = browser.get("/account/security/recovery-codes");
		HttpResponse<String> wrongPassword = browser.postForm("/account/security/recovery-codes",
				Map.of("password", "not-the-password-at-all", "_csrf", CitizenAgent.csrf(page.body())));

		HttpResponse<String> shown = browser.postForm("/account/security/recovery-codes",
				Map.of("password", bilal.password(), "_csrf", CitizenAgent.csrf(wrongPassword.body())));
		List<String> codes = recoveryCodes(shown.body());

		assertThat(page.body()).contains("name=\"password\"").contains("your old codes stop working");
		assertThat(wrongPassword.body()).contains("The password is not right").contains("href=\"#password\"");
		assertThat(shown.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(codes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("([0-9a-z]{4}-){3}[0-9a-z]{4}"));
		assertThat(stepUpWith(bilal, "rc-two-3333-4444").body()).contains("That code is not right");
		HttpResponse<String> firstUse = stepUpWith(bilal, codes.get(3).toUpperCase());
		assertThat(CitizenAgent.query(new CitizenAgent(this.issuer).location(firstUse))).containsKey("code");
		assertThat(stepUpWith(bilal, codes.get(3)).body()).contains("That code is not right");
		assertThat(audit(AuditEventType.RECOVERY_CODES_GENERATED, bilal)).hasSize(1);
		assertThat(texts(bilal)).anyMatch((text) -> text.startsWith("Khyber Pass: new recovery codes were made"));
	}

	@Test
	void recoveryCodesPageWhenSecondFactorJustGivenThenNoPasswordAsked() {
		Citizen bilal = new Citizen("61101-7654321-1", "another-long-integration-passphrase", "+923111234567");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		OidcTestClient client = stepUpClient();
		HttpResponse<String> stepUp = stepUpPage(browser, client, bilal);
		browser.follow(browser.postForm("/login/second-factor",
				form(stepUp, Map.of("code", FreshTotp.code(StepUpIT.TOTP_SECRET)))));

		HttpResponse<String> page = browser.get("/account/security/recovery-codes");

		assertThat(page.body()).contains("id=\"generate\"").doesNotContain("name=\"password\"");
	}

	@Test
	void removeTotpWhenConfirmedThenTotpNoLongerAcceptedAndCitizenWarned() {
		Citizen zainab = new Citizen("14101-2345678-9", "a-fourth-long-integration-passphrase", "+923451234567");
		byte[] secret = Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		CitizenAgent browser = signedIn(zainab);
		HttpResponse<String> overview = browser.get("/account/security");
		HttpResponse<String> confirm = browser.get("/account/security/remove?factor=TOTP");

		HttpResponse<String> removed = browser.follow(browser.postForm("/account/security/remove",
				Map.of("factor", "TOTP", "_csrf", CitizenAgent.csrf(confirm.body()))));
		HttpResponse<String> refused = stepUpWith(zainab, FreshTotp.code(secret));

		assertThat(overview.body()).contains("id=\"remove-totp\"")
			.contains("href=\"/account/security/passkeys\"")
			.contains("Unused recovery codes: 1");
		assertThat(confirm.body()).contains("id=\"last-factor-warning\"").contains("at least 15 characters");
		assertThat(removed.body()).contains("id=\"factor-removed\"").doesNotContain("id=\"remove-totp\"");
		assertThat(refused.body()).contains("That code is not right");
		assertThat(audit(AuditEventType.SECOND_FACTOR_REMOVED, zainab)).singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("factor", "TOTP"));
		assertThat(texts(zainab)).anyMatch((text) -> text.startsWith("Khyber Pass: the authenticator app was removed"));
	}

	@Test
	void removeWhenPostedWithoutCsrfTokenThenForbiddenAndFactorKept() {
		Citizen zainab = new Citizen("14101-2345678-9", "a-fourth-long-integration-passphrase", "+923451234567");
		CitizenAgent browser = signedIn(zainab);

		HttpResponse<String> forged = browser.postForm("/account/security/remove", Map.of("factor", "SMS"));
		HttpResponse<String> unknown = browser.get("/account/security/remove?factor=PASSWORD");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	@Test
	void removeSmsFactorWhenConfirmedThenSmsNoLongerOffered() {
		Citizen ayesha = new Citizen("17301-1234567-2", "a-long-integration-passphrase", "+923001234567");
		CitizenAgent browser = signedIn(ayesha);
		if (!browser.get("/account/security").body().contains("id=\"remove-sms\"")) {
			enrolSms(browser, ayesha);
		}
		HttpResponse<String> confirm = browser.get("/account/security/remove?factor=SMS");

		HttpResponse<String> removed = browser.follow(browser.postForm("/account/security/remove",
				Map.of("factor", "SMS", "_csrf", CitizenAgent.csrf(confirm.body()))));

		assertThat(confirm.body()).contains("Turn off codes by SMS?").contains("id=\"last-factor-warning\"");
		assertThat(removed.body()).contains("id=\"factor-removed\"").contains("Turn on codes by SMS");
		assertThat(audit(AuditEventType.SECOND_FACTOR_REMOVED, ayesha))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("factor", "SMS"));
		assertThat(texts(ayesha)).anyMatch((text) -> text.startsWith("Khyber Pass: codes by SMS were turned off"));
		OidcTestClient client = stepUpClient();
		HttpResponse<String> stepUp = browser
			.get(client.attempt(CALLBACK, "openid").uri(client, Map.of("acr_values", "urn:kp:loa:2")).toString());
		assertThat(CitizenAgent.query(browser.location(stepUp))).containsEntry("error",
				"unmet_authentication_requirements");
	}

	@Test
	void enrolSmsWhenCodeWrongThenErrorSummaryLinksToTheField() {
		Citizen zainab = new Citizen("14101-2345678-9", "a-fourth-long-integration-passphrase", "+923451234567");
		CitizenAgent browser = signedIn(zainab);
		pauseForResendGap();
		HttpResponse<String> start = browser.get("/account/security/sms");
		HttpResponse<String> codePage = browser
			.follow(browser.postForm("/account/security/sms/send", Map.of("_csrf", CitizenAgent.csrf(start.body()))));
		String wrong = latestCode(zainab).equals("000000") ? "000001" : "000000";

		HttpResponse<String> refused = browser.postForm("/account/security/sms",
				Map.of("code", wrong, "_csrf", CitizenAgent.csrf(codePage.body())));
		HttpResponse<String> malformed = browser.postForm("/account/security/sms",
				Map.of("code", "12ab", "_csrf", CitizenAgent.csrf(codePage.body())));

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("href=\"#code\"")
			.contains("That code is not right")
			.contains("aria-invalid=\"true\"");
		assertThat(malformed.body()).contains("Enter the 6 digits of the code");
		assertThat(audit(AuditEventType.SECOND_FACTOR_ENROLLED, zainab)).isEmpty();
	}

	@Test
	void pagesWhenUrduOrPashtoThenRightToLeftTranslatedWithoutInlineScriptOrStyle() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = send(http, HttpRequest.newBuilder(this.issuer.resolve("/login")).GET(), "en");
		send(http,
				HttpRequest.newBuilder(this.issuer.resolve("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("username=61101-7654321-1"
							+ "&password=another-long-integration-passphrase&_csrf=" + CitizenAgent.csrf(login))),
				"en");
		Map<String, String> urdu = Map.of("/account/security", "اکاؤنٹ کی حفاظت", "/account/security/sms",
				"ایس ایم ایس کوڈ", "/account/security/recovery-codes", "ریکوری کوڈ",
				"/account/security/remove?factor=TOTP", "کیا تصدیقی ایپ ہٹا دی جائے؟", "/login/second-factor",
				"تصدیق کریں کہ یہ آپ ہیں");
		Map<String, String> pashto = Map.of("/account/security", "د حساب امنیت", "/account/security/recovery-codes",
				"د بیا رغونې کوډونه");

		for (Map.Entry<String, String> page : urdu.entrySet()) {
			String html = send(http, HttpRequest.newBuilder(this.issuer.resolve(page.getKey())).GET(), "ur-PK");
			assertThat(html).as(page.getKey())
				.contains("lang=\"ur-PK\"", "dir=\"rtl\"", page.getValue())
				.doesNotContain("<script", "style=", "<style", "onclick", "??");
		}
		for (Map.Entry<String, String> page : pashto.entrySet()) {
			assertThat(send(http, HttpRequest.newBuilder(this.issuer.resolve(page.getKey())).GET(), "ps"))
				.as(page.getKey())
				.contains("lang=\"ps\"", "dir=\"rtl\"", page.getValue());
		}
	}

	private static String send(HttpClient http, HttpRequest.Builder request, String language) throws Exception {
		return http
			.send(request.header("Accept-Language", language).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	/**
	 * Waits out the resend gap first: another test may just have sent a code to the same
	 * number.
	 */
	private HttpResponse<String> enrolSms(CitizenAgent browser, Citizen citizen) {
		pauseForResendGap();
		HttpResponse<String> start = browser.get("/account/security/sms");
		HttpResponse<String> codePage = browser
			.follow(browser.postForm("/account/security/sms/send", Map.of("_csrf", CitizenAgent.csrf(start.body()))));
		assertThat(codePage.body()).contains("name=\"code\"");
		return browser.follow(browser.postForm("/account/security/sms",
				Map.of("code", latestCode(citizen), "_csrf", CitizenAgent.csrf(codePage.body()))));
	}

	/**
	 * A fresh browser that signs in for a loa:2 request and answers the step-up page with
	 * {@code code}.
	 */
	private HttpResponse<String> stepUpWith(Citizen citizen, String code) {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		HttpResponse<String> stepUp = stepUpPage(browser, stepUpClient(), citizen);
		HttpResponse<String> answer = browser.postForm("/login/second-factor", form(stepUp, Map.of("code", code)));
		return CitizenAgent.isRedirect(answer) ? browser.follow(answer) : answer;
	}

	private HttpResponse<String> stepUpPage(CitizenAgent browser, OidcTestClient client, Citizen citizen) {
		Attempt attempt = client.attempt(CALLBACK, "openid");
		browser.follow(browser.get(attempt.uri(client, Map.of("acr_values", "urn:kp:loa:2")).toString()));
		HttpResponse<String> stepUp = browser.follow(browser.signIn(citizen.cnic(), citizen.password()));
		assertThat(stepUp.body()).contains("name=\"code\"");
		return stepUp;
	}

	private CitizenAgent signedIn(Citizen citizen) {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.signIn(citizen.cnic(), citizen.password()));
		return browser;
	}

	private OidcTestClient stepUpClient() {
		return new OidcTestClient(this.issuer, "it-stepup", "it-stepup-secret-0123456789abcdef0123");
	}

	private String latestCode(Citizen citizen) {
		SmsMessage message = this.outbox.latestTo(citizen.mobile()).orElseThrow();
		Matcher matcher = SIX_DIGITS.matcher(message.text());
		assertThat(matcher.find()).as("a code in the latest SMS").isTrue();
		return matcher.group(1);
	}

	private List<String> texts(Citizen citizen) {
		return this.outbox.messages()
			.stream()
			.filter((delivered) -> delivered.sentAt().isAfter(this.started))
			.map(DevelopmentSmsOutbox.Delivered::message)
			.filter((message) -> message.to().equals(citizen.mobile()))
			.map(SmsMessage::text)
			.toList();
	}

	private List<AuditEntry> audit(AuditEventType type, Citizen citizen) {
		String account = this.accounts.findByCnic(Cnic.parse(citizen.cnic())).orElseThrow().id().toString();
		return this.auditLog.search(this.started, null, type, null, account, null, 50);
	}

	private static Map<String, String> form(HttpResponse<String> page, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("continue",
				page.body().replaceAll("(?s).*name=\"continue\" value=\"([^\"]*)\".*", "$1").replace("&amp;", "&"));
		form.put("_csrf", CitizenAgent.csrf(page.body()));
		return form;
	}

	private static List<String> recoveryCodes(String html) {
		Matcher matcher = Pattern.compile("<code class=\"recovery-code\">([^<]+)</code>").matcher(html);
		List<String> codes = new ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return codes;
	}

	/**
	 * The resend gap is 2 s in this class: the enrolment code and a sign-in code go to
	 * the same number.
	 */
	private static void pauseForResendGap() {
		try {
			Thread.sleep(2_100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Citizen(String cnic, String password, String mobile) {
	}

}
