package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization code flow: request, callback checks, code exchange, refresh, userinfo
 * and logout.
 */
class CodeFlowTests {

	private static final URI REDIRECT = URI.create("https://vehicles.kp.gov.pk/login/callback");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void buildWhenAuthorizationRequestThenUriCarriesPkceStateNonceAndOptions() {
		AuthorizationRequest request = this.client.authorizationRequest(REDIRECT)
			.scopes("profile", "cnic")
			.minimumAcr(AssuranceLevel.LOA2)
			.maxAge(Duration.ofMinutes(10))
			.prompt(Prompt.LOGIN)
			.uiLocales("ur en")
			.build();

		Map<String, String> query = query(request.uri());
		PendingAuthorization pending = request.pending();
		assertThat(request.uri().toString()).startsWith(this.provider.issuer() + "/authorize?");
		assertThat(query).containsEntry("response_type", "code")
			.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("redirect_uri", REDIRECT.toString())
			.containsEntry("scope", "openid profile cnic")
			.containsEntry("state", pending.state())
			.containsEntry("nonce", pending.nonce())
			.containsEntry("code_challenge_method", "S256")
			.containsEntry("code_challenge", AuthorizationRequest.Builder.codeChallenge(pending.codeVerifier()))
			.containsEntry("acr_values", "urn:kp:loa:2")
			.containsEntry("max_age", "600")
			.containsEntry("prompt", "login")
			.containsEntry("ui_locales", "ur en");
		assertThat(pending.codeVerifier()).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
		assertThat(pending.state()).isNotEqualTo(pending.nonce());
		assertThat(pending.toString()).doesNotContain(pending.codeVerifier()).doesNotContain(pending.nonce());
	}

