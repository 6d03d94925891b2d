package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class AuthorizationCodeFlowIT {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-integration-passphrase";

	static final String CALLBACK = "https://rp.example.test/callback";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	URI issuer;

	OidcTestClient client;

	CitizenAgent browser;

	@BeforeEach
	void setUp() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.client = new OidcTestClient(this.issuer, "it-confidential", "it-confidential-secret-0123456789abcdef");
		this.browser = new CitizenAgent(this.issuer);
	}

	@Test
	void authorizeWhenCitizenSignsInThenCodeExchangesForVerifiedTokens() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile");

		Map<String, String> callback = this.client.authorize(this.browser, attempt, CNIC, PASSWORD);
		TokenResponse response = this.client.exchange(callback.get("code"), attempt);

		assertThat(callback).containsEntry("state", attempt.state().getValue())
			.containsEntry("iss", this.issuer.toString());
		assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
		OIDCTokenResponse tokens = (OIDCTokenResponse) response;
		JWKSet jwks = JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL());
		var idClaims = new IDTokenValidator(new Issuer(this.issuer), this.client.clientId(), JWSAlgorithm.RS256, jwks)
			.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
		SignedJWT accessToken = SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue());
		assertThat(accessToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(accessToken.getHeader().getType().toString()).isEqualTo("at+jwt");
		assertThat(accessToken.getJWTClaimsSet().getSubject()).isEqualTo(idClaims.getSubject().getValue());
		assertThat(accessToken.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("it-confidential");
		assertThat(idClaims.getStringClaim("acr")).isEqualTo("urn:kp:loa:1");
		assertThat(idClaims.getStringListClaim("amr")).containsExactly("pwd");
		assertThat(idClaims.getAuthenticationTime()).isNotNull();
		assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
	}

	@Test
	void exchangeWhenClientChoseEs256ThenIdTokenSignedWithEs256() throws Exception {
		OidcTestClient es = new OidcTestClient(this.issuer, "it-es256", "it-es256-secret-0123456789abcdef0123");
		Attempt attempt = es.attempt("https://es.example.test/callback", "openid");

		OIDCTokenResponse tokens = (OIDCTokenResponse) es
			.exchange(es.authorize(this.browser, attempt, CNIC, PASSWORD).get("code"), attempt);

		JWKSet jwks = JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL());
		new IDTokenValidator(new Issuer(this.issuer), es.clientId(), JWSAlgorithm.ES256, jwks)
			.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
	}

	@Test
	void exchangeWhenTokensIssuedThenStoredOnlyAsHashes() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		OIDCTokenResponse tokens = (OIDCTokenResponse) this.client.exchange(code, attempt);

		String stored = this.jdbc.queryForList("SELECT * FROM token_family").toString();

		assertThat(stored).doesNotContain(tokens.getOIDCTokens().getRefreshToken().getValue())
			.doesNotContain(tokens.getOIDCTokens().getAccessToken().getValue())
			.doesNotContain(code);
	}

	@Test
	void authorizeWhenSessionOlderThanMaxAgeThenCitizenSignsInAgain() throws Exception {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		this.client.authorize(this.browser, first, CNIC, PASSWORD);
		Thread.sleep(1100);
		Attempt second = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser
			.follow(this.browser.get(second.uri(this.client, Map.of("max_age", "1")).toString()));

		assertThat(response.body()).contains("name=\"password\"");
		Map<String, String> callback = CitizenAgent
			.query(this.browser.location(this.browser.follow(this.browser.signIn(CNIC, PASSWORD))));
		OIDCTokenResponse tokens = (OIDCTokenResponse) this.client.exchange(callback.get("code"), second);
		assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getDateClaim("auth_time"))
			.isAfter(new java.util.Date(System.currentTimeMillis() - 5000));
	}

	@Test
	void authorizeWhenTwoSectorsThenSubjectsDiffer() throws Exception {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		String subjectHere = subject(
				this.client.exchange(this.client.authorize(this.browser, first, CNIC, PASSWORD).get("code"), first));
		OidcTestClient other = new OidcTestClient(this.issuer, "it-public-subject",
				"it-public-subject-secret-0123456789");
		Attempt second = other.attempt("https://open.example.test/callback", "openid");

		String subjectThere = subject(
				other.exchange(other.authorize(this.browser, second, CNIC, PASSWORD).get("code"), second));

		assertThat(subjectHere).isNotEqualTo(subjectThere);
		assertThat(subjectThere).matches("[0-9a-f-]{36}");
	}

	@Test
	void exchangeWhenCodeReplayedThenInvalidGrantAndFirstTokensRevoked() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		OIDCTokenResponse first = (OIDCTokenResponse) this.client.exchange(code, attempt);

		TokenResponse replay = this.client.exchange(code, attempt);

		assertThat(errorCode(replay)).isEqualTo("invalid_grant");
		assertThat(userInfoStatus(first.getOIDCTokens().getBearerAccessToken())).isEqualTo(401);
		assertThat(errorCode(this.client.token(new RefreshTokenGrant(first.getOIDCTokens().getRefreshToken()))))
			.isEqualTo("invalid_grant");
	}

	@Test
	void exchangeWhenSameCodeRedeemedConcurrentlyThenAtMostOneSucceeds() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
		java.util.List<java.util.concurrent.Future<TokenResponse>> results = new java.util.ArrayList<>();

		for (int i = 0; i < 6; i++) {
			results.add(pool.submit(() -> this.client.exchange(code, attempt)));
		}

		long successes = 0;
		for (java.util.concurrent.Future<TokenResponse> result : results) {
			successes += result.get().indicatesSuccess() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(successes).isLessThanOrEqualTo(1);
	}

	@Test
	void exchangeWhenCodeVerifierWrongThenInvalidGrant() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");

		TokenResponse response = this.client
			.token(new AuthorizationCodeGrant(new AuthorizationCode(code), attempt.redirectUri(), new CodeVerifier()));

		assertThat(errorCode(response)).isEqualTo("invalid_grant");
	}

	@Test
	void refreshWhenRotatedThenSpentTokenReuseRevokesFamily() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		RefreshToken original = ((OIDCTokenResponse) this.client.exchange(code, attempt)).getOIDCTokens()
			.getRefreshToken();
		TokenResponse rotated = this.client.token(new RefreshTokenGrant(original));
		RefreshToken next = rotated.toSuccessResponse().getTokens().getRefreshToken();

		TokenResponse reuse = this.client.token(new RefreshTokenGrant(original));

		assertThat(next.getValue()).isNotEqualTo(original.getValue());
		assertThat(errorCode(reuse)).isEqualTo("invalid_grant");
		assertThat(errorCode(this.client.token(new RefreshTokenGrant(next)))).isEqualTo("invalid_grant");
	}

	@Test
	void authorizeWhenRedirectUriNotRegisteredExactlyThenErrorPageAndNoRedirect() {
		for (String wrong : new String[] { "https://rp.example.test/callback/", "https://RP.example.test/callback",
				"https://rp.example.test:8443/callback", "https://rp.example.test/callback?x=1",
				"http://127.0.0.1:9999/callback", "https://evil.example.test/callback" }) {
			Attempt attempt = this.client.attempt(wrong, "openid");

			HttpResponse<String> response = this.browser.get(attempt.uri(this.client).toString());

			assertThat(response.statusCode()).as(wrong).isEqualTo(400);
			assertThat(response.headers().firstValue("Location")).as(wrong).isEmpty();
		}
	}

	@Test
	void authorizeWhenPromptNoneWithoutSessionThenLoginRequiredAtRedirectUri() {
		Attempt attempt = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser.get(attempt.uri(this.client, Map.of("prompt", "none")).toString());

		assertThat(response.statusCode()).isEqualTo(302);
		Map<String, String> callback = CitizenAgent.query(this.browser.location(response));
		assertThat(callback).containsEntry("error", "login_required")
			.containsEntry("state", attempt.state().getValue())
			.containsEntry("iss", this.issuer.toString());
	}

	@Test
	void authorizeWhenSessionOlderThanMaxAgeAndPromptNoneThenLoginRequired() throws Exception {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		this.client.authorize(this.browser, first, CNIC, PASSWORD);
		Thread.sleep(1100);
		Attempt second = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser
			.get(second.uri(this.client, Map.of("prompt", "none", "max_age", "1")).toString());

		assertThat(CitizenAgent.query(this.browser.location(response))).containsEntry("error", "login_required");
	}

	@Test
	void authorizeWhenPromptLoginThenCitizenSignsInAgain() {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		this.client.authorize(this.browser, first, CNIC, PASSWORD);
		Attempt second = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser
			.follow(this.browser.get(second.uri(this.client, Map.of("prompt", "login")).toString()));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("name=\"password\"");
		Map<String, String> callback = CitizenAgent
			.query(this.browser.location(this.browser.follow(this.browser.signIn(CNIC, PASSWORD))));
		assertThat(callback).containsKey("code");
	}

	@Test
	void authorizeWhenSessionLiveAndPromptNoneThenCodeWithoutSignIn() {
		Attempt first = this.client.attempt(CALLBACK, "openid");
		this.client.authorize(this.browser, first, CNIC, PASSWORD);
		Attempt second = this.client.attempt(CALLBACK, "openid");

		HttpResponse<String> response = this.browser.get(second.uri(this.client, Map.of("prompt", "none")).toString());

		assertThat(CitizenAgent.query(this.browser.location(response))).containsKey("code");
	}

	@Test
	void userinfoWhenTokenTamperedOrUnsignedThenUnauthorized() throws Exception {
		Attempt attempt = this.client.attempt(CALLBACK, "openid profile");
		String code = this.client.authorize(this.browser, attempt, CNIC, PASSWORD).get("code");
		BearerAccessToken token = ((OIDCTokenResponse) this.client.exchange(code, attempt)).getOIDCTokens()
			.getBearerAccessToken();
		String[] parts = token.getValue().split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
		String tamperedPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(
					payload.replace("\"client_id\":\"it-confidential\"", "\"client_id\":\"it-consent\"").getBytes());
		String noneHeader = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());

		assertThat(userInfoStatus(token)).isEqualTo(200);
		assertThat(userInfoStatus(new BearerAccessToken(parts[0] + "." + tamperedPayload + "." + parts[2])))
			.isEqualTo(401);
		assertThat(userInfoStatus(new BearerAccessToken(noneHeader + "." + parts[1] + "."))).isEqualTo(401);
	}

	private int userInfoStatus(BearerAccessToken token) throws Exception {
		return new UserInfoRequest(this.issuer.resolve("/userinfo"), token).toHTTPRequest().send().getStatusCode();
	}

	private static String subject(TokenResponse response) throws Exception {
		return ((OIDCTokenResponse) response).getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject();
	}

	private static String errorCode(TokenResponse response) {
		assertThat(response.indicatesSuccess()).as("expected an error response").isFalse();
		return ((TokenErrorResponse) response).getErrorObject().getCode();
	}

}
