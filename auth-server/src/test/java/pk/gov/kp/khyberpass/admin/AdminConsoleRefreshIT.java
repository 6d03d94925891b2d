package pk.gov.kp.khyberpass.admin;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console renews the administrator's access token with the refresh token: with two-second access
 * tokens every call falls inside the client's one-minute early renewal, so the pages keep working while the
 * server records the spent refresh tokens (rotation).
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=https://admin-api.integration.test",
		"khyberpass.admin.bootstrap-cnic=17301-5550001-1",
		"khyberpass.admin.console.client-secret=it-admin-console-secret-0123456789abcdef",
		"khyberpass.oidc.access-token-lifetime=2s" })
class AdminConsoleRefreshIT {

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	ClientAdministration clients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accessTokenAboutToExpireThenRefreshedAndPagesKeepWorking() throws Exception {
		AdminConsoleBrowserIT.registerConsoleCallback(this.clients, this.issuer);
		try (HeadlessBrowser browser = AdminConsoleBrowserIT.signedInToConsole(this.issuer,
				AdminApiTestSupport.ALPHA_CNIC, AdminConsoleBrowserIT.ALPHA_PASSWORD)) {
			browser.waitFor(By.id("activity-chart"));
			Thread.sleep(2500);

			browser.open(this.issuer + "/admin/console/audit");
			browser.waitFor(By.id("audit-entries"));
			browser.open(this.issuer + "/admin/console/keys");

			assertThat(browser.waitFor(By.id("key-list")).getText()).isNotBlank();
			assertThat(spentRefreshTokens()).isPositive();
		}
	}

	private long spentRefreshTokens() {
		return this.jdbc.sql("SELECT COUNT(*) FROM spent_refresh_token s JOIN token_family f ON f.id = s.family_id "
				+ "WHERE f.registered_client_id IN (SELECT id FROM oauth2_registered_client WHERE client_id = ?)")
			.param(AdminApiTestSupport.CONSOLE)
			.query(Long.class)
			.single();
	}

}
