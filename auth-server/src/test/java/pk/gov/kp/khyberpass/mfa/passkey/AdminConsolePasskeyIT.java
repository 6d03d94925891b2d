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

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole admin path without a minted token: the first administrator (bootstrapped from configuration)
 * adds a passkey, signs in to the admin console's client with it alone ({@code urn:kp:loa:3}), gets an
 * access token from the token endpoint, and the admin API accepts it; an MFA reset through it removes a
 * citizen's passkey. Lives beside the passkey tests for their software authenticator.
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DATA_CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

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

	/** The real path: a passkey sign-in to the console client, the code exchanged for an access token. */
	private String consoleToken(String admin) throws Exception {
		TestAuthenticator authenticator = registerPasskey(admin, ADMIN_CNIC, ADMIN_PASSWORD);
		OidcTestClient console = new OidcTestClient(this.issuer, "khyberpass-admin-console",
				"it-admin-console-secret-0123456789abcdef");
		Attempt attempt = console.attempt(CONSOLE_CALLBACK, "openid");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		HttpResponse<String> loginPage = browser.follow(browser.get(attempt.uri(console).toString()));
		String csrf = CitizenAgent.csrf(loginPage.body());
		JsonNode options = JSON.readTree(browser.postJson("/login/passkey/options", "{}", csrf).body());
		byte[] challenge = Base64.getUrlDecoder().decode(options.get("challenge").asString());
		HttpResponse<String> signIn = browser.postJson("/login/passkey", JSON.writeValueAsString(authenticator
			.assertion(challenge, this.issuer.toString(), this.issuer.getHost(), TestAuthenticator.UP_UV, 1)), csrf);
		String next = JSON.readTree(signIn.body()).get("redirect").asString();
		Map<String, String> callback = CitizenAgent.query(browser.location(browser.follow(browser.get(next))));
		return console.exchange(callback.get("code"), attempt)
			.toSuccessResponse()
			.getTokens()
			.getAccessToken()
			.getValue();
	}

	private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.issuer.resolve(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
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
