package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.net.http.HttpResponse;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.protection.SignInThrottle;
import pk.gov.kp.khyberpass.protection.SignInThrottleProperties;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security team's incident actions on a citizen account stop, through real HTTP
 * on real PostgreSQL and Redis: an MFA reset signs the citizen out everywhere (sessions,
 * refresh tokens, access tokens at introspection and userinfo), a forced password reset
 * sends the right password to recovery with a page that says so, and an unlock lifts the
 * sign-in throttle's temporary lock. Each test has a citizen of its own (Incident Golf,
 * Hotel, India in the integration seed), since the actions change accounts for good. The
 * passkey side of a forced reset is in {@code mfa.passkey.AdminConsolePasskeyIT}, beside
 * the software authenticator.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=" + AdminApiTestSupport.AUDIENCE,
		"khyberpass.admin.bootstrap-cnic=" + AdminApiTestSupport.ALPHA_CNIC })
class IncidentActionsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CALLBACK = "https://rp.example.test/callback";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	JwtEncoder jwtEncoder;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	SignInThrottleProperties throttleProperties;

	private AdminApiTestSupport api;

	private String admin = "";

	private String token = "";

	private OidcTestClient department;

	@BeforeEach
	void setUp() {
		this.api = new AdminApiTestSupport(this.jwtEncoder, this.issuer);
		this.admin = accountId(AdminApiTestSupport.ALPHA_CNIC);
		this.token = this.api.adminToken(this.admin);
		this.department = new OidcTestClient(this.issuer, "it-confidential", "it-confidential-secret-0123456789abcdef");
	}

	@Test
	void mfaResetWhenCitizenSignedInThenSignedOutEverywhereAndTokensDeadAtOnce() throws Exception {
		String golf = accountId("17301-5550007-7");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = this.department.attempt(CALLBACK, "openid");
		String code = this.department
			.authorize(browser, attempt, "17301-5550007-7", "incident-golf-long-integration-passphrase")
			.get("code");
		OIDCTokens tokens = ((OIDCTokenResponse) this.department.exchange(code, attempt)).getOIDCTokens();
		assertThat(browser.get("/account").statusCode()).isEqualTo(200);
		assertThat(isActive(tokens.getAccessToken())).isTrue();

		HttpResponse<String> reset = this.api.post("/admin/api/citizens/" + golf + "/mfa-reset", this.token,
				AdminApiTestSupport.reason("ticket 4711: attacker enrolled an authenticator"));

		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		assertThat(json(reset).get("secondFactor").asBoolean()).isFalse();
		HttpResponse<String> account = browser.get("/account");
		assertThat(account.statusCode()).isEqualTo(302);
		assertThat(browser.location(account).getPath()).isEqualTo("/login");
		assertThat(errorCode(this.department.token(new RefreshTokenGrant(tokens.getRefreshToken()))))
			.isEqualTo("invalid_grant");
		assertThat(isActive(tokens.getAccessToken())).isFalse();
		assertThat(new UserInfoRequest(this.issuer.resolve("/userinfo"), (BearerAccessToken) tokens.getAccessToken())
			.toHTTPRequest()
			.send()
			.getStatusCode()).isEqualTo(401);
		assertThat(this.auditLog.search(null, null, AuditEventType.SECOND_FACTORS_RESET, this.admin, golf, null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("removed", "1")
				.containsEntry("sessionsEnded", "1")
				.containsKey("tokenFamiliesRevoked")
				.containsEntry("reason", "ticket 4711: attacker enrolled an authenticator"));
	}

	@Test
	void forcePasswordResetWhenRightPasswordThenToldToRecoverAndWrongPasswordStillGeneric() {
		String hotel = accountId("17301-5550008-8");

		HttpResponse<String> reset = this.api.post("/admin/api/citizens/" + hotel + "/password-reset", this.token,
				AdminApiTestSupport.reason("ticket 4712: password seen on a phishing site"));

		assertThat(json(reset).get("passwordResetRequired").asBoolean()).isTrue();
		CitizenAgent browser = new CitizenAgent(this.issuer);
		HttpResponse<String> right = browser.signIn("17301-5550008-8", "incident-hotel-long-integration-passphrase");
		assertThat(browser.location(right).toString()).endsWith("/login?reset-required");
		assertThat(browser.get("/login?reset-required").body()).contains("id=\"reset-required\"")
			.contains("You must set a new password")
			.contains("href=\"/recover\"");
		assertThat(browser.get("/login?reset-required&lang=ur").body()).contains("آپ کو نیا پاس ورڈ بنانا ہو گا");
		HttpResponse<String> wrong = browser.signIn("17301-5550008-8", "not-the-password-of-this-citizen");
		assertThat(browser.location(wrong).toString()).endsWith("/login?error");
		assertThat(this.auditLog.search(null, null, AuditEventType.SIGN_IN_FAILED, null, null, null, 100)).anySatisfy(
				(entry) -> assertThat(entry.event().details()).containsEntry("reason", "CredentialsExpiredException"));
	}

	@Test
	void unlockWhenSignInThrottleLockedThenCitizenSignsInAtOnceWithCnicAndMobile() {
		String india = accountId("17301-5550009-9");
		String password = "incident-india-long-integration-passphrase";
		for (int i = 0; i < this.throttleProperties.lockAfter(); i++) {
			// a guessing run from another address, under both names the citizen signs in
			// with
			this.throttle.recordFailure("17301-5550009-9", "203.0.113.9");
			this.throttle.recordFailure("+923005550009", "203.0.113.9");
		}
		assertThat(signIn("17301-5550009-9", password)).isEqualTo("/login?throttled");
		assertThat(signIn("0300-5550009", password)).isEqualTo("/login?throttled");

		HttpResponse<String> unlocked = this.api.post("/admin/api/citizens/" + india + "/unlock", this.token,
				AdminApiTestSupport.reason("ticket 4713: citizen at the service centre"));

		assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
		assertThat(signIn("17301-5550009-9", password)).doesNotStartWith("/login");
		assertThat(signIn("0300-5550009", password)).doesNotStartWith("/login");
		assertThat(this.auditLog.search(null, null, AuditEventType.ACCOUNT_UNLOCKED, this.admin, india, null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("reason",
					"ticket 4713: citizen at the service centre"));
	}

	/** Where a password sign-in leads: the account area, or the sign-in page with why. */
	private String signIn(String username, String password) {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		URI location = browser.location(browser.signIn(username, password));
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	private boolean isActive(AccessToken token) {
		return this.department.introspect(token).toSuccessResponse().isActive();
	}

	private static String errorCode(TokenResponse response) {
		assertThat(response.indicatesSuccess()).as("expected an error response").isFalse();
		return ((TokenErrorResponse) response).getErrorObject().getCode();
	}

	private String accountId(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id().toString();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
