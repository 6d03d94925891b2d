package pk.gov.kp.khyberpass.mfa;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.ephemeral.EphemeralStore;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class StepUpIT {

	static final String WITH_TOTP = "61101-7654321-1";

	static final String WITH_TOTP_PASSWORD = "another-long-integration-passphrase";

	static final byte[] TOTP_SECRET = Base32.decode("JBSWY3DPEHPK3PXPJBSWY3DP");

	static final String CALLBACK = "https://stepup.example.test/callback";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	OidcTestClient client;

	CitizenAgent browser;

	@Autowired
	EphemeralStore ephemeral;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog auditLog;

	@BeforeEach
	void setUp() {
		// Each test starts without earlier wrong codes counted against the citizen.
		this.ephemeral.delete("mfa-fail:" + this.accounts.findByCnic(Cnic.parse(WITH_TOTP)).orElseThrow().id().value());
		this.client = new OidcTestClient(this.issuer, "it-stepup", "it-stepup-secret-0123456789abcdef0123");
		this.browser = new CitizenAgent(this.issuer);
	}

	@Test
	void authorizeWhenLoa2AskedAndTotpGivenThenIdTokenCarriesLoa2AndMfa() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		HttpResponse<String> page = stepUpPage(attempt);

		Map<String, String> callback = submitCode(page, currentTotp());
		JWTClaimsSet idToken = ((OIDCTokenResponse) this.client.exchange(callback.get("code"), attempt)).getOIDCTokens()
			.getIDToken()
			.getJWTClaimsSet();

		assertThat(page.body()).contains("name=\"code\"").doesNotContain("name=\"password\"");
		assertThat(idToken.getStringClaim("acr")).isEqualTo("urn:kp:loa:2");
		String account = this.accounts.findByCnic(Cnic.parse(WITH_TOTP)).orElseThrow().id().value().toString();
		assertThat(this.auditLog.search(null, null, AuditEventType.SECOND_FACTOR_SUCCEEDED, null, account, null, 10))
			.isNotEmpty()
			.allSatisfy((entry) -> assertThat(entry.event().details()).containsEntry("factor", "TOTP"));
		assertThat(idToken.getStringListClaim("amr")).contains("pwd", "otp", "mfa");
	}

	@Test
	void authorizeWhenClaimsParameterMakesLoa2EssentialThenStepUpAsked() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String claims = java.net.URLEncoder.encode(
				"{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:kp:loa:2\"]}}}",
				java.nio.charset.StandardCharsets.UTF_8);

		this.browser.follow(this.browser.get(attempt.uri(this.client) + "&claims=" + claims));
		HttpResponse<String> response = this.browser.follow(this.browser.signIn(WITH_TOTP, WITH_TOTP_PASSWORD));

		assertThat(response.body()).contains("name=\"code\"");
	}

	@Test
	void stepUpWhenTotpCodeReplayedThenRefused() {
		String code = FreshTotp.code(TOTP_SECRET);
		submitCode(stepUpPage(this.client.attempt(CALLBACK, "openid")), code);
		CitizenAgent other = new CitizenAgent(this.issuer);
		this.browser = other;

		HttpResponse<String> replay = this.browser.postForm("/login/second-factor",
				form(stepUpPage(this.client.attempt(CALLBACK, "openid")), code));

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(replay.body()).contains("That code is not right");
	}

	@Test
	void stepUpWhenRecoveryCodeUsedTwiceThenSecondTimeRefused() {
		Map<String, String> first = submitCode(stepUpPage(this.client.attempt(CALLBACK, "openid")), "RC-ONE 1111 2222");
		this.browser = new CitizenAgent(this.issuer);

		HttpResponse<String> second = this.browser.postForm("/login/second-factor",
				form(stepUpPage(this.client.attempt(CALLBACK, "openid")), "rc-one-1111-2222"));

		assertThat(first).containsKey("code");
		assertThat(second.body()).contains("That code is not right");
	}

	@Test
	void authorizeWhenCitizenHasNoSecondFactorThenUnmetAuthenticationRequirements() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");

		this.browser
			.follow(this.browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:2")).toString()));
		HttpResponse<String> response = this.browser
			.follow(this.browser.signIn("17301-1234567-2", "a-long-integration-passphrase"));

		assertThat(CitizenAgent.query(this.browser.location(response))).containsEntry("error",
				"unmet_authentication_requirements");
	}

	@Test
	void authorizeWhenLoa3AskedWithoutPasskeyThenUnmetAuthenticationRequirements() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser
			.follow(this.browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:3")).toString()));
		response = this.browser.follow(this.browser.signIn(WITH_TOTP, WITH_TOTP_PASSWORD));

		assertThat(CitizenAgent.query(this.browser.location(response)))
			.containsEntry("error", "unmet_authentication_requirements")
			.containsEntry("state", attempt.state().getValue());
	}

	@Test
	void authorizeWhenPromptNoneAndSessionBelowAskedLevelThenInteractionRequired() {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		this.client.authorize(this.browser, first, WITH_TOTP, WITH_TOTP_PASSWORD);
		Attempt second = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser
			.get(second.uri(this.client, Map.of("acr_values", "urn:kp:loa:2", "prompt", "none")).toString());

		assertThat(CitizenAgent.query(this.browser.location(response))).containsEntry("error", "interaction_required");
	}

	@Test
	void stepUpWhenTooManyWrongCodesThenThrottled() {
		HttpResponse<String> page = stepUpPage(this.client.attempt(CALLBACK, "openid"));
		HttpResponse<String> response = page;
		for (int i = 0; i < 6; i++) {
			response = this.browser.postForm("/login/second-factor", form(page, "00000" + i));
		}

		assertThat(response.body()).contains("Too many wrong codes");
	}

	private HttpResponse<String> stepUpPage(Attempt attempt) {
		HttpResponse<String> response = this.browser
			.follow(this.browser.get(attempt.uri(this.client, Map.of("acr_values", "urn:kp:loa:2")).toString()));
		if (response.body().contains("name=\"password\"")) {
			response = this.browser.follow(this.browser.signIn(WITH_TOTP, WITH_TOTP_PASSWORD));
		}
		return response;
	}

	private Map<String, String> submitCode(HttpResponse<String> page, String code) {
		HttpResponse<String> response = this.browser
			.follow(this.browser.postForm("/login/second-factor", form(page, code)));
		return CitizenAgent.query(this.browser.location(response));
	}

	private static Map<String, String> form(HttpResponse<String> page, String code) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("continue",
				page.body().replaceAll("(?s).*name=\"continue\" value=\"([^\"]*)\".*", "$1").replace("&amp;", "&"));
		form.put("_csrf", CitizenAgent.csrf(page.body()));
		return form;
	}

	private static String currentTotp() {
		return FreshTotp.code(TOTP_SECRET);
	}

}