	@Test
	void exchangeCodeWhenValidCallbackThenTokensWithVerifiedIdToken() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> tokens(this.provider.idToken(pending.nonce()).sign(), "refresh-1"));

		TokenResponse tokens = this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending);

		assertThat(tokens.idToken()).hasValueSatisfying((id) -> {
			assertThat(id.subject()).isEqualTo("citizen-123");
			assertThat(id.assuranceLevel()).contains(AssuranceLevel.LOA2);
			assertThat(id.sessionId()).contains("session-1");
		});
		assertThat(tokens.refreshToken()).contains("refresh-1");
		assertThat(tokens.expiresAt()).contains(TestOpenIdProvider.START.plusSeconds(300));
		assertThat(tokens.toString()).doesNotContain("refresh-1");
		TestOpenIdProvider.RecordedRequest sent = this.provider.tokenRequests().get(0);
		assertThat(sent.form()).containsEntry("grant_type", "authorization_code")
			.containsEntry("code", "code-1")
			.containsEntry("redirect_uri", REDIRECT.toString())
			.containsEntry("code_verifier", pending.codeVerifier())
			.doesNotContainKey("client_secret");
		assertThat(sent.authorization()).isEqualTo("Basic " + Base64.getEncoder()
			.encodeToString((TestOpenIdProvider.CLIENT_ID + ":" + TestOpenIdProvider.CLIENT_SECRET).getBytes()));
	}

	@Test
	void exchangeCodeWhenStateDiffersThenRejectWithoutCallingTokenEndpoint() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();

		assertThatThrownBy(() -> this.client.exchangeCode(callback("forged-state", this.provider.issuer()), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.STATE));
		assertThat(this.provider.tokenRequests()).isEmpty();
	}

	@Test
	void exchangeCodeWhenIssParameterDiffersThenRejectAsMixUp() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), "https://evil.example"), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.ISSUER));
		assertThat(this.provider.tokenRequests()).isEmpty();
	}

	@Test
	void exchangeCodeWhenIssParameterMissingButAdvertisedThenReject() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		Map<String, String> callback = callback(pending.state(), null);

		assertThatThrownBy(() -> this.client.exchangeCode(callback, pending)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.ISSUER));
	}

	@Test
	void exchangeCodeWhenErrorResponseThenOAuthErrorException() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		Map<String, String> callback = Map.of("error", "access_denied", "error_description", "Citizen cancelled",
				"state", pending.state(), "iss", this.provider.issuer());

		assertThatThrownBy(() -> this.client.exchangeCode(callback, pending))
			.isInstanceOfSatisfying(OAuthErrorException.class, (ex) -> {
				assertThat(ex.error()).isEqualTo("access_denied");
				assertThat(ex.description()).contains("Citizen cancelled");
			});
	}

	@Test
	void exchangeCodeWhenTokenEndpointRefusesThenOAuthErrorException() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> Response.json(400, Map.of("error", "invalid_grant")));

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending))
			.isInstanceOfSatisfying(OAuthErrorException.class,
					(ex) -> assertThat(ex.error()).isEqualTo("invalid_grant"));
	}

	@Test
	void exchangeCodeWhenIdTokenNonceDiffersThenReject() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> tokens(this.provider.idToken("stolen").sign(), null));

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.NONCE));
	}

	@Test
	void exchangeCodeWhenRequestedAcrNotReachedThenReject() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT)
			.minimumAcr(AssuranceLevel.LOA3)
			.build()
			.pending();
		this.provider.tokenEndpoint((request) -> tokens(this.provider.idToken(pending.nonce()).sign(), null));

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.ACR));
	}

	@Test
	void exchangeCodeWhenSignInOlderThanMaxAgeThenReject() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT)
			.maxAge(Duration.ofMinutes(5))
			.build()
			.pending();
		long signedIn = TestOpenIdProvider.START.minusSeconds(3600).getEpochSecond();
		this.provider.tokenEndpoint(
				(request) -> tokens(this.provider.idToken(pending.nonce()).claim("auth_time", signedIn).sign(), null));

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.AUTH_TIME));
	}

	@Test
	void exchangeCodeWhenAtHashDoesNotMatchThenReject() {
		PendingAuthorization pending = this.client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> tokens(
				this.provider.idToken(pending.nonce()).claim("at_hash", "AAAAAAAAAAAAAAAAAAAAAA").sign(), null));

		assertThatThrownBy(() -> this.client.exchangeCode(callback(pending.state(), this.provider.issuer()), pending))
			.isInstanceOfSatisfying(InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(Reason.AT_HASH));
	}

	@Test
	void refreshWhenRotatedThenNewRefreshTokenReturned() {
		this.provider.tokenEndpoint((request) -> tokens(null, "refresh-2"));

		TokenResponse tokens = this.client.refresh("refresh-1");

		assertThat(tokens.refreshToken()).contains("refresh-2");
		assertThat(tokens.idToken()).isEmpty();
		assertThat(this.provider.tokenRequests().get(0).form()).containsEntry("grant_type", "refresh_token")
			.containsEntry("refresh_token", "refresh-1");
	}

	@Test
	void refreshWhenSpentThenOAuthErrorInvalidGrant() {
		this.provider.tokenEndpoint((request) -> Response.json(400,
				Map.of("error", "invalid_grant", "error_description", "Refresh token reused")));

		assertThatThrownBy(() -> this.client.refresh("refresh-1")).isInstanceOfSatisfying(OAuthErrorException.class,
				(ex) -> assertThat(ex.error()).isEqualTo("invalid_grant"));
	}

	@Test
	void exchangeCodeWhenClientSecretPostThenSecretInForm() {
		KhyberPassClient postClient = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.clientSecretPost(TestOpenIdProvider.CLIENT_SECRET))
			.clock(this.provider.clock())
			.build();
		this.provider.tokenEndpoint((request) -> tokens(null, null));

		postClient.refresh("refresh-1");

		TestOpenIdProvider.RecordedRequest sent = this.provider.tokenRequests().get(0);
		assertThat(sent.authorization()).isNull();
		assertThat(sent.form()).containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("client_secret", TestOpenIdProvider.CLIENT_SECRET);
		postClient.close();
	}

	@Test
	void refreshWhenPrivateKeyJwtThenSignedAssertionForTokenEndpoint() throws ParseException, JOSEException {
		ECKey clientKey = TestOpenIdProvider.generateEc("client-key-1");
		KhyberPassClient jwtClient = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.privateKeyJwt(clientKey))
			.clock(this.provider.clock())
			.build();
		this.provider.tokenEndpoint((request) -> tokens(null, null));

		jwtClient.refresh("refresh-1");
		jwtClient.refresh("refresh-2");

		Map<String, String> first = this.provider.tokenRequests().get(0).form();
		assertThat(first).containsEntry("client_assertion_type",
				"urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(first.get("client_assertion"));
		assertThat(assertion.verify(new ECDSAVerifier(clientKey.toPublicJWK()))).isTrue();
		assertThat(assertion.getHeader().getKeyID()).isEqualTo("client-key-1");
		JWTClaimsSet claims = assertion.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(TestOpenIdProvider.CLIENT_ID);
		assertThat(claims.getSubject()).isEqualTo(TestOpenIdProvider.CLIENT_ID);
		assertThat(claims.getAudience()).containsExactly(this.provider.issuer() + "/token");
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(60_000);
		String secondJti = SignedJWT.parse(this.provider.tokenRequests().get(1).form().get("client_assertion"))
			.getJWTClaimsSet()
			.getJWTID();
		assertThat(claims.getJWTID()).isNotBlank().isNotEqualTo(secondJti);
		jwtClient.close();
	}

	@Test
	void refreshWhenClientAuthenticationNoneThenClientException() {
		KhyberPassClient resourceServer = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID, ClientAuthentication.none())
			.build();

		assertThatThrownBy(() -> resourceServer.refresh("refresh-1")).isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("clientSecretBasic");
		resourceServer.close();
	}

	@Test
	void userInfoWhenSubjectMatchesThenClaims() {
		UserInfo userInfo = this.client.userInfo("access-1", "citizen-123");

		assertThat(userInfo.string("name")).contains("Test Citizen");
	}

	@Test
	void userInfoWhenSubjectDiffersThenReject() {
		assertThatThrownBy(() -> this.client.userInfo("access-1", "citizen-456")).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.SUBJECT));
	}

	@Test
	void userInfoWhenTokenRefusedThenOAuthError() {
		this.provider.userInfo(new Response(401, "", Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));

		assertThatThrownBy(() -> this.client.userInfo("access-1", "citizen-123")).isInstanceOfSatisfying(
				OAuthErrorException.class, (ex) -> assertThat(ex.error()).isEqualTo("invalid_token"));
	}

	@Test
	void logoutUriWhenRedirectAndStateThenAllParameters() {
		URI uri = this.client.logoutUri("id-token-1", URI.create("https://vehicles.kp.gov.pk/"), "st-1");

		assertThat(uri.toString()).startsWith(this.provider.issuer() + "/logout?");
		assertThat(query(uri)).containsEntry("id_token_hint", "id-token-1")
			.containsEntry("post_logout_redirect_uri", "https://vehicles.kp.gov.pk/")
			.containsEntry("state", "st-1")
			.containsEntry("client_id", TestOpenIdProvider.CLIENT_ID);
	}

	@Test
	void discoveryWhenIssuerDiffersThenClientException() {
		this.provider.metadata("issuer", "https://login.kp.gov.pk");

		assertThatThrownBy(() -> this.client.authorizationRequest(REDIRECT).build())
			.isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("must be identical");
	}

	@Test
	void builderWhenIssuerNotHttpsThenClientException() {
		assertThatThrownBy(() -> KhyberPassClient.builder(URI.create("http://login.kp.gov.pk"), "app",
				ClientAuthentication.none()))
			.isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("https");
	}

	private Response tokens(String idToken, String refreshToken) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", "access-1");
		json.put("token_type", "Bearer");
		json.put("expires_in", 300);
		if (idToken != null) {
			json.put("id_token", idToken);
		}
		if (refreshToken != null) {
			json.put("refresh_token", refreshToken);
		}
		return Response.json(200, json);
	}

	private static Map<String, String> callback(String state, String iss) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("code", "code-1");
		params.put("state", state);
		if (iss != null) {
			params.put("iss", iss);
		}
		return params;
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

}
