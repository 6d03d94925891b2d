package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.notify.DevelopmentSmsOutbox;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the admin API's actions do to the rest of the server, through real HTTP on real
 * PostgreSQL and Redis: the token endpoint honours client changes and secret rotation,
 * sign-in honours locks and forced resets, revocation kills refresh tokens, key rotation
 * reaches the JWKS, and every action is audited with the administrator as actor and the
 * reason given.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=" + AdminApiTestSupport.AUDIENCE,
		"khyberpass.admin.bootstrap-cnic=" + AdminApiTestSupport.ALPHA_CNIC,
		"khyberpass.admin.secret-grace-period=1h" })
class AdminApiFunctionalIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	JwtEncoder jwtEncoder;

	@Autowired
	AccountService accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DevelopmentSmsOutbox smsOutbox;

	private AdminApiTestSupport api;

	private String admin = "";

	private String token = "";

	@BeforeEach
	void setUp() {
		this.api = new AdminApiTestSupport(this.jwtEncoder, this.issuer);
		this.admin = accountId(AdminApiTestSupport.ALPHA_CNIC);
		this.token = this.api.adminToken(this.admin);
	}

	@Test
	void bootstrapWhenConfiguredCnicAndNoAdminThenSecurityAdminAudited() {
		HttpResponse<String> me = this.api.get("/admin/api/me", this.token);

		assertThat(json(me).get("roles").toString()).isEqualTo("[\"security-admin\"]");
		assertThat(this.auditLog.search(null, null, AuditEventType.ADMIN_ROLE_GRANTED, "system", this.admin, null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("role", "security-admin"));
	}

	@Test
	void clientLifecycleWhenCreatedUpdatedDisabledEnabledDeletedThenTokenEndpointFollows() {
		HttpResponse<String> created = this.api.post("/admin/api/clients", this.token, """
				{"reason":"onboarding e-stamping","clientId":"it-admin-made","clientName":"E-Stamping",
				 "grantTypes":["client_credentials"],"scopes":["stamps.read"],"requireConsent":false}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = json(created).get("clientSecret").asString();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
		assertThat(clientCredentials("it-admin-made", secret, "stamps.read").indicatesSuccess()).isTrue();

		HttpResponse<String> updated = this.api.send("PUT", "/admin/api/clients/it-admin-made", this.token, """
				{"reason":"add write scope","clientName":"E-Stamping","grantTypes":["client_credentials"],
				 "scopes":["stamps.read","stamps.write"],"requireConsent":false}""");
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(json(updated).get("clientSecret").isNull()).isTrue();
		assertThat(clientCredentials("it-admin-made", secret, "stamps.write").indicatesSuccess()).isTrue();

		assertThat(this.api
			.post("/admin/api/clients/it-admin-made/disable", this.token, AdminApiTestSupport.reason("suspected leak"))
			.statusCode()).isEqualTo(200);
		assertThat(errorCode(clientCredentials("it-admin-made", secret, "stamps.read"))).isEqualTo("invalid_client");
		assertThat(json(this.api.get("/admin/api/clients/it-admin-made", this.token)).get("enabled").asBoolean())
			.isFalse();

		assertThat(this.api
			.post("/admin/api/clients/it-admin-made/enable", this.token, AdminApiTestSupport.reason("leak ruled out"))
			.statusCode()).isEqualTo(200);
		assertThat(clientCredentials("it-admin-made", secret, "stamps.read").indicatesSuccess()).isTrue();

		assertThat(
				this.api.send("DELETE", "/admin/api/clients/it-admin-made?reason=service%20retired", this.token, null)
					.statusCode())
			.isEqualTo(204);
		assertThat(errorCode(clientCredentials("it-admin-made", secret, "stamps.read"))).isEqualTo("invalid_client");
		assertThat(this.api.get("/admin/api/clients/it-admin-made", this.token).statusCode()).isEqualTo(404);
		assertThat(auditTypesFor("it-admin-made")).contains(AuditEventType.CLIENT_CREATED,
				AuditEventType.CLIENT_UPDATED, AuditEventType.CLIENT_DISABLED, AuditEventType.CLIENT_ENABLED,
				AuditEventType.CLIENT_DELETED);
	}

	@Test
	void rotateSecretWhenWithinGraceThenBothSecretsWorkAndAfterGraceOnlyTheNewOne() throws Exception {
		String old = createClient("it-rotating");

		HttpResponse<String> rotated = this.api.post("/admin/api/clients/it-rotating/secret", this.token,
				"{\"reason\":\"yearly rotation\",\"gracePeriod\":\"PT2S\"}");

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String fresh = json(rotated).get("clientSecret").asString();
		assertThat(fresh).isNotEqualTo(old);
		assertThat(clientCredentials("it-rotating", fresh, "stamps.read").indicatesSuccess()).isTrue();
		assertThat(clientCredentials("it-rotating", old, "stamps.read").indicatesSuccess()).isTrue();
		Thread.sleep(2100);
		assertThat(errorCode(clientCredentials("it-rotating", old, "stamps.read"))).isEqualTo("invalid_client");
		assertThat(clientCredentials("it-rotating", fresh, "stamps.read").indicatesSuccess()).isTrue();
		assertThat(this.auditLog.search(null, null, AuditEventType.CLIENT_SECRET_ROTATED, this.admin, "it-rotating",
				null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("reason", "yearly rotation")
				.containsKey("previousSecretValidUntil")
				.doesNotContainValue(fresh));
	}

	@Test
	void rotateSecretWhenNoGraceThenOldSecretFailsAtOnce() {
		String old = createClient("it-compromised");

		HttpResponse<String> rotated = this.api.post("/admin/api/clients/it-compromised/secret", this.token,
				"{\"reason\":\"secret leaked\",\"gracePeriod\":\"PT0S\"}");

		assertThat(errorCode(clientCredentials("it-compromised", old, "stamps.read"))).isEqualTo("invalid_client");
		assertThat(clientCredentials("it-compromised", json(rotated).get("clientSecret").asString(), "stamps.read")
			.indicatesSuccess()).isTrue();
	}

	@Test
	void lockWhenCitizenSignsInThenRefusedUntilUnlocked() {
		String delta = accountId(AdminApiTestSupport.DELTA_CNIC);
		assertThat(signIn()).doesNotStartWith("/login");

		HttpResponse<String> locked = this.api.post("/admin/api/citizens/" + delta + "/lock", this.token,
				AdminApiTestSupport.reason("citizen reported theft"));

		assertThat(json(locked).get("status").asString()).isEqualTo("LOCKED");
		assertThat(signIn()).isEqualTo("/login?error");
		this.api.post("/admin/api/citizens/" + delta + "/unlock", this.token,
				AdminApiTestSupport.reason("identity checked"));
		assertThat(signIn()).doesNotStartWith("/login");
		assertThat(this.auditLog.search(null, null, AuditEventType.ACCOUNT_LOCKED, this.admin, delta, null, 10))
			.singleElement()
			.satisfies(
					(entry) -> assertThat(entry.event().details()).containsEntry("reason", "citizen reported theft"));
	}

	@Test
	void forcePasswordResetWhenCitizenSignsInWithOldPasswordThenRefusedAndSentToRecovery() {
		String citizen = accountId("61101-7654321-1");

		HttpResponse<String> response = this.api.post("/admin/api/citizens/" + citizen + "/password-reset", this.token,
				AdminApiTestSupport.reason("password seen on a phishing site"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(signIn("61101-7654321-1", "another-long-integration-passphrase")).isEqualTo("/login?reset-required");
		assertThat(this.auditLog.search(null, null, AuditEventType.PASSWORD_RESET_FORCED, this.admin, citizen, null, 1))
			.hasSize(1);
	}

	@Test
	void resetMfaWhenCitizenHasAuthenticatorAppThenRemoved() {
		String delta = accountId(AdminApiTestSupport.DELTA_CNIC);
		assertThat(json(this.api.get("/admin/api/citizens/" + delta, this.token)).get("authenticatorApp").asBoolean())
			.isTrue();

		HttpResponse<String> reset = this.api.post("/admin/api/citizens/" + delta + "/mfa-reset", this.token,
				AdminApiTestSupport.reason("lost phone, identity checked at counter"));

		assertThat(json(reset).get("authenticatorApp").asBoolean()).isFalse();
		assertThat(json(reset).get("secondFactor").asBoolean()).isFalse();
		assertThat(this.auditLog.search(null, null, AuditEventType.SECOND_FACTORS_RESET, this.admin, delta, null, 1))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("removed", "2"));
		assertThat(this.smsOutbox.latestTo("+923005550004"))
			.hasValueSatisfying((sms) -> assertThat(sms.text()).contains("security team removed the second factors"));
	}

	@Test
	void signOutEverywhereWhenCitizenHasRefreshTokenThenInvalidGrant() {
		OidcTestClient department = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		OidcTestClient.Attempt attempt = department.attempt("https://rp.example.test/callback", "openid");
		Map<String, String> redirect = department.authorize(new CitizenAgent(this.issuer), attempt, "35202-1234567-3",
				"yet-another-long-integration-passphrase");
		RefreshToken refresh = department.exchange(redirect.get("code"), attempt)
			.toSuccessResponse()
			.getTokens()
			.getRefreshToken();
		String citizen = accountId("35202-1234567-3");

		HttpResponse<String> response = this.api.post("/admin/api/citizens/" + citizen + "/sign-out", this.token,
				AdminApiTestSupport.reason("account takeover suspected"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("sessionsEnded").asInt()).isEqualTo(1);
		assertThat(errorCode(department.token(new RefreshTokenGrant(refresh)))).isEqualTo("invalid_grant");
	}

	@Test
	void signOutEverywhereWhenAdministratorThenEarlierAdminTokensRefused() throws Exception {
		String bravo = accountId(AdminApiTestSupport.BRAVO_CNIC);
		this.api.send("PUT", "/admin/api/admins/" + bravo + "/roles/helpdesk", this.token,
				AdminApiTestSupport.reason("new helpdesk colleague"));
		String before = this.api.adminToken(bravo);
		assertThat(this.api.get("/admin/api/me", before).statusCode()).isEqualTo(200);

		this.api.post("/admin/api/citizens/" + bravo + "/sign-out", this.token,
				AdminApiTestSupport.reason("laptop stolen"));

		HttpResponse<String> refused = this.api.get("/admin/api/me", before);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("invalid_token"));
		Thread.sleep(1100);
		assertThat(this.api.get("/admin/api/me", this.api.adminToken(bravo)).statusCode()).isEqualTo(200);
	}

	@Test
	void revealCnicWhenReasonGivenThenClearCnicAndAudited() {
		String delta = accountId(AdminApiTestSupport.DELTA_CNIC);
		assertThat(json(this.api.get("/admin/api/citizens/" + delta, this.token)).get("cnic").asString())
			.isEqualTo("17301-*******-4");

		HttpResponse<String> revealed = this.api.post("/admin/api/citizens/" + delta + "/cnic", this.token,
				AdminApiTestSupport.reason("court order 2026/17"));

		assertThat(json(revealed).get("cnic").asString()).isEqualTo(AdminApiTestSupport.DELTA_CNIC);
		assertThat(this.auditLog.search(null, null, AuditEventType.CNIC_REVEALED, this.admin, delta, null, 1))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("reason", "court order 2026/17")
				.doesNotContainValue(AdminApiTestSupport.DELTA_CNIC));
	}

	@Test
	void searchWhenByCnicMobileOrNameThenMaskedResults() {
		String byCnic = this.api.get("/admin/api/citizens?cnic=1730155500044", this.token).body();
		String byMobile = this.api.get("/admin/api/citizens?mobile=0300-5550004", this.token).body();
		String byName = this.api.get("/admin/api/citizens?name=delta", this.token).body();

		for (String body : List.of(byCnic, byMobile, byName)) {
			assertThat(body).contains("Support Case Delta", "17301-*******-4").doesNotContain("5550004-4");
		}
		assertThat(this.api.get("/admin/api/citizens?name=%25%25", this.token).body()).isEqualTo("[]");
	}

	@Test
	void rotateKeysWhenOrderedThenNewActiveKeyInJwksAndSigning() throws Exception {
		HttpResponse<String> rotated = this.api.post("/admin/api/keys/rotate", this.token,
				"{\"reason\":\"quarterly drill\",\"algorithm\":\"ES256\"}");

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String active = json(rotated).get(0).get("activeKid").asString();
		assertThat(com.nimbusds.jose.jwk.JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL()).getKeyByKeyId(active))
			.isNotNull();
		String serviceToken = new OidcTestClient(this.issuer, "it-service", "it-service-secret-0123456789abcdef")
			.token(new ClientCredentialsGrant(), new Scope("vehicles.read"))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken()
			.getValue();
		assertThat(SignedJWT.parse(serviceToken).getHeader().getKeyID()).isEqualTo(active);
		JsonNode keys = json(this.api.get("/admin/api/keys", this.token));
		assertThat(keys.valueStream().filter((key) -> key.get("kid").asString().equals(active))).singleElement()
			.satisfies((key) -> assertThat(key.get("state").asString()).isEqualTo("ACTIVE"));
		assertThat(this.auditLog.search(null, null, AuditEventType.SIGNING_KEY_ROTATION_ORDERED, this.admin, "ES256",
				null, 1))
			.hasSize(1);
	}

	@Test
	void auditWhenSearchedExportedAndVerifiedThenIntact() {
		this.api.post("/admin/api/citizens/" + accountId(AdminApiTestSupport.DELTA_CNIC) + "/sign-out", this.token,
				AdminApiTestSupport.reason("audit test"));

		HttpResponse<String> verify = this.api.get("/admin/api/audit/verify", this.token);
		HttpResponse<String> search = this.api.get("/admin/api/audit?type=SESSIONS_REVOKED&actor=" + this.admin,
				this.token);
		HttpResponse<String> export = this.api.get("/admin/api/audit/export", this.token);

		assertThat(json(verify).get("intact").asBoolean()).as(verify.body()).isTrue();
		assertThat(json(search).size()).isGreaterThanOrEqualTo(1);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		assertThat(export.body().lines()).isNotEmpty().allSatisfy((line) -> {
			JsonNode parsed = JSON.readTree(line);
			assertThat(parsed.has("entryHash") || parsed.has("checkpoint")).as(line).isTrue();
		});
		assertThat(this.auditLog.search(null, null, AuditEventType.AUDIT_EXPORTED, this.admin, null, null, 1))
			.hasSize(1);
	}

	@Test
	void mutationWhenBadInputThenProblemNamingTheField() {
		assertField(this.api.post("/admin/api/clients", this.token, "{\"clientId\":\"it-x\"}"), "reason");
		assertField(createBad("\"redirectUris\":[\"http://evil.example.test/cb\"]"), "redirectUris");
		assertField(createBad("\"scopes\":[\"openid\",\"Everything!\"]"), "scopes");
		assertField(createBad("\"grantTypes\":[\"password\"]"), "grantTypes");
		assertField(createBad("\"authMethod\":\"client_secret_jwt\""), "authMethod");
		assertField(createBad("\"authMethod\":\"private_key_jwt\",\"grantTypes\":[\"client_credentials\"]"), "jwksUri");
		assertField(createBad("\"jwksUri\":\"http://keys.example.test/jwks\""), "jwksUri");
		assertField(createBad("\"minAcr\":\"urn:kp:loa:9\""), "minAcr");
		assertField(createBad("\"publicSubject\":\"maybe\""), "publicSubject");
		assertField(createBad("\"redirectUri\":\"https://typo.example.test/cb\""), "redirectUri");
		assertField(createBad("\"audiences\":\"https://not-a-list.example.test\""), "audiences");
		assertField(this.api.post("/admin/api/clients", this.token, "{not json"), "body");
		assertField(this.api.get("/admin/api/audit?type=NOPE", this.token), "type");
		assertField(this.api.get("/admin/api/audit?from=yesterday", this.token), "from");
		assertField(this.api.get("/admin/api/citizens/not-a-uuid", this.token), "id");
		assertField(this.api.get("/admin/api/citizens?cnic=123", this.token), "cnic");
		assertField(this.api.post("/admin/api/keys/rotate", this.token, "{\"reason\":\"x\"}"), "reason");
		assertField(this.api.post("/admin/api/clients/it-confidential/secret", this.token,
				"{\"reason\":\"too long grace\",\"gracePeriod\":\"P30D\"}"), "gracePeriod");
	}

	@Test
	void clientPoliciesWhenBadThenProblemNamingTheField() throws Exception {
		String publicKey = new JWKSet(new ECKeyGenerator(Curve.P_256).generate().toPublicJWK()).toString();
		String privateKey = new JWKSet(new ECKeyGenerator(Curve.P_256).generate()).toString(false);

		assertField(createBad("\"claimsAllowed\":[\"name\",\"salary\"]"), "claimsAllowed");
		assertField(createBad("\"claimsAllowed\":[]"), "claimsAllowed");
		assertField(createBad("\"accessTokenLifetime\":\"PT2H\""), "accessTokenLifetime");
		assertField(createBad("\"accessTokenLifetime\":\"30s\""), "accessTokenLifetime");
		assertField(createBad("\"idTokenLifetime\":\"PT61M\""), "idTokenLifetime");
		assertField(createBad("\"idTokenLifetime\":\"later\""), "idTokenLifetime");
		assertField(createBad("\"authMethod\":\"private_key_jwt\",\"jwks\":" + privateKey), "jwks");
		assertField(createBad("\"authMethod\":\"private_key_jwt\",\"jwks\":{\"keys\":[{\"kty\":\"oct\","
				+ "\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA\"}]}"), "jwks");
		assertField(createBad("\"authMethod\":\"private_key_jwt\",\"jwksUri\":\"https://keys.example.test/jwks\","
				+ "\"jwks\":" + publicKey), "jwks");
		assertThat(this.api.get("/admin/api/clients/it-bad", this.token).statusCode()).isEqualTo(404);
	}

	@Test
	void clientPoliciesWhenSetAndChangedThenShownAndTheChangeAudited() throws Exception {
		ECKey key = new ECKeyGenerator(Curve.P_256).keyID("stamps-1").generate();
		HttpResponse<String> created = this.api.post("/admin/api/clients", this.token, """
				{"reason":"onboarding stamps api","clientId":"it-admin-policies","authMethod":"private_key_jwt",
				 "grantTypes":["client_credentials"],"scopes":["stamps.read"],"claimsAllowed":["name","birthdate"],
				 "accessTokenLifetime":"2m","idTokenLifetime":"PT10M","jwks":%s}"""
			.formatted(new JWKSet(key.toPublicJWK()).toString()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode view = json(created).get("client");
		assertThat(view.get("claimsAllowed").toString()).isEqualTo("[\"birthdate\",\"name\"]");
		assertThat(view.get("accessTokenLifetime").asString()).isEqualTo("PT2M");
		assertThat(view.get("idTokenLifetime").asString()).isEqualTo("PT10M");
		assertThat(view.get("jwks").get("keys").get(0).get("kid").asString()).isEqualTo("stamps-1");
		assertThat(view.get("jwks").get("keys").get(0).has("d")).isFalse();
		assertThat(view.get("jwksUri").isNull()).isTrue();
		assertThat(this.auditLog.search(null, null, AuditEventType.CLIENT_CREATED, this.admin, "it-admin-policies",
				null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details().get("settings").split(" "))
				.contains("authMethod", "grantTypes", "scopes", "claimsAllowed", "accessTokenLifetime",
						"idTokenLifetime", "jwks")
				.doesNotContain("jwksUri", "redirectUris"));

		HttpResponse<String> updated = this.api.send("PUT", "/admin/api/clients/it-admin-policies", this.token, """
				{"reason":"department needs the phone number","authMethod":"private_key_jwt",
				 "grantTypes":["client_credentials"],"scopes":["stamps.read"],
				 "claimsAllowed":["name","birthdate","phone_number"],"accessTokenLifetime":"2m","jwks":%s}"""
			.formatted(new JWKSet(key.toPublicJWK()).toString()));

		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		JsonNode after = json(updated).get("client");
		assertThat(after.get("claimsAllowed").toString()).isEqualTo("[\"birthdate\",\"name\",\"phone_number\"]");
		assertThat(after.get("idTokenLifetime").isNull()).isTrue();
		assertThat(this.auditLog.search(null, null, AuditEventType.CLIENT_UPDATED, this.admin, "it-admin-policies",
				null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details())
				.containsEntry("changed", "claimsAllowed idTokenLifetime")
				.containsEntry("reason", "department needs the phone number"));
	}

	@Test
	void apiScopeLifecycleWhenCreatedReplacedDeletedThenStoredShownAndAudited() {
		HttpResponse<String> created = this.api.send("PUT", "/admin/api/scopes/stamps.read", this.token, """
				{"reason":"e-stamping asks citizens for it","descriptionEn":"  Your stamp papers  ",
				 "descriptionUr":"آپ کے اسٹامپ پیپر"}""");

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json(created).get("descriptionEn").asString()).isEqualTo("Your stamp papers");
		assertThat(json(created).get("descriptionPs").isNull()).isTrue();
		assertThat(json(created).get("updatedBy").asString()).isEqualTo(this.admin);
		assertThat(
				this.auditLog.search(null, null, AuditEventType.API_SCOPE_CREATED, this.admin, "stamps.read", null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("languages", "en ur")
				.containsEntry("reason", "e-stamping asks citizens for it"));

		HttpResponse<String> replaced = this.api.send("PUT", "/admin/api/scopes/stamps.read", this.token, """
				{"reason":"pashto added, urdu reworded","name":"stamps.read","descriptionEn":"Your stamp papers",
				 "descriptionUr":"آپ کے اسٹامپ پیپرز","descriptionPs":"ستاسو سټامپ کاغذونه"}""");

		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(json(this.api.get("/admin/api/scopes/stamps.read", this.token)).get("descriptionPs").asString())
			.isEqualTo("ستاسو سټامپ کاغذونه");
		assertThat(json(this.api.get("/admin/api/scopes", this.token)).valueStream()
			.map((scope) -> scope.get("name").asString())).contains("stamps.read", "vehicles.read", "registry.read");
		assertThat(
				this.auditLog.search(null, null, AuditEventType.API_SCOPE_UPDATED, this.admin, "stamps.read", null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("changed",
					"descriptionUr descriptionPs"));

		assertThat(this.api.send("DELETE", "/admin/api/scopes/stamps.read?reason=service%20retired", this.token, null)
			.statusCode()).isEqualTo(204);
		assertThat(this.api.get("/admin/api/scopes/stamps.read", this.token).statusCode()).isEqualTo(404);
		assertThat(auditTypesFor("stamps.read")).contains(AuditEventType.API_SCOPE_DELETED);
	}

	@Test
	void apiScopeWhenSeededThenListedWithSeedAsChanger() {
		HttpResponse<String> response = this.api.get("/admin/api/scopes/vehicles.read", this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("descriptionUr").asString()).isEqualTo("آپ کے نام پر رجسٹرڈ گاڑیاں");
		assertThat(json(response).get("updatedBy").asString()).isEqualTo("seed");
		assertThat(
				this.auditLog.search(null, null, AuditEventType.API_SCOPE_CREATED, "system", "vehicles.read", null, 10))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.event().details()).containsEntry("languages", "en ur ps"));
	}

	@Test
	void apiScopeWhenBadOrUnknownThenProblemNamingTheFieldOr404() {
		assertField(putScope("stamps.read", "\"descriptionUr\":\"no english\""), "descriptionEn");
		assertField(putScope("stamps.read", "\"descriptionEn\":\"   \""), "descriptionEn");
		assertField(putScope("stamps.read", "\"descriptionEn\":\"" + "x".repeat(201) + "\""), "descriptionEn");
		assertField(putScope("stamps.read", "\"descriptionEn\":\"ok\",\"descriptionPs\":\"two\\nlines\""),
				"descriptionPs");
		assertField(putScope("stamps.read", "\"descriptionEn\":\"ok\",\"descriptionUrdu\":\"typo\""),
				"descriptionUrdu");
		assertField(putScope("stamps.read", "\"descriptionEn\":{\"text\":\"nested\"}"), "descriptionEn");
		assertField(putScope("stamps.read", "\"descriptionEn\":\"ok\",\"name\":\"stamps.write\""), "name");
		assertField(putScope("profile", "\"descriptionEn\":\"Your whole life\""), "name");
		assertField(putScope("offline_access", "\"descriptionEn\":\"Forever\""), "name");
		assertField(putScope("Stamps.Read", "\"descriptionEn\":\"ok\""), "name");
		assertField(this.api.send("PUT", "/admin/api/scopes/stamps.read", this.token, "{\"descriptionEn\":\"ok\"}"),
				"reason");
		assertField(this.api.send("DELETE", "/admin/api/scopes/vehicles.read", this.token, null), "reason");

		assertThat(this.api.get("/admin/api/scopes/stamps.read", this.token).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/admin/api/scopes/profile", this.token).statusCode()).isEqualTo(404);
		assertThat(
				this.api.send("DELETE", "/admin/api/scopes/nothing.here?reason=cleanup", this.token, null).statusCode())
			.isEqualTo(404);
		assertThat(this.auditLog.search(null, null, AuditEventType.API_SCOPE_CREATED, this.admin, null, null, 100))
			.noneMatch((entry) -> entry.event().subject().equals("profile"));
	}

	@Test
	void revokeRoleWhenLastSecurityAdminThenConflict() {
		HttpResponse<String> response = this.api.send("DELETE",
				"/admin/api/admins/" + this.admin + "/roles/security-admin?reason=leaving", this.token, null);

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
	}

	@Test
	void listAdminsWhenRolesHeldThenHolderNamedWithMaskedCnicAndStatus() {
		HttpResponse<String> response = this.api.get("/admin/api/admins", this.token);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode alpha = json(response).valueStream()
			.filter((assignment) -> assignment.get("accountId").asString().equals(this.admin))
			.findFirst()
			.orElseThrow();
		assertThat(alpha.get("role").asString()).isEqualTo("security-admin");
		assertThat(alpha.get("fullName").asString()).isEqualTo("Admin Alpha");
		assertThat(alpha.get("cnic").asString()).startsWith("17301-").doesNotContain("5550001");
		assertThat(alpha.get("status").asString()).isEqualTo("ACTIVE");
	}

	/**
	 * Only active security admins count: with the other one locked, Alpha is the last and
	 * keeps the role; with both active, two administrators withdrawing each other's role
	 * at the same moment cannot leave none.
	 */
	@Test
	void revokeRoleWhenOtherSecurityAdminLockedOrRevokedConcurrentlyThenOneSecurityAdminAlwaysLeft() throws Exception {
		String charlie = accountId(AdminApiTestSupport.CHARLIE_CNIC);
		String alphaRole = "/admin/api/admins/" + this.admin + "/roles/security-admin";
		String charlieRole = "/admin/api/admins/" + charlie + "/roles/security-admin";
		this.api.send("PUT", charlieRole, this.token, AdminApiTestSupport.reason("second security admin"));
		this.api.post("/admin/api/citizens/" + charlie + "/lock", this.token, AdminApiTestSupport.reason("on leave"));
		try {
			HttpResponse<String> refused = this.api.send("DELETE", alphaRole + "?reason=leaving", this.token, null);
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(json(refused).get("detail").asString()).contains("last active security admin");

			this.api.post("/admin/api/citizens/" + charlie + "/unlock", this.token, AdminApiTestSupport.reason("back"));
			// the lock signed Charlie out everywhere: only a token issued in a later
			// second is accepted
			Thread.sleep(1100);
			String charlieToken = this.api.adminToken(charlie);
			java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
			java.util.concurrent.Future<HttpResponse<String>> alphaRemoved = pool
				.submit(() -> this.api.send("DELETE", alphaRole + "?reason=race", charlieToken, null));
			java.util.concurrent.Future<HttpResponse<String>> charlieRemoved = pool
				.submit(() -> this.api.send("DELETE", charlieRole + "?reason=race", this.token, null));
			List<Integer> statuses = List.of(alphaRemoved.get().statusCode(), charlieRemoved.get().statusCode());
			pool.shutdown();

			// the loser is refused either by the last-admin rule (409) or, when the
			// winner's withdrawal was
			// already committed as its request arrived, because it is no longer a
			// security admin (403)
			assertThat(statuses).containsOnlyOnce(204);
			assertThat(statuses).filteredOn((status) -> status != 204).singleElement().isIn(403, 409);
			assertThat(json(this.api.get("/admin/api/admins", (statuses.get(0) == 204) ? charlieToken : this.token))
				.valueStream()
				.filter((assignment) -> assignment.get("role").asString().equals("security-admin"))
				.count()).isEqualTo(1);
		}
		finally {
			// back to Alpha as the only security admin, as the other tests expect
			Thread.sleep(1100);
			this.api.send("PUT", alphaRole, this.api.adminToken(charlie), AdminApiTestSupport.reason("restore"));
			this.api.send("DELETE", charlieRole + "?reason=restore", this.token, null);
			this.api.post("/admin/api/citizens/" + charlie + "/unlock", this.token,
					AdminApiTestSupport.reason("restore"));
		}
	}

	/**
	 * The real front channel for the console: a password sign-in cannot reach
	 * {@code urn:kp:loa:3}, so the console client gets no code at all (passkey sign-in,
	 * which reaches it, is another issue's work).
	 */
	@Test
	void consoleAuthorizationWhenPasswordOnlyThenUnmetAuthenticationRequirements() {
		OidcTestClient console = new OidcTestClient(this.issuer, AdminApiTestSupport.CONSOLE,
				"it-admin-console-secret-0123456789abcdef");
		OidcTestClient.Attempt attempt = console.attempt("https://admin-console.integration.test/callback", "openid");

		Map<String, String> redirect = console.authorize(new CitizenAgent(this.issuer), attempt,
				AdminApiTestSupport.ALPHA_CNIC, "admin-alpha-long-integration-passphrase");

		assertThat(redirect).containsEntry("error", "unmet_authentication_requirements").doesNotContainKey("code");
	}

	private HttpResponse<String> createBad(String field) {
		return this.api.post("/admin/api/clients", this.token, "{\"reason\":\"validation\",\"clientId\":\"it-bad\","
				+ "\"redirectUris\":[\"https://ok.example.test/cb\"]," + field + "}");
	}

	private HttpResponse<String> putScope(String name, String fields) {
		return this.api.send("PUT", "/admin/api/scopes/" + name, this.token,
				"{\"reason\":\"validation\"," + fields + "}");
	}

	private static void assertField(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(json(response).get("field").asString()).as(response.body()).isEqualTo(field);
	}

	private String createClient(String clientId) {
		HttpResponse<String> created = this.api.post("/admin/api/clients", this.token, """
				{"reason":"test client","clientId":"%s","grantTypes":["client_credentials"],"scopes":["stamps.read"]}"""
			.formatted(clientId));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("clientSecret").asString();
	}

	private TokenResponse clientCredentials(String clientId, String secret, String scope) {
		return new OidcTestClient(this.issuer, clientId, secret).token(new ClientCredentialsGrant(), new Scope(scope));
	}

	private static String errorCode(TokenResponse response) {
		assertThat(response.indicatesSuccess()).as("expected an error response").isFalse();
		return ((TokenErrorResponse) response).getErrorObject().getCode();
	}

	/**
	 * Where a password sign-in of the support case citizen leads: the account area, or
	 * {@code /login?error}.
	 */
	private String signIn() {
		return signIn(AdminApiTestSupport.DELTA_CNIC, AdminApiTestSupport.DELTA_PASSWORD);
	}

	private String signIn(String username, String password) {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		URI location = browser.location(browser.signIn(username, password));
		return location.getRawPath() + ((location.getRawQuery() != null) ? "?" + location.getRawQuery() : "");
	}

	private List<AuditEventType> auditTypesFor(String subject) {
		return this.auditLog.search(null, null, null, this.admin, subject, null, 100)
			.stream()
			.map(AuditEntry::event)
			.map((event) -> event.type())
			.toList();
	}

	private String accountId(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id().toString();
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
