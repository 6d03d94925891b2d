package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class ConsentIT {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-integration-passphrase";

	static final String CALLBACK = "https://consent.example.test/callback";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	OidcTestClient client;

	CitizenAgent browser;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	ApiScopes apiScopes;

	@BeforeEach
	void setUp() {
		this.jdbc.update("DELETE FROM oauth2_authorization_consent");
		this.client = new OidcTestClient(this.issuer,
				new ClientSecretPost(new ClientID("it-consent"), new Secret("it-consent-secret-0123456789abcdef")));
		this.browser = new CitizenAgent(this.issuer);
	}

	@Test
	void consentPageWhenCnicRequestedThenNamesDepartmentAndLeavesCnicUnticked() {
		HttpResponse<String> page = consentPage(this.client.attempt(CALLBACK, "openid profile cnic"), Map.of());

		assertThat(page.statusCode()).as(() -> page.headers().firstValue("Location").orElse("-")).isEqualTo(200);
		assertThat(page.body()).contains("Consent Test Department")
			.contains("Your CNIC number")
			.containsPattern("value=\"profile\"[^>]*checked")
			.doesNotContainPattern("value=\"cnic\"[^>]*checked");
	}

	@Test
	void consentPageWhenDepartmentAllowedFewerClaimsThenPromisesOnlyThose() {
		OidcTestClient narrow = new OidcTestClient(this.issuer, new ClientSecretPost(new ClientID("it-consent-narrow"),
				new Secret("it-consent-narrow-secret-0123456789ab")));
		Attempt attempt = narrow.attempt("https://narrow.example.test/callback", "openid profile phone cnic");
		HttpResponse<String> page = this.browser.follow(this.browser.get(attempt.uri(narrow, Map.of()).toString()));
		if (page.body().contains("name=\"password\"")) {
			page = this.browser.follow(this.browser.signIn(CNIC, PASSWORD));
		}

		assertThat(page.statusCode()).isEqualTo(200);
		// profile gives name and date of birth, this department may have the name only;
		// phone gives it nothing
		assertThat(page.body()).contains("Narrow Consent Department")
			.contains("Your name")
			.doesNotContain("date of birth")
			.doesNotContain("value=\"phone\"")
			.doesNotContain("Your mobile number")
			.contains("Your CNIC number");
	}

	@Test
	void consentPageWhenApiScopesRequestedInEnglishThenDescriptionsShownAndUndescribedByName() {
		HttpResponse<String> page = consentPage(
				this.client.attempt(CALLBACK, "openid profile vehicles.read registry.read fines.read"),
				Map.of("ui_locales", "en"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your name and date of birth")
			.contains(">The vehicles registered in your name</label>")
			.contains(">Your entries in the department registry</label>")
			.contains(">fines.read</label>")
			.doesNotContain(">vehicles.read<")
			.doesNotContain("lang=\"en\" dir=\"ltr\">")
			.containsPattern("value=\"vehicles.read\"[^>]*checked");
	}

	@Test
	void consentPageWhenUrduThenUrduDescriptionAndEnglishFallbackMarkedAsEnglish() {
		HttpResponse<String> page = consentPage(this.client.attempt(CALLBACK, "openid vehicles.read registry.read"),
				Map.of("ui_locales", "ur"));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("dir=\"rtl\"")
			.contains(">آپ کے نام پر رجسٹرڈ گاڑیاں</label>")
			.doesNotContain("The vehicles registered in your name")
			.containsPattern("for=\"scope-registry.read\"[^>]*lang=\"en\" dir=\"ltr\">Your entries in the "
					+ "department registry</label>");
	}

	@Test
	void consentPageWhenDescriptionChangedOrDeletedThenNextPageFollows() {
		try {
			this.apiScopes.put(
					new ApiScope("fines.read", "Your unpaid traffic fines", null, "ستاسو نه ورکړل شوې جریمې"),
					"it-admin");
			HttpResponse<String> pashto = consentPage(this.client.attempt(CALLBACK, "openid fines.read"),
					Map.of("ui_locales", "ps"));

			assertThat(pashto.body()).contains(">ستاسو نه ورکړل شوې جریمې</label>").doesNotContain(">fines.read<");

			this.apiScopes.delete("fines.read");
			HttpResponse<String> undescribed = consentPage(this.client.attempt(CALLBACK, "openid fines.read"),
					Map.of("ui_locales", "ps"));

			assertThat(undescribed.body()).contains(">fines.read</label>").doesNotContain("جریمې");
		}
		finally {
			this.apiScopes.delete("fines.read");
		}
	}

	@Test
	void connectedDepartmentsWhenApiScopeConsentedThenDescribedInCitizensLanguage() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile vehicles.read registry.read");
		approve(attempt, consentPage(attempt, Map.of()), List.of("profile", "vehicles.read", "registry.read"));

		String urdu = this.browser.get("/account/departments?lang=ur").body();
		String english = this.browser.get("/account/departments?lang=en").body();

		assertThat(urdu).contains("Consent Test Department")
			.contains(">آپ کے نام پر رجسٹرڈ گاڑیاں</li>")
			.contains("lang=\"en\" dir=\"ltr\">Your entries in the department registry</li>")
			.doesNotContain(">vehicles.read<");
		assertThat(english).contains(">The vehicles registered in your name</li>")
			.contains(">Your entries in the department registry</li>");
	}

	@Test
	void userinfoWhenCnicNotConsentedThenNoCnicClaim() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile cnic");
		HttpResponse<String> page = consentPage(attempt, Map.of());

		UserInfo userInfo = userInfo(approve(attempt, page, List.of("profile")));

		assertThat(userInfo.getName()).isEqualTo("Ayesha Khan");
		assertThat(userInfo.getClaim("cnic")).isNull();
	}

	@Test
	void userinfoWhenCnicConsentedThenCnicReleasedToThisDepartment() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile cnic");
		HttpResponse<String> page = consentPage(attempt, Map.of());

		UserInfo userInfo = userInfo(approve(attempt, page, List.of("profile", "cnic")));

		assertThat(userInfo.getStringClaim("cnic")).isEqualTo(CNIC);
		assertThat(this.auditLog.search(null, null, AuditEventType.CONSENT_GRANTED, null, null, "it-consent", 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("scopes", "cnic openid profile"));
		assertThat(userInfo.getStringClaim("birthdate")).isEqualTo("1990-04-12");
	}

	@Test
	void withdrawWhenCitizenStopsSharingThenDepartmentLosesAccessAndMustAskAgain() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile");
		OIDCTokenResponse tokens = approve(attempt, consentPage(attempt, Map.of()), List.of("profile"));
		HttpResponse<String> page = this.browser.get("/account/departments");

		HttpResponse<String> withdrawn = this.browser.postForm("/account/departments/withdraw",
				Map.of("client_id", "it-consent", "_csrf", CitizenAgent.csrf(page.body())));

		assertThat(page.body()).contains("Consent Test Department").contains("Your name and date of birth");
		assertThat(this.browser.follow(withdrawn).body()).contains("id=\"withdrawn\"")
			.doesNotContain("Consent Test Department");
		int userinfo = new UserInfoRequest(this.issuer.resolve("/userinfo"),
				tokens.getOIDCTokens().getBearerAccessToken())
			.toHTTPRequest()
			.send()
			.getStatusCode();
		assertThat(userinfo).isEqualTo(401);
		assertThat(consentPage(this.client.attempt(CALLBACK, "openid profile"), Map.of()).body())
			.contains("Consent Test Department");
		assertThat(this.auditLog.search(null, null, AuditEventType.CONSENT_WITHDRAWN, null, null, "it-consent", 10))
			.isNotEmpty();
	}

	@Test
	void consentWhenCitizenDeclinesThenAccessDeniedAtClient() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile");
		HttpResponse<String> page = consentPage(attempt, Map.of());

		Map<String, String> callback = submit(page, List.of());

		assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", attempt.state().getValue());
	}

	@Test
	void authorizeWhenConsentRememberedThenNoPageUnlessPromptConsent() {
		Attempt first = this.client.attempt(CALLBACK, "openid profile");
		approve(first, consentPage(first, Map.of()), List.of("profile"));
		Attempt second = this.client.attempt(CALLBACK, "openid profile");

		HttpResponse<String> silent = this.browser.follow(this.browser.get(second.uri(this.client).toString()));
		HttpResponse<String> asked = this.browser
			.follow(this.browser.get(this.client.attempt(CALLBACK, "openid profile")
				.uri(this.client, Map.of("prompt", "consent"))
				.toString()));

		assertThat(CitizenAgent.query(this.browser.location(silent))).containsKey("code");
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains("Consent Test Department");
	}

	private HttpResponse<String> consentPage(Attempt attempt, Map<String, String> extra) {
		HttpResponse<String> response = this.browser
			.follow(this.browser.get(attempt.uri(this.client, extra).toString()));
		if (response.body().contains("name=\"password\"")) {
			response = this.browser.follow(this.browser.signIn(CNIC, PASSWORD));
		}
		return response;
	}

	private OIDCTokenResponse approve(Attempt attempt, HttpResponse<String> page, List<String> scopes) {
		Map<String, String> callback = submit(page, scopes);
		return (OIDCTokenResponse) this.client.exchange(callback.get("code"), attempt);
	}

	private Map<String, String> submit(HttpResponse<String> page, List<String> scopes) {
		String body = page.body();
		String state = body.replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
		StringBuilder form = new StringBuilder("client_id=it-consent&state=")
			.append(java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8));
		scopes.forEach((scope) -> form.append("&scope=").append(scope));
		HttpResponse<String> response = this.browser.postRaw("/oauth2/authorize", form.toString());
		return CitizenAgent.query(this.browser.location(this.browser.follow(response)));
	}

	private UserInfo userInfo(OIDCTokenResponse tokens) throws Exception {
		return UserInfoResponse
			.parse(new UserInfoRequest(this.issuer.resolve("/userinfo"), tokens.getOIDCTokens().getBearerAccessToken())
				.toHTTPRequest()
				.send())
			.toSuccessResponse()
			.getUserInfo();
	}

}
