package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.TestPropertySource;

import pk.gov.kp.khyberpass.audit.AuditEntry;
import pk.gov.kp.khyberpass.audit.AuditEventType;
import pk.gov.kp.khyberpass.audit.AuditLog;
import pk.gov.kp.khyberpass.oidc.ClientAdministration;
import pk.gov.kp.khyberpass.testsupport.HeadlessBrowser;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console renews the administrator's access token with the refresh token: with
 * two-second access tokens every call falls inside the client's one-minute early renewal,
 * so the pages keep working while the server records the spent refresh tokens (rotation).
 */
@KhyberPassIntegrationTest
@TestPropertySource(properties = { "khyberpass.admin.audience=https://admin-api.integration.test",
		"khyberpass.admin.bootstrap-cnic=17301-5550001-1",
		"khyberpass.admin.console.client-secret=" + AdminConsoleRefreshIT.CONSOLE_SECRET,
		"khyberpass.oidc.access-token-lifetime=2s" })
class AdminConsoleRefreshIT {

	static final String SESSION_COOKIE = "KHYBERPASS_SESSION";

	static final String CONSOLE_SECRET = "it-admin-console-secret-0123456789abcdef";

	/**
	 * Where {@code HttpSessionOAuth2AuthorizedClientRepository} keeps the console's
	 * tokens in the session.
	 */
	static final String AUTHORIZED_CLIENTS = "org.springframework.security.oauth2.client.web."
			+ "HttpSessionOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	ClientAdministration clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<? extends Session> sessions;

	@Autowired
	AuditLog auditLog;

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

	/**
	 * Two tabs, many pages at once, all after the access token expired: one request
	 * renews with the refresh token and the others use what it got, so the server sees no
	 * reuse, the token family lives on and every page is served. The spent token
	 * presented to the token endpoint directly is still taken for theft.
	 */
	@Test
	void consolePagesAtOnceWhenAccessTokenExpiredThenRenewedOnceAndAdminStaysSignedIn() throws Exception {
		AdminConsoleBrowserIT.registerConsoleCallback(this.clients, this.issuer);
		Instant started = Instant.now();
		try (HeadlessBrowser browser = AdminConsoleBrowserIT.signedInToConsole(this.issuer,
				AdminApiTestSupport.ALPHA_CNIC, AdminConsoleBrowserIT.ALPHA_PASSWORD)) {
			browser.waitFor(By.id("activity-chart"));
			String session = browser.driver().manage().getCookieNamed(SESSION_COOKIE).getValue();
			String spent = refreshToken(session);
			long families = consoleFamilies();
			Thread.sleep(2500);

			List<HttpResponse<String>> pages = atOnce(session, 8);

			assertThat(pages).allSatisfy((page) -> {
				assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
				assertThat(page.body()).doesNotContain("console-expired")
					.containsAnyOf("id=\"key-list\"", "id=\"audit-entries\"");
			});
			assertThat(replayRevocations(started)).isEmpty();
			assertThat(consoleFamilies()).isEqualTo(families);
			assertThat(refreshToken(session)).isNotEqualTo(spent);
			browser.open(this.issuer + "/admin/console/keys");
			browser.waitFor(By.id("key-list"));

			TokenResponse replay = new OidcTestClient(this.issuer, AdminApiTestSupport.CONSOLE, CONSOLE_SECRET)
				.token(new RefreshTokenGrant(new RefreshToken(spent)));

			assertThat(replay.indicatesSuccess()).isFalse();
			assertThat(((TokenErrorResponse) replay).getErrorObject().getCode()).isEqualTo("invalid_grant");
			assertThat(replayRevocations(started)).hasSize(1);
			Thread.sleep(2500);
			browser.open(this.issuer + "/admin/console/keys");
			browser.waitFor(By.id("console-expired"));
		}
	}

	/**
	 * {@code count} console pages requested at the same moment with the browser's session
	 * cookie.
	 */
	private List<HttpResponse<String>> atOnce(String session, int count) throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> pending = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String page = (i % 2 == 0) ? "/admin/console/keys" : "/admin/console/audit";
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.issuer + page))
				.header("Cookie", SESSION_COOKIE + "=" + session)
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(30))
				.build();
			pending.add(pool.submit(() -> {
				start.await();
				return http.send(request, HttpResponse.BodyHandlers.ofString());
			}));
		}
		start.countDown();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (Future<HttpResponse<String>> response : pending) {
			responses.add(response.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();
		return responses;
	}

	/** The console's refresh token as the session (in Redis) holds it now. */
	@SuppressWarnings("unchecked")
	private String refreshToken(String cookie) {
		String id = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		Session session = this.sessions.findById(id);
		Map<String, OAuth2AuthorizedClient> clients = (Map<String, OAuth2AuthorizedClient>) session
			.getAttribute(AUTHORIZED_CLIENTS);
		return clients.values().iterator().next().getRefreshToken().getTokenValue();
	}

	private long consoleFamilies() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM token_family WHERE registered_client_id IN "
					+ "(SELECT id FROM oauth2_registered_client WHERE client_id = ?)")
			.param(AdminApiTestSupport.CONSOLE)
			.query(Long.class)
			.single();
	}

	private List<AuditEntry> replayRevocations(Instant since) {
		return this.auditLog.search(since, null, AuditEventType.TOKEN_FAMILY_REVOKED, null, null, null, 100)
			.stream()
			.filter((entry) -> "refresh-token-replayed".equals(entry.event().details().get("reason")))
			.toList();
	}

	private long spentRefreshTokens() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM spent_refresh_token s JOIN token_family f ON f.id = s.family_id "
					+ "WHERE f.registered_client_id IN (SELECT id FROM oauth2_registered_client WHERE client_id = ?)")
			.param(AdminApiTestSupport.CONSOLE)
			.query(Long.class)
			.single();
	}

}
