package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountAdministration;
import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.Outboxes;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole admin path without a minted token: the first administrator (bootstrapped from
 * configuration) adds a passkey, signs in to the admin console's client with it alone
 * ({@code urn:kp:loa:3}), gets an access token from the token endpoint, and the admin API
 * accepts it; an MFA reset through it removes a citizen's passkey, and a forced password
 * reset stops a citizen's passkey (sign-in and step-up) until the citizen recovers the
 * account. Lives beside the passkey tests for their software authenticator.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=https://admin-api.integration.test",
		"khyberpass.admin.bootstrap-cnic=17301-5550001-1" })
class AdminConsolePasskeyIT {

	private static final String ADMIN_CNIC = "17301-5550001-1";

	private static final String ADMIN_PASSWORD = "admin-alpha-long-integration-passphrase";

	private static final String CITIZEN_CNIC = "17301-5550003-3";

	private static final String CITIZEN_PASSWORD = "auditor-charlie-long-integration-passphrase";

	private static final String CONSOLE_CALLBACK = "https://admin-console.integration.test/callback";

	/**
	 * A citizen whose password is forced to reset and then recovered (Incident Echo in
	 * the integration seed).
	 */
	private static final String RESET_CNIC = "17301-5550005-5";

	private static final String RESET_PASSWORD = "incident-echo-long-integration-passphrase";

	/**
	 * A citizen whose password is expired while a session waits for step-up (Incident
	 * Foxtrot).
	 */
	private static final String STEP_UP_CNIC = "17301-5550006-6";

	private static final String STEP_UP_PASSWORD = "incident-foxtrot-long-integration-passphrase";

	private static final Pattern CODE = Pattern.compile("([0-9]{6})");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATA_CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountAdministration administration;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Test
	void consoleSignInWhenPasskeyThenAccessTokenAcceptedByTheAdminApi() throws Exception {
		String admin = accountId(ADMIN_CNIC);

		String accessToken = consoleToken(admin);
		HttpResponse<String> me = call("GET", "/admin/api/me", accessToken, null);

		JWTClaimsSet claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
		assertThat(claims.getStringClaim("acr")).isEqualTo("urn:kp:loa:3");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("khyberpass-admin-console");
		assertThat(claims.getAudience()).containsExactly("https://admin-api.integration.test");
		assertThat(claims.getSubject()).isEqualTo(admin);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(JSON.readTree(me.body()).get("roles").toString()).isEqualTo("[\"security-admin\"]");
	}

