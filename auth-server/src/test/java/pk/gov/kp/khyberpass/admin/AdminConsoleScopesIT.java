package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.admin.ConsoleHttp.Page;
import pk.gov.kp.khyberpass.audit.AuditEvent;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.ApiScopes;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.oidc.RegisteredApiScope;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's API scope pages, posted as a browser posts them (CSRF field included) in
 * the sessions of real passkey sign-ins: a security admin describes a scope, edits and
 * deletes its descriptions, audited exactly as the admin API audits the same changes; a
 * field the rules refuse shows the form again with the error, at the review step or when
 * the API refuses it on saving; a name already described is not replaced; a post without
 * the CSRF field changes nothing; helpdesk and auditor are refused every page and change.
 */
@KhyberPassIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "khyberpass.admin.audience=" + AdminApiTestSupport.AUDIENCE,
		"khyberpass.admin.bootstrap-cnic=" + AdminApiTestSupport.ALPHA_CNIC,
		"khyberpass.admin.console.client-secret=it-admin-console-secret-0123456789abcdef" })
class AdminConsoleScopesIT {

	private static final String MADE = "console.test-made";

	private static final String SEEDED = "vehicles.read";

	private static final String SEEDED_ENGLISH = "The vehicles registered in your name";

	private static final String URDU = "آپ کے نام پر رجسٹرڈ گاڑیاں";

	private static final String PASHTO = "ستاسو په نوم ثبت شوي ګاډي";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AccountService accounts;

	@Autowired
	AdminRoles roles;

	@Autowired
	ClientAdministration clients;

	@Autowired
	ApiScopes apiScopes;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JwtEncoder jwtEncoder;

	private ConsoleHttp securityAdmin;

	private ConsoleHttp helpdesk;

	private ConsoleHttp auditor;

