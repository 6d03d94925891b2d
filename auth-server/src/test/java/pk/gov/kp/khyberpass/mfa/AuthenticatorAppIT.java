package pk.gov.kp.khyberpass.mfa;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class AuthenticatorAppIT {

	static final String CNIC = "35202-1234567-3";

	static final String PASSWORD = "yet-another-long-integration-passphrase";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Test
	void enrolWhenFirstCodeConfirmedThenAppBecomesSecondFactorForStepUp() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.signIn(CNIC, PASSWORD));
		HttpResponse<String> page = browser.get("/account/security/authenticator");
		String secret = page.body()
			.replaceAll("(?s).*<code id=\"secret\"[^>]*>([A-Z2-7 ]+)</code>.*", "$1")
			.replace(" ", "");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", Totp.code(Base32.decode(secret), Totp.stepAt(Instant.now())));
		form.put("_csrf", CitizenAgent.csrf(page.body()));
		HttpResponse<String> confirmed = browser.follow(browser.postForm("/account/security/authenticator", form));

		assertThat(page.body()).contains("src=\"data:image/png;base64,");
		assertThat(confirmed.body()).contains("id=\"authenticator-enrolled\"");
		OidcTestClient client = new OidcTestClient(this.issuer, "it-stepup", "it-stepup-secret-0123456789abcdef0123");
		Attempt attempt = client.attempt("https://stepup.example.test/callback", "openid");
		HttpResponse<String> stepUp = browser
			.follow(browser.get(attempt.uri(client, Map.of("acr_values", "urn:kp:loa:2")).toString()));
		assertThat(stepUp.body()).contains("name=\"code\"").doesNotContain("name=\"password\"");
		String account = this.accounts.findByCnic(Cnic.parse(CNIC)).orElseThrow().id().toString();
		assertThat(this.auditLog.search(null, null, AuditEventType.SECOND_FACTOR_ENROLLED, null, account, null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("factor", "TOTP"));
		assertThat(this.outbox.latestTo("+923331234567")).hasValueSatisfying(
				(sms) -> assertThat(sms.text()).startsWith("Khyber Pass: an authenticator app was added"));
	}

	@Test
	void enrolWhenCodeWrongThenNotEnrolledAndAskedAgain() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.signIn("17301-1234567-2", "a-long-integration-passphrase"));
		HttpResponse<String> page = browser.get("/account/security/authenticator");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", "000000");
		form.put("_csrf", CitizenAgent.csrf(page.body()));

		HttpResponse<String> refused = browser.postForm("/account/security/authenticator", form);

		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("That code is not right").doesNotContain("id=\"authenticator-enrolled\"");
	}

}