	@Test
	void mfaResetWhenCitizenHasPasskeyThenPasskeyRemoved() throws Exception {
		String citizen = accountId(CITIZEN_CNIC);
		registerPasskey(citizen, CITIZEN_CNIC, CITIZEN_PASSWORD);
		String accessToken = consoleToken(accountId(ADMIN_CNIC));

		HttpResponse<String> reset = call("POST", "/admin/api/citizens/" + citizen + "/mfa-reset", accessToken,
				"{\"reason\":\"lost security key\"}");

		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM passkey_credential WHERE account_id = ?")
			.param(UUID.fromString(citizen))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void forcePasswordResetWhenCitizenHasPasskeyThenPasskeyRefusedUntilRecoveredAndTheCitizenToldWhy()
			throws Exception {
		String citizen = accountId(RESET_CNIC);
		TestAuthenticator passkey = registerPasskey(citizen, RESET_CNIC, RESET_PASSWORD);
		String accessToken = consoleToken(accountId(ADMIN_CNIC));

		HttpResponse<String> reset = call("POST", "/admin/api/citizens/" + citizen + "/password-reset", accessToken,
				"{\"reason\":\"ticket 4714: phone with the passkey stolen\"}");
		HttpResponse<String> refused = passkeySignIn(new CitizenAgent(this.issuer), passkey, 1);
		recover(RESET_CNIC, "1983-05-05", "+923005550005", "a new passphrase after the stolen phone");
		HttpResponse<String> after = passkeySignIn(new CitizenAgent(this.issuer), passkey, 2);

		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(refused.body()).get("error").asString()).isEqualTo("resetRequired");
		assertThat(JSON.readTree(refused.body()).get("redirect").asString()).isEqualTo("/login?reset-required");
		assertThat(this.auditLog.search(null, null, AuditEventType.PASSKEY_ASSERTION_FAILED, null, citizen, null, 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("ceremony", "sign-in")
				.containsEntry("reason", "password-reset-required"));
		assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
		assertThat(JSON.readTree(after.body()).get("redirect").asString()).isEqualTo("/");
		assertThat(JSON.readTree(call("GET", "/admin/api/citizens/" + citizen, accessToken, null).body())
			.get("passwordResetRequired")
			.asBoolean()).isFalse();
	}

	/**
	 * The forced reset signs the account out everywhere, so only a session that began in
	 * the same instant can reach step-up afterwards: the mark is set alone here to be
	 * that session.
	 */
	@Test
	void stepUpWhenPasswordResetForcedMeanwhileThenRefusedAndTheSessionEnded() throws Exception {
		String citizen = accountId(STEP_UP_CNIC);
		TestAuthenticator passkey = registerPasskey(citizen, STEP_UP_CNIC, STEP_UP_PASSWORD);
		OidcTestClient department = new OidcTestClient(this.issuer, "it-stepup",
				"it-stepup-secret-0123456789abcdef0123");
		Attempt attempt = department.attempt("https://stepup.example.test/callback", "openid");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.get(attempt.uri(department, Map.of("acr_values", "urn:kp:loa:3")).toString()));
		HttpResponse<String> page = browser.follow(browser.signIn(STEP_UP_CNIC, STEP_UP_PASSWORD));
		String csrf = matched(DATA_CSRF, page.body());
		String finishUrl = matched(Pattern.compile("data-finish-url=\"([^\"]+)\""), page.body()).replace("&amp;", "&");
		JsonNode options = JSON.readTree(browser.postJson("/login/second-factor/passkey/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		this.administration.requirePasswordReset(AccountId.parse(citizen));

		HttpResponse<String> stepUp = browser.postJson(finishUrl, JSON.writeValueAsString(passkey.assertion(challenge,
				this.issuer.toString(), this.issuer.getHost(), TestAuthenticator.UP_UV, 1)), csrf);

		assertThat(stepUp.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(stepUp.body()).get("redirect").asString()).isEqualTo("/login?reset-required");
		HttpResponse<String> account = browser.get("/account");
		assertThat(account.statusCode()).isEqualTo(302);
		assertThat(browser.location(account).getPath()).isEqualTo("/login");
		assertThat(this.auditLog.search(null, null, AuditEventType.PASSKEY_ASSERTION_FAILED, null, citizen, null, 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("ceremony", "step-up")
				.containsEntry("reason", "password-reset-required"));
	}

	/**
	 * The real path: a passkey sign-in to the console client, the code exchanged for an
	 * access token.
	 */
	private String consoleToken(String admin) throws Exception {
		TestAuthenticator authenticator = registerPasskey(admin, ADMIN_CNIC, ADMIN_PASSWORD);
		OidcTestClient console = new OidcTestClient(this.issuer, "khyberpass-admin-console",
				"it-admin-console-secret-0123456789abcdef");
		Attempt attempt = console.attempt(CONSOLE_CALLBACK, "openid");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.get(attempt.uri(console).toString()));
		HttpResponse<String> signIn = passkeySignIn(browser, authenticator, 1);
		String next = JSON.readTree(signIn.body()).get("redirect").asString();
		Map<String, String> callback = CitizenAgent.query(browser.location(browser.follow(browser.get(next))));
		return console.exchange(callback.get("code"), attempt)
			.toSuccessResponse()
			.getTokens()
			.getAccessToken()
			.getValue();
	}

	/**
	 * "Sign in with a passkey" on the sign-in page the browser is on (or a fresh one).
	 */
	private HttpResponse<String> passkeySignIn(CitizenAgent browser, TestAuthenticator authenticator, long counter)
			throws Exception {
		String csrf = CitizenAgent.csrf(browser.get("/login").body());
		JsonNode options = JSON.readTree(browser.postJson("/login/passkey/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		return browser.postJson("/login/passkey", JSON.writeValueAsString(authenticator.assertion(challenge,
				this.issuer.toString(), this.issuer.getHost(), TestAuthenticator.UP_UV, counter)), csrf);
	}

	/**
	 * Password recovery through the real pages: CNIC and birth date, the code sent by
	 * SMS, a new password.
	 */
	private void recover(String cnic, String birthDate, String mobile, String newPassword) {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.postForm("/recover", Map.of("cnic", cnic, "birthDate", birthDate, "_csrf",
				CitizenAgent.csrf(browser.get("/recover").body())));
		String sms = Outboxes.awaitSms(this.outbox, mobile, "reset code")
			.orElseThrow(() -> new AssertionError("No reset code sent"))
			.text();
		browser.postForm("/recover/verify",
				Map.of("code", matched(CODE, sms), "_csrf", CitizenAgent.csrf(browser.get("/recover/verify").body())));
		HttpResponse<String> done = browser.postForm("/recover/password", Map.of("password", newPassword,
				"confirmPassword", newPassword, "_csrf", CitizenAgent.csrf(browser.get("/recover/password").body())));
		assertThat(browser.location(done).toString()).endsWith("/login?recovered");
	}

	private static String matched(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("Not found: " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

	private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.issuer.resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String accountId(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id().toString();
	}

	private TestAuthenticator registerPasskey(String account, String cnic, String password) throws Exception {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.signIn(cnic, password));
		Matcher page = DATA_CSRF.matcher(browser.get("/account/security/passkeys").body());
		assertThat(page.find()).isTrue();
		String csrf = page.group(1);
		JsonNode options = JSON.readTree(browser.postJson("/account/security/passkeys/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		TestAuthenticator authenticator = new TestAuthenticator();
		PasskeyJson.Attestation credential = authenticator.register(challenge, this.issuer.toString(),
				this.issuer.getHost(), TestAuthenticator.UP_UV);
		HttpResponse<String> registered = browser.postJson("/account/security/passkeys",
				JSON.writeValueAsString(new PasskeyJson.Registration("Admin key", credential)), csrf);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
		return authenticator.userHandle(this.jdbc.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(UUID.fromString(account))
			.query(byte[].class)
			.single());
	}

}
