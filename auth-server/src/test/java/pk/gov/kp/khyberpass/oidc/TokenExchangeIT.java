package pk.gov.kp.khyberpass.oidc;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
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

/**
 * RFC 8693 token exchange over real HTTP: a department trades a citizen's access token
 * for one to call another department's API on the citizen's behalf.
 */
@KhyberPassIntegrationTest
class TokenExchangeIT {

	static final String REGISTRY = "https://registry.example.test/api";

	static final String POLICE = "https://police.example.test/api";

	@LocalServerPort
	int port;

	@Autowired
	PairwiseSubjects subjects;

	@Autowired
	JdbcTemplate jdbc;

	URI issuer;

	OidcTestClient department;

	@BeforeEach
	void setUp() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.department = new OidcTestClient(this.issuer, "it-exchange", "it-exchange-secret-0123456789abcdef0123");
	}

	@Test
	void exchangeWhenCitizenTokenOfCallerThenTokenForTargetActingClientAndTargetSubject() throws Exception {
		AccessToken citizen = citizenToken("openid vehicles.read registry.read");

		AccessTokenResponse response = success(
				this.department.token(exchange(citizen, REGISTRY), new Scope("registry.read")));

		SignedJWT token = SignedJWT.parse(response.getTokens().getAccessToken().getValue());
		JWTClaimsSet subjectClaims = SignedJWT.parse(citizen.getValue()).getJWTClaimsSet();
		JWTClaimsSet claims = token.getJWTClaimsSet();
		assertThat(token.verify(new ECDSAVerifier(JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL())
			.getKeyByKeyId(token.getHeader().getKeyID())
			.toECKey()))).isTrue();
		assertThat(token.getHeader().getType().toString()).isEqualTo("at+jwt");
		assertThat(response.getTokens().getAccessToken().getIssuedTokenType()).isEqualTo(TokenTypeURI.ACCESS_TOKEN);
		assertThat(claims.getAudience()).containsExactly(REGISTRY);
		assertThat(claims.getJSONObjectClaim("act")).containsExactly(Map.entry("sub", "it-exchange"));
		assertThat(claims.getStringClaim("client_id")).isEqualTo("it-exchange");
		assertThat(claims.getStringClaim("scope")).isEqualTo("registry.read");
		assertThat(claims.getStringClaim("acr")).isEqualTo(subjectClaims.getStringClaim("acr"));
		String accountId = accountWithSubject(subjectClaims.getSubject(), "exchange.example.test");
		assertThat(claims.getSubject()).isEqualTo(this.subjects.pairwise("registry.example.test", accountId))
			.isNotEqualTo(subjectClaims.getSubject());
	}

	@Test
	void introspectWhenExchangedTokenThenActiveForTheTargetSubject() throws Exception {
		AccessToken exchanged = success(this.department.token(exchange(citizenToken("openid vehicles.read"), POLICE)))
			.getTokens()
			.getAccessToken();

		TokenIntrospectionResponse response = this.department.introspect(exchanged);

		assertThat(response.indicatesSuccess()).isTrue();
		assertThat(response.toSuccessResponse().isActive()).isTrue();
		assertThat(response.toSuccessResponse().getSubject().getValue())
			.isEqualTo(SignedJWT.parse(exchanged.getValue()).getJWTClaimsSet().getSubject());
	}

	@Test
	void exchangeWhenNoScopeAskedThenSubjectTokenScopes() throws Exception {
		AccessToken citizen = citizenToken("openid vehicles.read");

		AccessTokenResponse response = success(this.department.token(exchange(citizen, POLICE)));

		JWTClaimsSet claims = SignedJWT.parse(response.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
		assertThat(Scope.parse(claims.getStringClaim("scope")))
			.containsExactlyInAnyOrderElementsOf(Scope.parse("openid vehicles.read"));
		assertThat(claims.getAudience()).containsExactly(POLICE);
	}

	@Test
	void exchangeWhenTargetNamedAsResourceThenTokenForIt() throws Exception {
		AccessToken citizen = citizenToken("openid vehicles.read");
		TokenRequest request = new TokenRequest.Builder(this.department.endpoint("/oauth2/token"),
				this.department.authentication(), new TokenExchangeGrant(citizen, TokenTypeURI.ACCESS_TOKEN))
			.resources(URI.create(POLICE))
			.build();

		AccessTokenResponse response = success(send(request));

		assertThat(SignedJWT.parse(response.getTokens().getAccessToken().getValue()).getJWTClaimsSet().getAudience())
			.containsExactly(POLICE);
	}

	@Test
	void exchangeWhenScopeBeyondSubjectTokenThenInvalidScope() {
		AccessToken citizen = citizenToken("openid vehicles.read");

		TokenResponse response = this.department.token(exchange(citizen, REGISTRY), new Scope("registry.read"));

		assertThat(errorCode(response)).isEqualTo("invalid_scope");
	}

	@Test
	void exchangeWhenTargetNotRegisteredForCallerThenInvalidTarget() {
		AccessToken citizen = citizenToken("openid vehicles.read");

		TokenResponse response = this.department.token(exchange(citizen, "https://evil.example.test/api"));

		assertThat(errorCode(response)).isEqualTo("invalid_target");
	}

	@Test
	void exchangeWhenNoTargetThenInvalidRequest() {
		AccessToken citizen = citizenToken("openid vehicles.read");

		TokenResponse response = this.department.token(new TokenExchangeGrant(citizen, TokenTypeURI.ACCESS_TOKEN));

		assertThat(errorCode(response)).isEqualTo("invalid_request");
	}

	@Test
	void exchangeWhenSubjectTokenForgedThenInvalidGrant() {
		TokenResponse response = this.department
			.token(exchange(new BearerAccessToken("eyJhbGciOiJFUzI1NiJ9.e30.c2ln"), REGISTRY));

		assertThat(errorCode(response)).isEqualTo("invalid_grant");
	}

	@Test
	void exchangeWhenSubjectTokenRevokedThenInvalidGrant() throws Exception {
		AccessToken citizen = citizenToken("openid vehicles.read");
		var revoked = new TokenRevocationRequest(this.department.endpoint("/oauth2/revoke"),
				this.department.authentication(), citizen)
			.toHTTPRequest()
			.send();
		assertThat(revoked.getStatusCode()).isEqualTo(200);

		TokenResponse response = this.department.token(exchange(citizen, REGISTRY));

		assertThat(errorCode(response)).isEqualTo("invalid_grant");
	}

	@Test
	void exchangeWhenSubjectIsServiceTokenThenInvalidGrant() {
		OidcTestClient service = new OidcTestClient(this.issuer, "it-caller", "it-caller-secret-0123456789abcdef0123");
		AccessToken serviceToken = success(service.token(new ClientCredentialsGrant(), new Scope("vehicles.read")))
			.getTokens()
			.getAccessToken();

		TokenResponse response = this.department.token(exchange(serviceToken, REGISTRY));

		assertThat(errorCode(response)).isEqualTo("invalid_grant");
	}

	@Test
	void exchangeWhenSubjectTokenIssuedToAnotherClientThenInvalidGrant() {
		AccessToken citizen = citizenToken("openid vehicles.read");
		OidcTestClient peer = new OidcTestClient(this.issuer, "it-exchange-peer",
				"it-exchange-peer-secret-0123456789abcdef");

		TokenResponse response = peer.token(exchange(citizen, REGISTRY));

		assertThat(errorCode(response)).isEqualTo("invalid_grant");
	}

	@Test
	void exchangeWhenClientNotRegisteredForGrantThenUnauthorizedClient() {
		OidcTestClient other = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");

		TokenResponse response = other.token(exchange(citizenToken("openid vehicles.read"), REGISTRY));

		assertThat(errorCode(response)).isEqualTo("unauthorized_client");
	}

	@Test
	void exchangeWhenActorTokenSentThenInvalidRequest() {
		AccessToken citizen = citizenToken("openid vehicles.read");

		TokenResponse response = this.department.token(new TokenExchangeGrant(citizen, TokenTypeURI.ACCESS_TOKEN,
				citizen, TokenTypeURI.ACCESS_TOKEN, null, List.of(new Audience(REGISTRY))));

		assertThat(errorCode(response)).isEqualTo("invalid_request");
	}

	@Test
	void discoveryWhenFetchedThenAdvertisesTokenExchange() throws Exception {
		OIDCProviderMetadata metadata = OIDCProviderMetadata
			.resolve(new com.nimbusds.oauth2.sdk.id.Issuer(this.issuer.toString()));

		assertThat(metadata.getGrantTypes()).extracting(Object::toString)
			.contains("urn:ietf:params:oauth:grant-type:token-exchange", "authorization_code", "client_credentials");
	}

	private AccessToken citizenToken(String scope) {
		Attempt attempt = this.department.attempt("https://exchange.example.test/callback", scope);
		Map<String, String> callback = this.department.authorize(new CitizenAgent(this.issuer), attempt,
				"17301-1234567-2", "a-long-integration-passphrase");
		return success(this.department.exchange(callback.get("code"), attempt)).getTokens().getAccessToken();
	}

	private static AuthorizationGrant exchange(AccessToken subject, String audience) {
		return new TokenExchangeGrant(subject, TokenTypeURI.ACCESS_TOKEN, null, null, null,
				List.of(new Audience(audience)));
	}

	private String accountWithSubject(String subject, String sector) {
		return this.jdbc.queryForList("SELECT id FROM accounts", String.class)
			.stream()
			.filter((id) -> this.subjects.pairwise(sector, id).equals(subject))
			.findFirst()
			.orElseThrow();
	}

	private static TokenResponse send(TokenRequest request) throws IOException, ParseException {
		return OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
	}

	private static AccessTokenResponse success(TokenResponse response) {
		assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
			.isTrue();
		return response.toSuccessResponse();
	}

	private static String errorCode(TokenResponse response) {
		assertThat(response.indicatesSuccess()).isFalse();
		return ((TokenErrorResponse) response).getErrorObject().getCode();
	}

}