	@BeforeAll
	void signInOncePerRole() {
		AdminConsoleBrowserIT.registerConsoleCallback(this.clients, this.issuer);
		this.roles.grant(account(AdminApiTestSupport.BRAVO_CNIC), AdminRole.HELPDESK, "console scopes test");
		this.roles.grant(account(AdminApiTestSupport.CHARLIE_CNIC), AdminRole.AUDITOR, "console scopes test");
		this.securityAdmin = ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.ALPHA_CNIC,
				AdminConsoleBrowserIT.ALPHA_PASSWORD);
		this.helpdesk = ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.BRAVO_CNIC,
				AdminConsoleBrowserIT.BRAVO_PASSWORD);
		this.auditor = ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.CHARLIE_CNIC,
				AdminConsoleBrowserIT.CHARLIE_PASSWORD);
	}

	@AfterEach
	void removeScopesMadeHere() {
		this.apiScopes.list()
			.stream()
			.map((registered) -> registered.scope().name())
			.filter((name) -> name.startsWith("console.test-") || name.startsWith("api.test-"))
			.forEach(this.apiScopes::delete);
	}

	@Test
	void securityAdminDescribesEditsAndDeletesScopeThroughThePagesAuditedAsTheApiWould() {
		String admin = account(AdminApiTestSupport.ALPHA_CNIC).toString();
		Page list = this.securityAdmin.get("/admin/console/scopes");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"nav-scopes\"");
		assertThat(list.element("scope-" + SEEDED).text()).contains(SEEDED_ENGLISH);

		// describe: form, review, confirm with a reason
		Page form = this.securityAdmin.get("/admin/console/scopes/new");
		Map<String, String> fields = Map.of("name", MADE, "descriptionEn", SEEDED_ENGLISH, "descriptionUr", URDU,
				"descriptionPs", PASHTO);
		Page review = this.securityAdmin.post("/admin/console/scopes/new/review", form, fields);
		assertThat(review.status()).isEqualTo(200);
		assertThat(review.element("confirm-subject").text()).isEqualTo(MADE);
		assertThat(review.element("review").text()).contains(SEEDED_ENGLISH, URDU, PASHTO);
		Page created = this.securityAdmin.post("/admin/console/scopes/new", review,
				ConsoleHttp.with(fields, "reason", "ticket 311: MVR asks citizens for its registry API"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/admin/console/scopes?done=create");
		RegisteredApiScope stored = this.apiScopes.find(MADE).orElseThrow();
		assertThat(stored.scope()).isEqualTo(new ApiScope(MADE, SEEDED_ENGLISH, URDU, PASHTO));
		assertThat(stored.updatedBy()).isEqualTo(admin);
		Page after = this.securityAdmin.get(created.location());
		assertThat(after.element("scopes-done").text()).isEqualTo("The API scope was described.");
		assertThat(after.element("scope-" + MADE).text()).contains(SEEDED_ENGLISH, "Yes", admin);

		// edit: the name fixed, the English changed, the Urdu removed
		Page edit = this.securityAdmin.get("/admin/console/scopes/" + MADE + "/edit");
		assertThat(edit.element("name").hasAttribute("readonly")).isTrue();
		assertThat(edit.element("name").hasAttribute("name")).isFalse();
		assertThat(edit.element("descriptionUr").attribute("value")).isEqualTo(URDU);
		assertThat(edit.element("descriptionUr").attribute("lang")).isEqualTo("ur");
		assertThat(edit.element("descriptionUr").attribute("dir")).isEqualTo("rtl");
		assertThat(edit.element("descriptionPs").attribute("lang")).isEqualTo("ps");
		Map<String, String> edited = Map.of("descriptionEn", "Vehicles registered in your name", "descriptionUr", "",
				"descriptionPs", PASHTO);
		Page editReview = this.securityAdmin.post("/admin/console/scopes/" + MADE + "/edit/review", edit, edited);
		assertThat(editReview.status()).isEqualTo(200);
		Page saved = this.securityAdmin.post("/admin/console/scopes/" + MADE + "/edit", editReview,
				ConsoleHttp.with(edited, "reason", "ticket 312: wording and Urdu review"));
		assertThat(saved.location()).endsWith("/admin/console/scopes?done=edit");
		assertThat(this.apiScopes.find(MADE).orElseThrow().scope())
			.isEqualTo(new ApiScope(MADE, "Vehicles registered in your name", null, PASHTO));
		assertThat(this.securityAdmin.get("/admin/console/scopes").element("scope-" + MADE).text())
			.contains("No: English shown");

		// delete, confirmed with a reason
		Page confirm = this.securityAdmin.get("/admin/console/scopes/" + MADE + "/delete");
		assertThat(confirm.element("confirm-title").text()).isEqualTo("Delete the descriptions");
		Page deleted = this.securityAdmin.post("/admin/console/scopes/" + MADE + "/delete", confirm,
				Map.of("reason", "ticket 313: API retired"));
		assertThat(deleted.location()).endsWith("/admin/console/scopes?done=delete");
		assertThat(this.apiScopes.find(MADE)).isEmpty();

		// the same changes through the admin API, by the same administrator
		AdminApiTestSupport api = new AdminApiTestSupport(this.jwtEncoder, this.issuer);
		String token = api.adminToken(admin);
		String other = "api.test-made";
		assertThat(api
			.send("PUT", "/admin/api/scopes/" + other, token,
					"""
							{"reason":"ticket 311: MVR asks citizens for its registry API",
							 "descriptionEn":"%s","descriptionUr":"%s","descriptionPs":"%s"}"""
						.formatted(SEEDED_ENGLISH, URDU, PASHTO))
			.statusCode()).isEqualTo(201);
		assertThat(api.send("PUT", "/admin/api/scopes/" + other, token, """
				{"reason":"ticket 312: wording and Urdu review","descriptionEn":"Vehicles registered in your name",
				 "descriptionPs":"%s"}""".formatted(PASHTO)).statusCode()).isEqualTo(200);
		assertThat(api
			.send("DELETE", "/admin/api/scopes/" + other + "?reason=ticket%20313%3A%20API%20retired", token, null)
			.statusCode()).isEqualTo(204);
		for (AuditEventType type : List.of(AuditEventType.API_SCOPE_CREATED, AuditEventType.API_SCOPE_UPDATED,
				AuditEventType.API_SCOPE_DELETED)) {
			AuditEvent console = event(type, MADE);
			AuditEvent direct = event(type, other);
			assertThat(console.actor()).as(type.name()).isEqualTo(admin).isEqualTo(direct.actor());
			assertThat(console.clientId()).as(type.name()).isEqualTo(direct.clientId());
			assertThat(console.details()).as(type.name()).isEqualTo(direct.details());
		}
		assertThat(event(AuditEventType.API_SCOPE_CREATED, MADE).details()).containsEntry("languages", "en ur ps")
			.containsEntry("reason", "ticket 311: MVR asks citizens for its registry API");
		assertThat(event(AuditEventType.API_SCOPE_UPDATED, MADE).details()).containsEntry("changed",
				"descriptionEn descriptionUr");
	}

	@Test
	void badFieldsAtTheReviewStepThenFormShownAgainWithEachErrorAndNothingSaved() {
		Page form = this.securityAdmin.get("/admin/console/scopes/new");

		Page refused = this.securityAdmin.post("/admin/console/scopes/new/review", form,
				Map.of("name", "profile", "descriptionEn", " ", "descriptionUr", URDU, "descriptionPs", ""));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.element("scope-errors").text()).contains("Enter a scope name", "Enter the English");
		assertThat(refused.element("scope-errors").links()).containsExactly("#name", "#descriptionEn");
		assertThat(refused.element("name-error").text()).contains("standard scope");
		assertThat(refused.element("name").attribute("aria-invalid")).isEqualTo("true");
		assertThat(refused.element("name").attribute("aria-describedby")).isEqualTo("name-hint name-error");
		assertThat(refused.element("name").attribute("value")).isEqualTo("profile");
		assertThat(refused.element("descriptionEn").attribute("aria-invalid")).isEqualTo("true");
		assertThat(refused.element("descriptionUr").attribute("aria-invalid")).isEqualTo("false");
		assertThat(refused.element("descriptionUr").attribute("aria-describedby")).isEqualTo("descriptionUr-hint");
		assertThat(refused.element("descriptionUr").attribute("value")).isEqualTo(URDU);
		assertThat(refused.body()).doesNotContain("id=\"confirm-form\"");
		assertThat(this.apiScopes.find("profile")).isEmpty();
	}

	@Test
	void scopeAlreadyDescribedThenNameRefusedRatherThanReplaced() {
		Page form = this.securityAdmin.get("/admin/console/scopes/new");

		Page refused = this.securityAdmin.post("/admin/console/scopes/new", form, Map.of("name", SEEDED,
				"descriptionEn", "Something else", "reason", "a crafted post skipping the review"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.element("name-error").text()).contains("already described");
		assertThat(this.apiScopes.find(SEEDED).orElseThrow().scope().descriptionEn()).isEqualTo(SEEDED_ENGLISH);
	}

	@Test
	void fieldTheApiRefusesOnSavingThenFormShownAgainWithTheApisExplanation() {
		this.apiScopes.put(new ApiScope("console.test-edited", "Before", null, null), "test");
		Page edit = this.securityAdmin.get("/admin/console/scopes/console.test-edited/edit");

		// posted straight to the save, past the review step's checks: the API refuses it
		Page refused = this.securityAdmin.post("/admin/console/scopes/console.test-edited/edit", edit,
				Map.of("descriptionEn", "After", "descriptionUr", "گاڑیاں\u202Eاٹلا", "reason", "a crafted post"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.element("scope-errors").links()).containsExactly("#descriptionUr");
		assertThat(refused.element("descriptionUr-error").text()).contains("Correct the Urdu description",
				"bidirectional override");
		assertThat(refused.element("descriptionUr").attribute("aria-invalid")).isEqualTo("true");
		assertThat(refused.element("descriptionEn").attribute("value")).isEqualTo("After");
		assertThat(this.apiScopes.find("console.test-edited").orElseThrow().scope().descriptionEn())
			.isEqualTo("Before");
	}

	@Test
	void postWithoutTheCsrfFieldThenRefusedAndNothingSaved() {
		Page missing = this.securityAdmin.send("POST", "/admin/console/scopes/new", ConsoleHttp
			.form(Map.of("name", "console.test-forged", "descriptionEn", "Forged", "reason", "no token")));
		Page forged = this.securityAdmin.send("POST", "/admin/console/scopes/" + SEEDED + "/delete",
				ConsoleHttp.form(Map.of("_csrf", "forged", "reason", "wrong token")));

		assertThat(missing.status()).isEqualTo(403);
		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.apiScopes.find("console.test-forged")).isEmpty();
		assertThat(this.apiScopes.find(SEEDED)).isPresent();
	}

	@Test
	void helpdeskAndAuditorThenScopePagesAndChangesRefusedAndNothingChanges() {
		for (ConsoleHttp other : List.of(this.helpdesk, this.auditor)) {
			Page dashboard = other.get("/admin/console");
			assertThat(dashboard.status()).isEqualTo(200);
			assertThat(dashboard.body()).doesNotContain("id=\"nav-scopes\"");

			List<Page> attempts = List.of(other.get("/admin/console/scopes"),
					other.post("/admin/console/scopes/new/review", dashboard,
							Map.of("name", "console.test-other", "descriptionEn", "Not allowed")),
					other.post("/admin/console/scopes/new", dashboard,
							Map.of("name", "console.test-other", "descriptionEn", "Not allowed", "reason", "trying")),
					other.post("/admin/console/scopes/" + SEEDED + "/edit", dashboard,
							Map.of("descriptionEn", "Changed", "reason", "trying")),
					other.post("/admin/console/scopes/" + SEEDED + "/delete", dashboard, Map.of("reason", "trying")));

			assertThat(attempts).allSatisfy((refused) -> {
				assertThat(refused.status()).isEqualTo(403);
				assertThat(refused.refused()).isTrue();
			});
		}
		assertThat(this.apiScopes.find("console.test-other")).isEmpty();
		assertThat(this.apiScopes.find(SEEDED).orElseThrow().scope().descriptionEn()).isEqualTo(SEEDED_ENGLISH);
	}

	private AuditEvent event(AuditEventType type, String subject) {
		List<AuditEvent> events = this.auditLog.search(null, null, type, null, subject, null, 10)
			.stream()
			.map((entry) -> entry.event())
			.toList();
		assertThat(events).as(type + " about " + subject).hasSize(1);
		return events.get(0);
	}

	private AccountId account(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id();
	}

}
