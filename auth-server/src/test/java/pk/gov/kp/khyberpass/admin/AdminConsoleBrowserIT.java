package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.account.AccountStatus;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.oidc.ClientJwks;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console in headless Chromium, against the real server: each administrator
 * adds a passkey with the WebDriver virtual authenticator, then signs in to the console
 * with it alone (the console asks for {@code urn:kp:loa:3}), and the console works
 * through the admin API with the token it got.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=https://admin-api.integration.test",
		"khyberpass.admin.bootstrap-cnic=17301-5550001-1",
		"khyberpass.admin.console.client-secret=it-admin-console-secret-0123456789abcdef" })
class AdminConsoleBrowserIT {

	static final String ALPHA_PASSWORD = "admin-alpha-long-integration-passphrase";

	/** An EC P-256 public key (RFC 7515 Appendix A.3's). */
	static final String INLINE_JWKS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"console-1\","
			+ "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\",\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}";

	static final String BRAVO_PASSWORD = "helpdesk-bravo-long-integration-passphrase";

	static final String CHARLIE_PASSWORD = "auditor-charlie-long-integration-passphrase";

	static final String CITIZEN_CNIC = "35202-1234567-3";

	static final String CITIZEN_PASSWORD = "yet-another-long-integration-passphrase";

	/**
	 * The account the roles test grants a role to and withdraws it from (no other test
	 * here uses it).
	 */
	static final String ROLES_CNIC = "17301-1234567-2";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AccountService accounts;

	@Autowired
	AdminRoles roles;

	@Autowired
	ClientAdministration clients;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AccessTokenCutoff cutoff;

	/**
	 * The console's callback on this test's port (the seed names a fixed host; redirect
	 * URIs match exactly).
	 */
	@BeforeEach
	void consoleCallbackAndRoles() {
		registerConsoleCallback(this.clients, this.issuer);
		this.roles.grant(account(AdminApiTestSupport.BRAVO_CNIC), AdminRole.HELPDESK, "console browser test");
		this.roles.grant(account(AdminApiTestSupport.CHARLIE_CNIC), AdminRole.AUDITOR, "console browser test");
	}

	static void registerConsoleCallback(ClientAdministration clients, URI issuer) {
		DepartmentClient console = clients.find(AdminApiTestSupport.CONSOLE).orElseThrow().client();
		URI callback = URI.create(issuer + "/admin/callback");
		if (!console.redirectUris().contains(callback)) {
			List<URI> redirects = new ArrayList<>(console.redirectUris());
			redirects.add(callback);
			clients.update(new DepartmentClient(console.clientId(), console.clientName(), null, console.authMethod(),
					console.grantTypes(), redirects, console.postLogoutRedirectUris(), console.scopes(),
					console.sector(), console.publicSubject(), console.requireConsent(), console.minAcr(),
					console.backchannelLogoutUri(), console.jwkSetUri(), console.idTokenSigningAlgorithm(),
					console.refreshTokenLifetime(), console.audiences()));
		}
	}

