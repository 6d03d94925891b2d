package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class LogoutIT {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-integration-passphrase";

	static final String CALLBACK = "https://slo.example.test/callback";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DepartmentClients departmentClients;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	HttpServer department;

	BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();

	OidcTestClient client;

	CitizenAgent browser;

	@BeforeEach
	void setUp() throws IOException {
		this.department = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.department.createContext("/backchannel", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
			this.logoutTokens
				.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.department.start();
		URI backchannel = URI.create("http://127.0.0.1:" + this.department.getAddress().getPort() + "/backchannel");
		this.departmentClients.register(new DepartmentClient("it-slo", "Single Logout Test Department",
				"it-slo-secret-0123456789abcdef0123", DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC,
				Set.of("authorization_code", "refresh_token"), List.of(URI.create(CALLBACK)),
				List.of(URI.create("https://slo.example.test/signed-out")), Set.of("openid"), "slo.example.test", false,
				false, AssuranceLevels.LOA1, backchannel, null, "RS256", Duration.ofHours(24), List.of()));
		this.client = new OidcTestClient(this.issuer, "it-slo", "it-slo-secret-0123456789abcdef0123");
		this.browser = new CitizenAgent(this.issuer);
	}

	@AfterEach
	void tearDown() {
		this.department.stop(0);
	}

	@Test
	void logoutWhenRegisteredPostLogoutUriThenRedirectsAndDepartmentGetsLogoutToken() throws Exception {
		OIDCTokenResponse tokens = signIn();
		String idToken = tokens.getOIDCTokens().getIDTokenString();
		String sid = SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("sid");

		HttpResponse<String> logout = this.browser.get("/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=https://slo.example.test/signed-out&state=s1");

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(this.browser.location(logout).toString()).isEqualTo("https://slo.example.test/signed-out?state=s1");
		String logoutToken = this.logoutTokens.poll(10, TimeUnit.SECONDS);
		assertThat(logoutToken).as("logout token delivered").isNotNull();
		JWTClaimsSet claims = verifyLogoutToken(logoutToken);
		assertThat(claims.getAudience()).containsExactly("it-slo");
		assertThat(claims.getStringClaim("sid")).isEqualTo(sid);
		assertThat(claims.getSubject()).isEqualTo(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
		assertThat(claims.getJSONObjectClaim("events"))
			.containsKey("http://schemas.openid.net/event/backchannel-logout");
		assertThat(claims.getClaim("nonce")).isNull();
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isLessThanOrEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void stopSharingWhenDepartmentHasBackchannelUriThenItGetsLogoutTokenForTheCitizen() throws Exception {
		OIDCTokenResponse tokens = signIn();
		String subject = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
		// it-slo asks no consent, so the departments page has no form: any signed-in
		// page's CSRF token will do
		HttpResponse<String> page = this.browser.get("/account");

		this.browser.postForm("/account/departments/withdraw",
				Map.of("client_id", "it-slo", "_csrf", CitizenAgent.csrf(page.body())));

		String logoutToken = this.logoutTokens.poll(10, TimeUnit.SECONDS);
		assertThat(logoutToken).as("logout token delivered after the citizen stopped sharing").isNotNull();
		JWTClaimsSet claims = verifyLogoutToken(logoutToken);
		assertThat(claims.getAudience()).containsExactly("it-slo");
		// every session of the citizen at the department: the subject, no sid
		assertThat(claims.getSubject()).isEqualTo(subject);
		assertThat(claims.getClaim("sid")).isNull();
		assertThat(claims.getJSONObjectClaim("events"))
			.containsKey("http://schemas.openid.net/event/backchannel-logout");
	}

	@Test
	void logoutWhenDepartmentDownForFirstAttemptsThenLogoutTokenDeliveredWhenItComesUp() throws Exception {
		int port;
		try (java.net.ServerSocket reserved = new java.net.ServerSocket(0)) {
			port = reserved.getLocalPort();
		}
		this.departmentClients.register(new DepartmentClient("it-slo-retry", "Single Logout Retry Department",
				"it-slo-retry-secret-0123456789abcdef", DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC,
				Set.of("authorization_code", "refresh_token"), List.of(URI.create(CALLBACK)), List.of(),
				Set.of("openid"), "slo.example.test", false, false, AssuranceLevels.LOA1,
				URI.create("http://127.0.0.1:" + port + "/backchannel"), null, "RS256", Duration.ofHours(24),
				List.of()));
		OidcTestClient retrying = new OidcTestClient(this.issuer, "it-slo-retry",
				"it-slo-retry-secret-0123456789abcdef");
		Attempt attempt = retrying.attempt(CALLBACK, "openid");
		OIDCTokenResponse tokens = (OIDCTokenResponse) retrying
			.exchange(retrying.authorize(this.browser, attempt, CNIC, PASSWORD).get("code"), attempt);

		HttpResponse<String> logout = this.browser
			.get("/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString());
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject("SELECT COALESCE(MAX(attempts), 0) FROM backchannel_logout_delivery "
					+ "WHERE client_id = 'it-slo-retry'", Integer.class) >= 2);
		HttpServer late = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		late.createContext("/backchannel", (exchange) -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
			received.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.US_ASCII));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		late.start();

		try {
			assertThat(logout.statusCode()).isLessThan(400);
			String logoutToken = received.poll(20, TimeUnit.SECONDS);
			assertThat(logoutToken).as("logout token delivered once the department is up").isNotNull();
			assertThat(verifyLogoutToken(logoutToken).getAudience()).containsExactly("it-slo-retry");
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.until(() -> this.jdbc.queryForObject(
						"SELECT COUNT(*) FROM backchannel_logout_delivery WHERE client_id = 'it-slo-retry'",
						Integer.class) == 0);
		}
		finally {
			late.stop(0);
		}
	}

	@Test
	void logoutWhenSessionEndsThenRefreshTokenRevokedAndPromptNoneNeedsLogin() throws Exception {
		OIDCTokenResponse tokens = signIn();

		this.browser.get("/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString());

		assertThat(
				this.client.token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).indicatesSuccess())
			.isFalse();
		Attempt again = this.client.attempt(CALLBACK, "openid");
		HttpResponse<String> silent = this.browser.get(again.uri(this.client, Map.of("prompt", "none")).toString());
		assertThat(CitizenAgent.query(this.browser.location(silent))).containsEntry("error", "login_required");
	}

	@Test
	void logoutWhenPostLogoutUriNotRegisteredThenErrorAndNoRedirect() throws Exception {
		String idToken = signIn().getOIDCTokens().getIDTokenString();

		HttpResponse<String> logout = this.browser
			.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri=https://evil.example.test/");

		assertThat(logout.statusCode()).isEqualTo(400);
		assertThat(logout.headers().firstValue("Location")).isEmpty();
	}

	private OIDCTokenResponse signIn() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		return (OIDCTokenResponse) this.client.exchange(code, attempt);
	}

	private JWTClaimsSet verifyLogoutToken(String token) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt")));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
				new ImmutableJWKSet<>(JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL()))));
		return processor.process(token, null);
	}

}
