package pk.gov.kp.khyberpass.account.recovery;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.notify.SmsMessage;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.Outboxes;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password recovery through the real pages, on PostgreSQL and Redis (indexed Spring
 * Session), with the development SMS outbox.
 */
@KhyberPassIntegrationTest
class RecoveryIT {

	static final String CNIC = "17301-9100001-1";

	static final String MOBILE = "+923459100001";

	static final String OLD_PASSWORD = "selfservice-recovery-passphrase-one";

	static final String NEW_PASSWORD = "a brand new passphrase for the frontier road";

	private static final Pattern CODE = Pattern.compile("([0-9]{6})");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	AuditLog auditLog;

	@Test
	void recoverWhenCodeRightThenNewPasswordWorksAndOldSessionsAndRefreshTokensEnded() {
		CitizenAgent otherDevice = new CitizenAgent(this.issuer);
		OidcTestClient client = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		Attempt attempt = client.attempt("https://rp.example.test/callback", "openid");
		String code = client.authorize(otherDevice, attempt, CNIC, OLD_PASSWORD).get("code");
		RefreshToken refreshToken = ((OIDCTokenResponse) client.exchange(code, attempt)).getOIDCTokens()
			.getRefreshToken();
		assertThat(otherDevice.get("/account").statusCode()).isEqualTo(200);
		CitizenAgent browser = new CitizenAgent(this.issuer);

		HttpResponse<String> started = start(browser, CNIC, "1988-03-03");
		HttpResponse<String> verified = submitCode(browser, codeSentTo(MOBILE, "reset code"));
		HttpResponse<String> done = setPassword(browser, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(browser.location(started).getPath()).isEqualTo("/recover/verify");
		assertThat(browser.location(verified).getPath()).isEqualTo("/recover/password");
		assertThat(browser.location(done).toString()).endsWith("/login?recovered");
		assertThat(browser.get("/login?recovered").body()).contains("id=\"recovered\"");
		assertThat(signInLocation(CNIC, OLD_PASSWORD)).endsWith("/login?error");
		assertThat(signInLocation(CNIC, NEW_PASSWORD)).doesNotContain("error");
		assertThat(errorCode(client.token(new RefreshTokenGrant(refreshToken)))).isEqualTo("invalid_grant");
		HttpResponse<String> otherAfter = otherDevice.get("/account");
		assertThat(otherAfter.statusCode()).isEqualTo(302);
		assertThat(otherDevice.location(otherAfter).getPath()).isEqualTo("/login");
		assertThat(awaitSms(MOBILE, "password was changed")).isPresent();
		assertThat(types()).contains(AuditEventType.RECOVERY_STARTED, AuditEventType.PASSWORD_RESET);
	}

	@Test
	void recoverWhenCnicUnknownThenSamePageAsKnownAndNoSms() throws InterruptedException {
		CitizenAgent known = new CitizenAgent(this.issuer);
		CitizenAgent unknown = new CitizenAgent(this.issuer);
		int before = this.outbox.messages().size();

		HttpResponse<String> knownStart = start(known, "17301-9100009-9", "1994-11-11");
		HttpResponse<String> unknownStart = start(unknown, "17301-9999999-1", "1994-11-11");
		HttpResponse<String> wrongBirthDate = start(new CitizenAgent(this.issuer), "17301-9100009-9", "1994-11-12");

		assertThat(known.location(unknownStart)).isEqualTo(known.location(knownStart));
		assertThat(known.location(wrongBirthDate)).isEqualTo(known.location(knownStart));
		assertThat(withoutCsrf(unknown.get("/recover/verify").body()))
			.isEqualTo(withoutCsrf(known.get("/recover/verify").body()));
		String wrong = wrongCodeFor(codeSentTo("+923459100009", "reset code"));
		assertThat(withoutCsrf(submitCode(unknown, wrong).body()))
			.isEqualTo(withoutCsrf(submitCode(known, wrong).body()))
			.contains("That code is not right.");
		Thread.sleep(300);
		assertThat(this.outbox.messages()).hasSize(before + 1);
		assertThat(unknown.get("/recover/password").statusCode()).isEqualTo(302);
	}

	@Test
	void recoverWhenTooManyRequestsForOneCnicThenThrottledAndNoCode() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		for (int i = 0; i < 3; i++) {
			assertThat(start(browser, "17301-8888888-1", "1970-01-01").statusCode()).isEqualTo(302);
		}

		HttpResponse<String> fourth = start(browser, "17301-8888888-1", "1970-01-01");

		assertThat(fourth.statusCode()).isEqualTo(200);
		assertThat(fourth.body()).contains("<a href=\"#cnic\">Too many password reset requests.");
	}

	@Test
	void recoverWhenNewPasswordTooShortThenPolicyMessageLinkedToField() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		start(browser, "17301-9100007-7", "1987-04-14");
		submitCode(browser, codeSentTo("+923459100007", "reset code"));

		HttpResponse<String> page = setPassword(browser, "short pass", "short pass");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<a href=\"#password\">Your password must be at least 15 characters long.</a>")
			.contains("aria-invalid=\"true\"");
	}

	@Test
	void recoverPageWhenUrduOrPashtoThenRightToLeftAndTranslated() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (String[] language : new String[][] { { "ur", "اپنا پاس ورڈ نیا کریں" }, { "ps", "خپل پټنوم نوی کړئ" } }) {
			HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(this.issuer.resolve("/recover"))
				.header("Accept-Language", language[0])
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("dir=\"rtl\"", language[1]).doesNotContain("Reset your password");
		}
	}

	private HttpResponse<String> start(CitizenAgent browser, String cnic, String birthDate) {
		HttpResponse<String> form = browser.get("/recover");
		return browser.postForm("/recover",
				Map.of("cnic", cnic, "birthDate", birthDate, "_csrf", CitizenAgent.csrf(form.body())));
	}

	private HttpResponse<String> submitCode(CitizenAgent browser, String code) {
		HttpResponse<String> page = browser.get("/recover/verify");
		return browser.postForm("/recover/verify", Map.of("code", code, "_csrf", CitizenAgent.csrf(page.body())));
	}

	private HttpResponse<String> setPassword(CitizenAgent browser, String password, String confirmation) {
		HttpResponse<String> page = browser.get("/recover/password");
		return browser.postForm("/recover/password",
				Map.of("password", password, "confirmPassword", confirmation, "_csrf", CitizenAgent.csrf(page.body())));
	}

	private String signInLocation(String username, String password) {
		CitizenAgent agent = new CitizenAgent(this.issuer);
		return agent.location(agent.signIn(username, password)).toString();
	}

	private String codeSentTo(String mobile, String marker) {
		SmsMessage message = awaitSms(mobile, marker).orElseThrow(() -> new AssertionError("No SMS to " + mobile));
		Matcher matcher = CODE.matcher(message.text());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private java.util.Optional<SmsMessage> awaitSms(String mobile, String marker) {
		return Outboxes.awaitSms(this.outbox, mobile, marker);
	}

	private List<AuditEventType> types() {
		return this.auditLog.search(null, null, null, null, null, null, 1000)
			.stream()
			.map((entry) -> entry.event().type())
			.toList();
	}

	private static String wrongCodeFor(String code) {
		return code.equals("000000") ? "000001" : "000000";
	}

	private static String withoutCsrf(String html) {
		return html.replaceAll("name=\"_csrf\"[^>]*value=\"[^\"]+\"", "");
	}

	private static String errorCode(TokenResponse response) {
		return ((TokenErrorResponse) response).getErrorObject().getCode();
	}

}
