package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.account.AccountService;
import pk.gov.kp.khyberpass.admin.ConsoleHttp.Page;
import pk.gov.kp.khyberpass.cnic.Cnic;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console pages' role matrix, as the console table of docs/security-operations.md
 * states it: every page opened by a security admin, a helpdesk, an auditor and a citizen
 * holding no admin role (each signed in with a passkey), served (200) to the roles the
 * table allows and refused with the console's refusal page (403) to the others, and the
 * navigation naming only the pages the role may open. Only pages that change nothing when
 * opened are listed: each change is a confirmed post from one of them, refused by the
 * same check.
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=" + AdminApiTestSupport.AUDIENCE,
		"khyberpass.admin.bootstrap-cnic=" + AdminApiTestSupport.ALPHA_CNIC,
		"khyberpass.admin.console.client-secret=it-admin-console-secret-0123456789abcdef" })
class AdminConsoleRolesIT {

	private static final String SECURITY_ADMIN = "security-admin";

	private static final String HELPDESK = "helpdesk";

	private static final String AUDITOR = "auditor";

	/** A citizen holding no admin role. */
	private static final String NONE = "none";

	private static final Set<String> EVERY_ADMIN = Set.of(SECURITY_ADMIN, HELPDESK, AUDITOR);

	private static final Set<String> READERS = Set.of(SECURITY_ADMIN, AUDITOR);

	private static final Set<String> SUPPORT = Set.of(SECURITY_ADMIN, HELPDESK);

	private static final Set<String> SECURITY_ADMIN_ONLY = Set.of(SECURITY_ADMIN);

	/** The navigation link of each page that has one, by the page's address. */
	private static final Map<String, String> NAVIGATION = Map.of("/admin/console", "nav-dashboard",
			"/admin/console/audit", "nav-audit", "/admin/console/clients", "nav-clients", "/admin/console/citizens",
			"nav-citizens", "/admin/console/keys", "nav-keys", "/admin/console/admins", "nav-admins",
			"/admin/console/scopes", "nav-scopes");

	private static final Pattern RETIRE_LINK = Pattern.compile("href=\"(/admin/console/keys/[^\"/]+/retire)\"");

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	AccountService accounts;

	@Autowired
	AdminRoles roles;

	@Autowired
	ClientAdministration clients;

	@BeforeEach
	void consoleCallbackAndRoles() {
		AdminConsoleBrowserIT.registerConsoleCallback(this.clients, this.issuer);
		this.roles.grant(account(AdminApiTestSupport.BRAVO_CNIC), AdminRole.HELPDESK, "console roles test");
		this.roles.grant(account(AdminApiTestSupport.CHARLIE_CNIC), AdminRole.AUDITOR, "console roles test");
	}

	@Test
	void consolePagesWhenOpenedByEachRoleThenServedOrRefusedAsTheRolesTableSays() {
		Map<String, ConsoleHttp> sessions = new LinkedHashMap<>();
		sessions.put(SECURITY_ADMIN,
				ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.ALPHA_CNIC, AdminConsoleBrowserIT.ALPHA_PASSWORD));
		sessions.put(HELPDESK,
				ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.BRAVO_CNIC, AdminConsoleBrowserIT.BRAVO_PASSWORD));
		sessions.put(AUDITOR, ConsoleHttp.signIn(this.issuer, AdminApiTestSupport.CHARLIE_CNIC,
				AdminConsoleBrowserIT.CHARLIE_PASSWORD));
		sessions.put(NONE, ConsoleHttp.signIn(this.issuer, AdminConsoleBrowserIT.CITIZEN_CNIC,
				AdminConsoleBrowserIT.CITIZEN_PASSWORD));
		Map<String, Set<String>> matrix = matrix();
		Matcher retire = RETIRE_LINK.matcher(sessions.get(SECURITY_ADMIN).get("/admin/console/keys").body());
		assertThat(retire.find()).as("a key to retire on the keys page").isTrue();
		matrix.put(retire.group(1), SECURITY_ADMIN_ONLY);
		SoftAssertions softly = new SoftAssertions();

		sessions.forEach((role, console) -> {
			Page dashboard = console.get("/admin/console");
			matrix.forEach((page, allowed) -> {
				Page opened = console.get(page);
				softly.assertThat(opened.status())
					.as("%s opening %s", role, page)
					.isEqualTo(allowed.contains(role) ? 200 : 403);
				softly.assertThat(opened.refused())
					.as("%s opening %s: the refusal page", role, page)
					.isEqualTo(!allowed.contains(role));
				String link = NAVIGATION.get(page);
				if (link != null) {
					softly.assertThat(dashboard.body().contains("id=\"" + link + "\""))
						.as("%s: %s in the navigation", role, link)
						.isEqualTo(allowed.contains(role));
				}
			});
		});

		softly.assertAll();
	}

	/**
	 * Every page that changes nothing when opened, and the roles that may open it (a
	 * key's retirement is added from the keys page, which names the key).
	 */
	private Map<String, Set<String>> matrix() {
		String delta = account(AdminApiTestSupport.DELTA_CNIC).toString();
		String bravo = account(AdminApiTestSupport.BRAVO_CNIC).toString();
		Map<String, Set<String>> matrix = new LinkedHashMap<>();
		matrix.put("/admin/console", EVERY_ADMIN);
		matrix.put("/admin/console?bucket=day", EVERY_ADMIN);
		matrix.put("/admin/console/audit", READERS);
		matrix.put("/admin/console/audit/verify", READERS);
		matrix.put("/admin/console/clients", READERS);
		matrix.put("/admin/console/clients/it-confidential", READERS);
		matrix.put("/admin/console/clients/new", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/clients/it-confidential/edit", SECURITY_ADMIN_ONLY);
		for (String action : List.of("disable", "enable", "delete", "secret")) {
			matrix.put("/admin/console/clients/it-confidential/" + action, SECURITY_ADMIN_ONLY);
		}
		matrix.put("/admin/console/citizens", SUPPORT);
		matrix.put("/admin/console/citizens/" + delta, SUPPORT);
		for (String action : List.of("lock", "unlock", "password-reset", "mfa-reset", "sign-out")) {
			matrix.put("/admin/console/citizens/" + delta + "/" + action, SUPPORT);
		}
		matrix.put("/admin/console/citizens/" + delta + "/cnic", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/keys", READERS);
		matrix.put("/admin/console/keys/rotate", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/admins", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/admins?cnic=" + AdminApiTestSupport.BRAVO_CNIC, SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/admins/" + bravo + "/roles/auditor/grant", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/scopes", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/scopes/new", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/scopes/vehicles.read/edit", SECURITY_ADMIN_ONLY);
		matrix.put("/admin/console/scopes/vehicles.read/delete", SECURITY_ADMIN_ONLY);
		return matrix;
	}

	private AccountId account(String cnic) {
		return this.accounts.findByCnic(Cnic.parse(cnic)).orElseThrow().id();
	}

}
