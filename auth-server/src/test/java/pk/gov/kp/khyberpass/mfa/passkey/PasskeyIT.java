package pk.gov.kp.khyberpass.mfa.passkey;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys over real HTTP against PostgreSQL and Redis, with a software authenticator
 * ({@link TestAuthenticator}) in place of the browser: registration through the account
 * endpoints, sign-in by passkey alone through a department's authorization request, and
 * the refusals (another origin, a replayed assertion, a removed passkey), each audited.
 */
@KhyberPassIntegrationTest
class PasskeyIT {

	static final String CITIZEN = "17101-2345678-5";

	static final String PASSWORD = "passkey-integration-long-passphrase";

	static final String MOBILE = "+923451234571";

	static final String CALLBACK = "https://stepup.example.test/callback";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATA_CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccountService accounts;

	@Autowired
	DevelopmentSmsOutbox outbox;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OidcTestClient client;

	String rpId;

	String account;

	@BeforeEach
	void setUp() {
		this.client = new OidcTestClient(this.issuer, "it-stepup", "it-stepup-secret-0123456789abcdef0123");
		this.rpId = this.issuer.getHost();
		this.account = this.accounts.findByCnic(Cnic.parse(CITIZEN)).orElseThrow().id().toString();
		// Test classes share one context: start each test from a citizen without
		// passkeys.
		this.jdbc.sql("DELETE FROM passkey_credential WHERE account_id = ?")
			.param(java.util.UUID.fromString(this.account))
			.update();
	}

