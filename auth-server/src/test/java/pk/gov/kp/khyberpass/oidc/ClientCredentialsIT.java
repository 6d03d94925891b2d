package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class ClientCredentialsIT {

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	OidcTestClient service;

	@Autowired
	ClientAdministration clients;

	@BeforeEach
	void setUp() {
		this.service = new OidcTestClient(this.issuer, "it-service", "it-service-secret-0123456789abcdef");
	}

	@Test
	void tokenWhenClientCredentialsThenEs256AtJwtForTheClient() throws Exception {
		TokenResponse response = this.service.token(new ClientCredentialsGrant(), new Scope("vehicles.read"));

		SignedJWT token = SignedJWT.parse(accessToken(response).getValue());
		ECKey key = JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL())
			.getKeyByKeyId(token.getHeader().getKeyID())
			.toECKey();
		assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
		assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(token.getHeader().getType().toString()).isEqualTo("at+jwt");
		assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("it-service");
		assertThat(token.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("it-service");
		assertThat(token.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("vehicles.read");
		assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(this.issuer.toString());
		assertThat(token.getJWTClaimsSet().getJWTID()).isNotBlank();
	}

	@Test
	void tokenWhenClientHasAudiencesThenTokenIsForThoseApis() throws Exception {
		OidcTestClient caller = new OidcTestClient(this.issuer, "it-caller", "it-caller-secret-0123456789abcdef0123");

		SignedJWT token = SignedJWT
			.parse(accessToken(caller.token(new ClientCredentialsGrant(), new Scope("vehicles.read"))).getValue());

		assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("https://mvr.example.test/api",
				"https://police.example.test/api");
	}

	@Test
	void tokenWhenResourceRegisteredThenAudienceNarrowedToIt() throws Exception {
		HttpResponse<String> response = tokenRequest("it-caller", "it-caller-secret-0123456789abcdef0123",
				"&resource=" + java.net.URLEncoder.encode("https://police.example.test/api", StandardCharsets.UTF_8));

		String token = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience())
			.containsExactly("https://police.example.test/api");
	}

	@Test
	void tokenWhenResourceNotRegisteredThenInvalidTarget() throws Exception {
		HttpResponse<String> response = tokenRequest("it-caller", "it-caller-secret-0123456789abcdef0123",
				"&resource=https://evil.example.test/api");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_target");
	}

	@Test
	void introspectWhenSelfContainedTokenLiveThenActive() throws Exception {
		AccessToken token = accessToken(this.service.token(new ClientCredentialsGrant(), new Scope("vehicles.read")));

		TokenIntrospectionResponse response = introspect(token);

		assertThat(response.toSuccessResponse().isActive()).isTrue();
		assertThat(response.toSuccessResponse().getClientID().getValue()).isEqualTo("it-service");
		assertThat(response.toSuccessResponse().getScope()).isEqualTo(new Scope("vehicles.read"));
	}

	@Test
	void introspectWhenTokenRevokedThenInactive() throws Exception {
		AccessToken token = accessToken(this.service.token(new ClientCredentialsGrant(), new Scope("vehicles.read")));

		int revocation = new TokenRevocationRequest(this.issuer.resolve("/oauth2/revoke"),
				this.service.authentication(), token)
			.toHTTPRequest()
			.send()
			.getStatusCode();

		assertThat(revocation).isEqualTo(200);
		assertThat(introspect(token).toSuccessResponse().isActive()).isFalse();
	}

	@Test
	void introspectWhenClientDisabledSinceThenInactive() throws Exception {
		OidcTestClient departing = new OidcTestClient(this.issuer, "it-service-disabled-later",
				"it-service-disabled-later-secret-0123456789");
		AccessToken token = accessToken(departing.token(new ClientCredentialsGrant(), new Scope("vehicles.read")));
		assertThat(introspect(token).toSuccessResponse().isActive()).isTrue();

		this.clients.disable("it-service-disabled-later");
		try {
			assertThat(introspect(token).toSuccessResponse().isActive()).isFalse();
		}
		finally {
			this.clients.enable("it-service-disabled-later");
		}
		assertThat(introspect(token).toSuccessResponse().isActive()).isTrue();
	}

	@Test
	void introspectWhenTokenForgedThenInactive() throws Exception {
		String[] parts = accessToken(this.service.token(new ClientCredentialsGrant(), new Scope("vehicles.read")))
			.getValue()
			.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("vehicles.read", "vehicles.write");
		String forged = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];

		assertThat(introspect(new BearerAccessToken(forged)).toSuccessResponse().isActive()).isFalse();
	}

	@Test
	void tokenWhenSecretWrongOrClientUnknownThenSameInvalidClientWithChallenge() throws Exception {
		HttpResponse<String> wrongSecret = tokenRequest("it-service", "not-the-secret");
		HttpResponse<String> unknownClient = tokenRequest("no-such-client", "not-the-secret");

		for (HttpResponse<String> response : java.util.List.of(wrongSecret, unknownClient)) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
			assertThat(response.body()).contains("\"invalid_client\"");
		}
		assertThat(wrongSecret.body()).isEqualTo(unknownClient.body());
	}

	@Test
	void tokenWhenScopeNotRegisteredThenInvalidScope() {
		TokenResponse response = this.service.token(new ClientCredentialsGrant(), new Scope("admin"));

		assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_scope");
	}

	private HttpResponse<String> tokenRequest(String clientId, String secret) throws Exception {
		return tokenRequest(clientId, secret, "");
	}

	private HttpResponse<String> tokenRequest(String clientId, String secret, String extra) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials" + extra))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private TokenIntrospectionResponse introspect(AccessToken token) {
		return this.service.introspect(token);
	}

	private static AccessToken accessToken(TokenResponse response) {
		assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
		return response.toSuccessResponse().getTokens().getAccessToken();
	}

}