	@Test
	void securityAdminSignsInWithPasskeyThenManagesClientsCitizensAndAudit() {
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.ALPHA_CNIC, ALPHA_PASSWORD)) {
			// the dashboard with its chart drawn, and no script or policy errors
			browser.waitFor(By.cssSelector("#activity-chart[data-rendered='true'] canvas"));
			assertThat(browser.driver().findElement(By.id("integrity-intact")).getText()).contains("Intact");
			assertThat(severeConsoleErrors(browser)).isEmpty();

			// a new client: form, review, reason, confirm; its secret shown once
			browser.waitFor(By.id("nav-clients")).click();
			browser.waitFor(By.id("new-client")).click();
			browser.type(By.id("clientId"), "console-made");
			browser.type(By.id("clientName"), "Made in the console");
			browser.type(By.id("grantTypes"), "client_credentials");
			browser.type(By.id("scopes"), "vehicles.read");
			browser.type(By.id("minAcr"), "urn:kp:loa:1");
			browser.type(By.id("claimsAllowed"), "name birthdate");
			browser.type(By.id("accessTokenLifetime"), "2m");
			uncheck(browser, "requireConsent");
			browser.waitFor(By.id("review-client")).click();
			assertThat(browser.waitFor(By.id("confirm-title")).getText()).isEqualTo("Register a client");
			confirmWithReason(browser, "New department for the browser test");
			String firstSecret = browser.waitFor(By.id("client-secret")).getText();
			assertThat(firstSecret).isNotBlank();
			DepartmentClient made = this.clients.find("console-made").orElseThrow().client();
			assertThat(made.claimsAllowed()).containsExactlyInAnyOrder("name", "birthdate");
			assertThat(made.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(2));

			// rotate its secret: a new one, shown once
			browser.waitFor(By.id("secret-done")).click();
			browser.waitFor(By.id("rotate-secret")).click();
			confirmWithReason(browser, "Department reported a leaked secret");
			String rotated = browser.waitFor(By.id("client-secret")).getText();
			assertThat(rotated).isNotBlank().isNotEqualTo(firstSecret);
			browser.waitFor(By.id("secret-done")).click();
			browser.waitFor(By.id("client-details"));
			assertThat(browser.driver().getPageSource()).doesNotContain(rotated);

			// a citizen found by CNIC and locked, with a reason
			browser.waitFor(By.id("nav-citizens")).click();
			new Select(browser.waitFor(By.id("by"))).selectByValue("cnic");
			browser.type(By.id("q"), AdminApiTestSupport.DELTA_CNIC);
			browser.waitFor(By.id("search")).click();
			browser.waitFor(By.cssSelector("#citizen-results .citizen-link")).click();
			assertThat(browser.waitFor(By.id("citizen-cnic")).getText()).doesNotContain("5550004");
			browser.waitFor(By.id("action-lock")).click();
			confirmWithReason(browser, "Citizen reported a stolen phone");
			browser.waitFor(By.id("citizen-done"));
			assertThat(browser.driver().findElement(By.id("citizen-status")).getText()).isEqualTo("LOCKED");
			assertThat(this.accounts.findByCnic(Cnic.parse(AdminApiTestSupport.DELTA_CNIC)).orElseThrow().status())
				.isEqualTo(AccountStatus.LOCKED);

			// the audit log shows the admin's actions, and the chain is intact
			browser.waitFor(By.id("nav-audit")).click();
			browser.type(By.id("actor"), account(AdminApiTestSupport.ALPHA_CNIC).toString());
			browser.waitFor(By.id("audit-submit")).click();
			String entries = browser.waitFor(By.id("audit-entries")).getText();
			assertThat(browser.driver().findElement(By.id("actor")).getAttribute("value"))
				.isEqualTo(account(AdminApiTestSupport.ALPHA_CNIC).toString());
			assertThat(entries).contains("CLIENT_CREATED", "CLIENT_SECRET_ROTATED", "ACCOUNT_LOCKED",
					"Citizen reported a stolen phone");
			browser.waitFor(By.id("verify-link")).click();
			browser.waitFor(By.id("integrity-intact"));
			assertThat(severeConsoleErrors(browser)).isEmpty();
		}
		assertThat(this.auditLog.search(null, null, AuditEventType.CLIENT_CREATED,
				account(AdminApiTestSupport.ALPHA_CNIC).toString(), null, null, 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("reason",
					"New department for the browser test"));
	}

	@Test
	void securityAdminEditsDisablesAndDeletesClientRotatesKeysAndRevealsCnic() {
		this.clients.create(
				new DepartmentClient("console-edited", "Before", null, DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC,
						java.util.Set.of("client_credentials"), List.of(), List.of(), java.util.Set.of("vehicles.read"),
						null, false, false, "urn:kp:loa:1", null, null, "RS256", Duration.ofHours(1), List.of(),
						java.util.Set.of("name"), null, Duration.ofMinutes(10), ClientJwks.parse(INLINE_JWKS)));
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.ALPHA_CNIC, ALPHA_PASSWORD)) {
			// a setting the API refuses: its explanation shown, nothing registered
			browser.open(this.issuer + "/admin/console/clients/new");
			browser.type(By.id("clientId"), "console-refused");
			browser.type(By.id("redirectUris"), "http://department.example.pk/callback");
			browser.waitFor(By.id("review-client")).click();
			confirmWithReason(browser, "Testing a refused setting");
			assertThat(browser.waitFor(By.id("problem-detail")).getText()).contains("https");
			assertThat(this.clients.find("console-refused")).isEmpty();

			browser.open(this.issuer + "/admin/console/clients/console-edited");
			browser.waitFor(By.id("edit-client")).click();
			assertThat(browser.waitFor(By.id("grantTypes")).getAttribute("value")).isEqualTo("client_credentials");
			browser.type(By.id("clientName"), "After");
			browser.waitFor(By.id("review-client")).click();
			confirmWithReason(browser, "Department renamed");
			browser.waitFor(By.id("client-done"));
			DepartmentClient edited = this.clients.find("console-edited").orElseThrow().client();
			assertThat(edited.clientName()).isEqualTo("After");
			// settings the edit did not touch survive the form, the review step and the
			// API
			assertThat(edited.claimsAllowed()).containsExactly("name");
			assertThat(edited.idTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
			assertThat(edited.accessTokenLifetime()).isNull();
			assertThat(edited.jwks()).isEqualTo(ClientJwks.parse(INLINE_JWKS));

			browser.waitFor(By.id("disable-client")).click();
			confirmWithReason(browser, "Department closed");
			assertThat(browser.waitFor(By.id("client-state")).getText()).isEqualTo("Disabled");
			browser.waitFor(By.id("delete-client")).click();
			confirmWithReason(browser, "Department closed for good");
			browser.waitFor(By.id("client-deleted"));
			assertThat(this.clients.find("console-edited")).isEmpty();

			browser.open(this.issuer + "/admin/console/keys");
			browser.waitFor(By.id("rotate-keys")).click();
			confirmWithReason(browser, "Quarterly drill");
			browser.waitFor(By.id("keys-done"));
			assertThat(
					this.auditLog.search(null, null, AuditEventType.SIGNING_KEY_ROTATION_ORDERED, null, null, null, 10))
				.isNotEmpty();

			browser.open(this.issuer + "/admin/console/citizens/" + account(CITIZEN_CNIC));
			browser.waitFor(By.id("action-cnic")).click();
			confirmWithReason(browser, "Court order 42");
			assertThat(browser.waitFor(By.id("revealed-cnic")).getText()).isEqualTo(CITIZEN_CNIC);
			assertThat(this.auditLog.search(null, null, AuditEventType.CNIC_REVEALED, null,
					account(CITIZEN_CNIC).toString(), null, 10))
				.isNotEmpty();
		}
	}

	/**
	 * Roles: the list, a role granted to an account found by its CNIC and withdrawn, each
	 * with a reason; the last active security admin's role offered to nobody, and refused
	 * by the API when it became the last while the confirmation was open.
	 */
	@Test
	void securityAdminGrantsAndWithdrawsRolesButNotTheLastSecurityAdminRole() {
		AccountId alpha = account(AdminApiTestSupport.ALPHA_CNIC);
		AccountId ayesha = account(ROLES_CNIC);
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.ALPHA_CNIC, ALPHA_PASSWORD)) {
			browser.waitFor(By.id("nav-admins")).click();
			assertThat(browser.waitFor(By.id("admin-" + alpha)).getText()).contains("Admin Alpha", "Security admin");
			assertThat(browser.driver().findElement(By.id("last-" + alpha)).getText()).contains("last security admin");
			assertThat(browser.driver().findElements(By.id("remove-security-admin-" + alpha))).isEmpty();

			// grant: the account found by CNIC, the role picked, confirmed with a reason
			browser.type(By.id("cnic"), ROLES_CNIC);
			browser.waitFor(By.id("admin-search-submit")).click();
			assertThat(browser.waitFor(By.id("grant-candidates")).getText()).contains("Ayesha Khan")
				.doesNotContain("1234567");
			browser.waitFor(By.id("grant-auditor")).click();
			assertThat(browser.waitFor(By.id("confirm-title")).getText()).isEqualTo("Grant an admin role");
			assertThat(browser.driver().findElement(By.id("confirm-subject")).getText()).contains("Ayesha Khan",
					"auditor");
			confirmWithReason(browser, "Joins the audit team");
			browser.waitFor(By.id("admins-done"));
			assertThat(browser.waitFor(By.id("admin-" + ayesha)).getText()).contains("Auditor");
			assertThat(this.roles.rolesOf(ayesha)).containsExactly(AdminRole.AUDITOR);

			// withdraw it again
			browser.waitFor(By.id("remove-auditor-" + ayesha)).click();
			confirmWithReason(browser, "Left the audit team");
			browser.waitFor(By.id("admins-done"));
			assertThat(browser.driver().findElements(By.id("admin-" + ayesha))).isEmpty();
			assertThat(this.roles.rolesOf(ayesha)).isEmpty();

			// the last security admin's role: refused before the confirmation when asked
			// for directly
			browser.open(this.issuer + "/admin/console/admins/" + alpha + "/roles/security-admin/remove");
			assertThat(browser.waitFor(By.id("admins-refused")).getText()).contains("last active security admin");
			assertThat(browser.driver().findElements(By.id("confirm"))).isEmpty();

			// and refused by the API when another security admin went away while the
			// confirmation was open
			this.roles.grant(ayesha, AdminRole.SECURITY_ADMIN, "console browser test");
			browser.open(this.issuer + "/admin/console/admins");
			browser.waitFor(By.id("remove-security-admin-" + alpha)).click();
			browser.waitFor(By.id("confirm-title"));
			this.roles.revoke(ayesha, AdminRole.SECURITY_ADMIN);
			confirmWithReason(browser, "Handing over");
			assertThat(browser.waitFor(By.id("admins-refused")).getText()).contains("last active security admin");
			assertThat(this.roles.rolesOf(alpha)).contains(AdminRole.SECURITY_ADMIN);
		}
		finally {
			this.roles.revoke(ayesha, AdminRole.SECURITY_ADMIN);
			this.roles.revoke(ayesha, AdminRole.AUDITOR);
		}
		assertThat(this.auditLog.search(null, null, AuditEventType.ADMIN_ROLE_GRANTED, alpha.toString(),
				ayesha.toString(), null, 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("role", "auditor")
				.containsEntry("reason", "Joins the audit team"));
		assertThat(this.auditLog.search(null, null, AuditEventType.ADMIN_ROLE_REVOKED, alpha.toString(),
				ayesha.toString(), null, 10))
			.anySatisfy((entry) -> assertThat(entry.event().details()).containsEntry("reason", "Left the audit team"));
	}

	@Test
	void confirmationWithoutReasonThenRefusedAndNothingChanges() {
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.ALPHA_CNIC, ALPHA_PASSWORD)) {
			int ordered = this.auditLog
				.search(null, null, AuditEventType.SIGNING_KEY_ROTATION_ORDERED, null, null, null, 100)
				.size();
			browser.open(this.issuer + "/admin/console/keys");
			browser.waitFor(By.id("rotate-keys")).click();
			// the browser would insist on the field; a crafted post without a reason must
			// still be refused
			browser.driver()
				.executeScript("document.getElementById('reason').removeAttribute('required');"
						+ "document.getElementById('reason').removeAttribute('minlength');");
			browser.type(By.id("reason"), " x ");
			browser.waitFor(By.id("confirm")).click();

			assertThat(browser.waitFor(By.id("error-summary-title")).getText()).isNotBlank();
			assertThat(browser.driver().findElement(By.id("confirm-title")).getText()).isEqualTo("Rotate the keys now");
			assertThat(this.auditLog.search(null, null, AuditEventType.SIGNING_KEY_ROTATION_ORDERED, null, null, null,
					100))
				.hasSize(ordered);
		}
	}

	@Test
	void helpdeskSeesCitizensButNoClientsOrKeys() {
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.BRAVO_CNIC, BRAVO_PASSWORD)) {
			browser.waitFor(By.id("nav-citizens"));

			assertThat(browser.driver().findElements(By.id("nav-clients"))).isEmpty();
			assertThat(browser.driver().findElements(By.id("nav-keys"))).isEmpty();
			assertThat(browser.driver().findElements(By.id("nav-audit"))).isEmpty();
			assertThat(browser.driver().findElements(By.id("nav-admins"))).isEmpty();
			browser.open(this.issuer + "/admin/console/admins");
			assertThat(browser.waitFor(By.id("console-refused")).getText()).contains("cannot use");
			browser.open(this.issuer + "/admin/console/clients");
			assertThat(browser.waitFor(By.id("console-refused")).getText()).contains("cannot use");
		}
	}

	@Test
	void auditorSeesNoMutatingButtons() {
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.CHARLIE_CNIC, CHARLIE_PASSWORD)) {
			browser.waitFor(By.id("nav-clients")).click();
			browser.waitFor(By.id("client-list"));
			assertThat(browser.driver().findElements(By.id("new-client"))).isEmpty();
			browser.waitFor(By.cssSelector("#client-list a")).click();
			browser.waitFor(By.id("client-details"));
			assertThat(browser.driver().findElements(By.id("client-actions"))).isEmpty();
			browser.waitFor(By.id("nav-keys")).click();
			browser.waitFor(By.id("key-list"));
			assertThat(browser.driver().findElements(By.id("rotate-keys"))).isEmpty();
			assertThat(browser.driver().findElements(By.className("retire-link"))).isEmpty();
			assertThat(browser.driver().findElements(By.id("nav-citizens"))).isEmpty();
			browser.open(this.issuer + "/admin/console/keys/rotate");
			browser.waitFor(By.id("console-refused"));
		}
	}

	@Test
	void citizenWithoutAdminRoleGetsClearRefusal() {
		try (HeadlessBrowser browser = signedInToConsole(CITIZEN_CNIC, CITIZEN_PASSWORD)) {
			assertThat(browser.waitFor(By.id("console-refused")).getText())
				.isEqualTo("You cannot use this part of the admin console");
			assertThat(browser.driver().findElements(By.id("nav-dashboard"))).isEmpty();
		}
	}

	@Test
	void adminTokensCutOffThenConsoleAsksToSignInAgain() {
		try (HeadlessBrowser browser = signedInToConsole(AdminApiTestSupport.ALPHA_CNIC, ALPHA_PASSWORD)) {
			browser.waitFor(By.id("activity-chart"));
			this.cutoff.cutOff(account(AdminApiTestSupport.ALPHA_CNIC));

			browser.open(this.issuer + "/admin/console/audit");

			browser.waitFor(By.id("console-expired"));
			waitPastTheSecond();
			browser.waitFor(By.id("sign-in-again")).click();
			browser.waitFor(By.id("activity-chart"));
		}
	}

	/**
	 * A new browser with a passkey device: password sign-in, a passkey added, then the
	 * console with it alone.
	 */
	private HeadlessBrowser signedInToConsole(String cnic, String password) {
		return signedInToConsole(this.issuer, cnic, password);
	}

	static HeadlessBrowser signedInToConsole(URI issuer, String cnic, String password) {
		HeadlessBrowser browser = HeadlessBrowser.start();
		try {
			((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
					new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
						.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
						.setHasResidentKey(true)
						.setHasUserVerification(true)
						.setIsUserVerified(true));
			browser.open(issuer + "/account/security/passkeys");
			browser.type(By.id("username"), cnic);
			browser.type(By.id("password"), password);
			browser.driver().findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
			browser.type(By.id("passkey-name"), "Console key");
			browser.waitFor(By.id("passkey-register")).click();
			browser.waitFor(By.id("passkey-added"));
			browser.driver().manage().deleteAllCookies();

			browser.open(issuer + "/admin/console");
			browser.waitFor(By.id("passkey-sign-in")).click();
			browser.waitForUrlStartingWith(issuer + "/admin/console");
			return browser;
		}
		catch (RuntimeException | Error ex) {
			browser.close();
			throw ex;
		}
	}

	private static void confirmWithReason(HeadlessBrowser browser, String reason) {
		browser.type(By.id("reason"), reason);
		browser.waitFor(By.id("confirm")).click();
	}

	private static void uncheck(HeadlessBrowser browser, String id) {
		WebElement box = browser.waitFor(By.id(id));
		if (box.isSelected()) {
			box.click();
		}
	}

	/**
	 * Script errors and Content-Security-Policy violations, which Chromium logs as
	 * SEVERE.
	 */
	private static List<String> severeConsoleErrors(HeadlessBrowser browser) {
		return browser.driver()
			.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			// the server has no favicon (none of its pages names one); the browser asks
			// anyway
			.filter((message) -> !message.contains("/favicon.ico"))
			.toList();
	}

	/**
	 * The cut-off compares issue times in seconds: a token issued in the same second
	 * counts as before it.
	 */
	private static void waitPastTheSecond() {
		try {
			Thread.sleep(1100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private AccountId account(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id();
	}

}