	@Test
	void registerWhenCeremonyValidThenStoredAuditedAndCitizenTextedInTheirLanguage() throws Exception {
		TestAuthenticator authenticator = new TestAuthenticator();

		HttpResponse<String> response = register(signedIn(), authenticator, "Work phone");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(response.body()).get("redirect").asString())
			.isEqualTo("/account/security/passkeys?added");
		assertThat(this.jdbc.sql("SELECT name FROM passkey_credential WHERE credential_id = ?")
			.param(authenticator.credentialIdText())
			.query(String.class)
			.single()).isEqualTo("Work phone");
		assertThat(audited(AuditEventType.PASSKEY_REGISTERED)).isNotEmpty();
		assertThat(this.outbox.latestTo(MOBILE))
			.hasValueSatisfying((sms) -> assertThat(sms.text()).contains("Work phone").contains("added"));
	}

	@Test
	void registerWhenNameMissingThenRefusedWithNameError() throws Exception {
		CitizenAgent browser = signedIn();
		String csrf = pageCsrf(browser);
		JsonNode options = JSON.readTree(browser.postJson("/account/security/passkeys/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		PasskeyJson.Attestation credential = new TestAuthenticator().register(challenge, this.issuer.toString(),
				this.rpId, TestAuthenticator.UP_UV);

		HttpResponse<String> response = browser.postJson("/account/security/passkeys",
				JSON.writeValueAsString(new PasskeyJson.Registration("  ", credential)), csrf);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"name\"");
	}

	@Test
	void signInWhenPasskeyAloneThenAuthorizationContinuesAndIdTokenIsLoa3() throws Exception {
		TestAuthenticator authenticator = registered("Laptop");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		HttpResponse<String> loginPage = browser.follow(browser.get(attempt.uri(this.client).toString()));

		HttpResponse<String> signIn = passkeySignIn(browser, CitizenAgent.csrf(loginPage.body()), authenticator,
				this.issuer.toString(), 1);
		String next = JSON.readTree(signIn.body()).get("redirect").asString();
		Map<String, String> callback = CitizenAgent.query(browser.location(browser.follow(browser.get(next))));
		JWTClaimsSet idToken = ((OIDCTokenResponse) this.client.exchange(callback.get("code"), attempt)).getOIDCTokens()
			.getIDToken()
			.getJWTClaimsSet();

		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:3");
		assertThat(idToken.getStringListClaim("amr")).containsExactly("hwk", "user", "mfa");
		assertThat(idToken.getDateClaim("auth_time")).isNotNull();
		assertThat(audited(AuditEventType.SIGN_IN_SUCCEEDED))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("method", "passkey"));
	}

	@Test
	void signInWhenAssertionMadeForAnotherOriginThenRefusedAndAudited() throws Exception {
		TestAuthenticator authenticator = registered("Tablet");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		String csrf = CitizenAgent.csrf(browser.get("/login").body());

		HttpResponse<String> response = passkeySignIn(browser, csrf, authenticator, "https://khyber-pass.example", 1);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("refused");
		assertThat(audited(AuditEventType.PASSKEY_ASSERTION_FAILED))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("reason", "BadOriginException")
				.containsEntry("ceremony", "sign-in"));
		assertThat(browser.get("/account/security/passkeys").statusCode()).isEqualTo(302);
	}

	@Test
	void signInWhenSameAssertionPostedTwiceThenSecondRefused() throws Exception {
		TestAuthenticator authenticator = registered("Desktop");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		String csrf = CitizenAgent.csrf(browser.get("/login").body());
		String assertion = JSON.writeValueAsString(authenticator.assertion(signInChallenge(browser, csrf),
				this.issuer.toString(), this.rpId, TestAuthenticator.UP_UV, 1));
		assertThat(browser.postJson("/login/passkey", assertion, csrf).statusCode()).isEqualTo(200);
		CitizenAgent attacker = new CitizenAgent(this.issuer);
		String attackerCsrf = CitizenAgent.csrf(attacker.get("/login").body());

		HttpResponse<String> replay = attacker.postJson("/login/passkey", assertion, attackerCsrf);

		assertThat(replay.statusCode()).isEqualTo(400);
	}

	@Test
	void signInWhenNoCsrfTokenThenForbidden() throws Exception {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.get("/login");

		HttpResponse<String> response = browser.postJson("/login/passkey/options", "{}", "not-the-token");

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void authorizeWhenLoa3AskedAndCitizenHasPasskeyThenStepUpOffersOnlyThePasskey() throws Exception {
		registered("Phone");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		browser.follow(browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:3")).toString()));

		HttpResponse<String> response = browser.follow(browser.signIn(CITIZEN, PASSWORD));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("id=\"passkey-step-up\"")
			.contains("id=\"passkey-only\"")
			.doesNotContain("name=\"code\"");
	}

	@Test
	void authorizeWhenLoa2AskedAndCitizenHasOnlyAPasskeyThenStepUpOffersIt() throws Exception {
		registered("Only factor");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		browser.follow(browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:2")).toString()));

		HttpResponse<String> response = browser.follow(browser.signIn(CITIZEN, PASSWORD));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("id=\"passkey-step-up\"").doesNotContain("id=\"passkey-only\"");
	}

	@Test
	void renameWhenNameBlankThenPageShowsErrorSummaryLinkedToField() throws Exception {
		TestAuthenticator authenticator = registered("Keep");
		CitizenAgent owner = signedIn();
		String id = this.jdbc.sql("SELECT id FROM passkey_credential WHERE credential_id = ?")
			.param(authenticator.credentialIdText())
			.query(String.class)
			.single();
		String csrf = CitizenAgent.csrf(owner.get("/account/security/passkeys").body());

		HttpResponse<String> page = owner.postForm("/account/security/passkeys/" + id + "/name",
				Map.of("_csrf", csrf, "name", "   "));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"error-summary\"")
			.contains("href=\"#name-" + id + "\"")
			.contains("<title>Error: Passkeys");
	}

	@Test
	void stepUpWhenPasskeyOfPasswordSessionThenIdTokenIsLoa3WithPasswordAndPasskey() throws Exception {
		TestAuthenticator authenticator = registered("Key");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		browser.follow(browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:3")).toString()));
		HttpResponse<String> page = browser.follow(browser.signIn(CITIZEN, PASSWORD));
		String csrf = matched(DATA_CSRF, page.body());
		String finishUrl = matched(Pattern.compile("data-finish-url=\"([^\"]+)\""), page.body()).replace("&amp;", "&");
		JsonNode options = JSON.readTree(browser.postJson("/login/second-factor/passkey/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());

		HttpResponse<String> stepUp = browser.postJson(finishUrl, JSON.writeValueAsString(
				authenticator.assertion(challenge, this.issuer.toString(), this.rpId, TestAuthenticator.UP_UV, 1)),
				csrf);
		String next = JSON.readTree(stepUp.body()).get("redirect").asString();
		Map<String, String> callback = CitizenAgent.query(browser.location(browser.follow(browser.get(next))));
		JWTClaimsSet idToken = ((OIDCTokenResponse) this.client.exchange(callback.get("code"), attempt)).getOIDCTokens()
			.getIDToken()
			.getJWTClaimsSet();

		assertThat(options.get("allowCredentials").toString()).contains(authenticator.credentialIdText());
		assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:3");
		assertThat(idToken.getStringListClaim("amr")).contains("pwd", "hwk", "user", "mfa");
	}

	@Test
	void removeWhenConfirmedThenPasskeyNoLongerSignsInAndCitizenTexted() throws Exception {
		TestAuthenticator authenticator = registered("Old phone");
		CitizenAgent owner = signedIn();
		String id = this.jdbc.sql("SELECT id FROM passkey_credential WHERE credential_id = ?")
			.param(authenticator.credentialIdText())
			.query(String.class)
			.single();
		HttpResponse<String> confirmation = owner.get("/account/security/passkeys/" + id + "/remove");

		HttpResponse<String> removed = owner.postForm("/account/security/passkeys/" + id + "/remove",
				Map.of("_csrf", CitizenAgent.csrf(confirmation.body())));
		CitizenAgent browser = new CitizenAgent(this.issuer);
		HttpResponse<String> signIn = passkeySignIn(browser, CitizenAgent.csrf(browser.get("/login").body()),
				authenticator, this.issuer.toString(), 5);

		assertThat(confirmation.body()).contains("Old phone");
		assertThat(removed.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/account/security/passkeys?removed"));
		assertThat(signIn.statusCode()).isEqualTo(400);
		assertThat(audited(AuditEventType.PASSKEY_REMOVED)).isNotEmpty();
		assertThat(this.outbox.latestTo(MOBILE))
			.hasValueSatisfying((sms) -> assertThat(sms.text()).contains("Old phone").contains("removed"));
	}

	@Test
	void removeWhenPasskeyBelongsToAnotherAccountThenNotFound() throws Exception {
		TestAuthenticator authenticator = registered("Not yours");
		String id = this.jdbc.sql("SELECT id FROM passkey_credential WHERE credential_id = ?")
			.param(authenticator.credentialIdText())
			.query(String.class)
			.single();
		CitizenAgent other = new CitizenAgent(this.issuer);
		other.follow(other.signIn("35202-1234567-3", "yet-another-long-integration-passphrase"));
		HttpResponse<String> page = other.get("/account/security/passkeys/" + id + "/remove");

		assertThat(page.statusCode()).isEqualTo(404);
	}

	@Test
	void renameWhenNameGivenThenListShowsIt() throws Exception {
		TestAuthenticator authenticator = registered("Before");
		CitizenAgent owner = signedIn();
		String id = this.jdbc.sql("SELECT id FROM passkey_credential WHERE credential_id = ?")
			.param(authenticator.credentialIdText())
			.query(String.class)
			.single();
		String csrf = CitizenAgent.csrf(owner.get("/account/security/passkeys").body());

		HttpResponse<String> renamed = owner.postForm("/account/security/passkeys/" + id + "/name",
				Map.of("_csrf", csrf, "name", "After"));

		assertThat(renamed.statusCode()).isEqualTo(302);
		assertThat(owner.get("/account/security/passkeys").body()).contains("After");
	}

	private TestAuthenticator registered(String name) throws Exception {
		TestAuthenticator authenticator = new TestAuthenticator();
		HttpResponse<String> response = register(signedIn(), authenticator, name);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		authenticator.userHandle(this.jdbc.sql("SELECT user_handle FROM passkey_user WHERE account_id = ?")
			.param(java.util.UUID.fromString(this.account))
			.query(byte[].class)
			.single());
		return authenticator;
	}

	private HttpResponse<String> register(CitizenAgent browser, TestAuthenticator authenticator, String name)
			throws Exception {
		String csrf = pageCsrf(browser);
		JsonNode options = JSON.readTree(browser.postJson("/account/security/passkeys/options", "{}", csrf).body());
		assertThat(options.get("rp").get("id").asString()).isEqualTo(this.rpId);
		assertThat(options.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
		assertThat(options.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		PasskeyJson.Attestation credential = authenticator.register(challenge, this.issuer.toString(), this.rpId,
				TestAuthenticator.UP_UV);
		return browser.postJson("/account/security/passkeys",
				JSON.writeValueAsString(new PasskeyJson.Registration(name, credential)), csrf);
	}

	private HttpResponse<String> passkeySignIn(CitizenAgent browser, String csrf, TestAuthenticator authenticator,
			String origin, long counter) throws Exception {
		byte[] challenge = signInChallenge(browser, csrf);
		return browser.postJson("/login/passkey", JSON.writeValueAsString(
				authenticator.assertion(challenge, origin, this.rpId, TestAuthenticator.UP_UV, counter)), csrf);
	}

	private byte[] signInChallenge(CitizenAgent browser, String csrf) throws Exception {
		JsonNode options = JSON.readTree(browser.postJson("/login/passkey/options", "{}", csrf).body());
		assertThat(options.get("allowCredentials")).isEmpty();
		return Base64.getUrlDecoder().decode(options.get("challenge").asString());
	}

	private CitizenAgent signedIn() {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		browser.follow(browser.signIn(CITIZEN, PASSWORD));
		return browser;
	}

	private String pageCsrf(CitizenAgent browser) {
		return matched(DATA_CSRF, browser.get("/account/security/passkeys").body());
	}

	private List<AuditEntry> audited(AuditEventType type) {
		return this.auditLog.search(null, null, type, null, null, null, 50)
			.stream()
			.filter((entry) -> entry.event().subject().equals(this.account))
			.toList();
	}

	private static String matched(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("Not found: " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

}
