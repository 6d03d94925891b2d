package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client's own policies through the real flow, as the seed file sets them
 * ({@code it-claims}: {@code claims-allowed: [name, birthdate]},
 * {@code access-token-lifetime: 2m}, {@code id-token-lifetime: 10m}), beside a client
 * without them ({@code it-confidential}).
 */
@KhyberPassIntegrationTest
class ClientPoliciesIT {

	private static final String CALLBACK = "https://claims.example.test/callback";

	@LocalServerPort
	int port;

	URI issuer;

	OidcTestClient restricted;

	CitizenAgent browser;

	@BeforeEach
	void setUp() {
		this.issuer = URI.create("http://localhost:" + this.port);
		this.restricted = new OidcTestClient(this.issuer, "it-claims", "it-claims-secret-0123456789abcdef0123");
		this.browser = new CitizenAgent(this.issuer);
	}

	@Test
	void userinfoWhenClaimsAllowedLacksPhoneNumberThenPhoneScopeReleasesNoPhoneNumber() throws Exception {
		Attempt attempt = this.restricted.attempt(CALLBACK, "openid profile phone");
		OIDCTokens tokens = signIn(this.restricted, attempt);

		UserInfo userInfo = userInfo(tokens.getAccessToken());

		assertThat(tokens.getAccessToken().getScope().toStringList()).contains("phone");
		assertThat(userInfo.getName()).isEqualTo("Ayesha Khan");
		assertThat(userInfo.getBirthdate()).isEqualTo("1990-04-12");
		assertThat(userInfo.getSubject()).isNotNull();
		assertThat(userInfo.toJSONObject()).doesNotContainKey("phone_number");
	}

	@Test
	void idTokenWhenClaimsAllowedThenNoPhoneNumberAndProtocolClaimsKept() throws Exception {
		Attempt attempt = this.restricted.attempt(CALLBACK, "openid profile phone");
		OIDCTokens tokens = signIn(this.restricted, attempt);

		JWTClaimsSet idToken = verifiedIdToken(tokens, attempt, "it-claims");
		JWTClaimsSet accessToken = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();

		assertThat(idToken.getClaims()).doesNotContainKey("phone_number")
			.containsKeys("sub", "iss", "aud", "acr", "amr", "auth_time", "nonce", "sid");
		assertThat(accessToken.getClaims()).doesNotContainKey("phone_number")
			.containsKeys("sub", "client_id", "scope", "acr", "amr");
	}

	@Test
	void userinfoWhenNoClaimsAllowedThenPhoneScopeReleasesPhoneNumber() throws Exception {
		OidcTestClient open = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		Attempt attempt = open.attempt("https://rp.example.test/callback", "openid profile phone");

		UserInfo userInfo = userInfo(signIn(open, attempt).getAccessToken());

		assertThat(userInfo.getPhoneNumber()).isEqualTo("+923001234567");
	}

	@Test
	void exchangeWhenTokenLifetimesSetThenExpMinusIatEqualsThem() throws Exception {
		Attempt attempt = this.restricted.attempt(CALLBACK, "openid");
		OIDCTokens tokens = signIn(this.restricted, attempt);

		JWTClaimsSet idToken = verifiedIdToken(tokens, attempt, "it-claims");
		JWTClaimsSet accessToken = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();

		assertThat(lifetimeSeconds(idToken)).isEqualTo(600);
		assertThat(lifetimeSeconds(accessToken)).isEqualTo(120);
		assertThat(tokens.getAccessToken().getLifetime()).isBetween(119L, 120L);
	}

	@Test
	void exchangeWhenNoTokenLifetimesSetThenServerDefaults() throws Exception {
		OidcTestClient open = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		Attempt attempt = open.attempt("https://rp.example.test/callback", "openid");
		OIDCTokens tokens = signIn(open, attempt);

		assertThat(lifetimeSeconds(verifiedIdToken(tokens, attempt, "it-confidential"))).isEqualTo(1800);
		assertThat(lifetimeSeconds(SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet()))
			.isEqualTo(300);
	}

	@Test
	void clientCredentialsWhenAccessTokenLifetimeSetThenExpMinusIatEqualsIt() throws Exception {
		TokenResponse response = this.restricted.token(new ClientCredentialsGrant(), new Scope("vehicles.read"));

		assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
		AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
		assertThat(lifetimeSeconds(SignedJWT.parse(token.getValue()).getJWTClaimsSet())).isEqualTo(120);
	}

	private OIDCTokens signIn(OidcTestClient client, Attempt attempt) {
		Map<String, String> callback = client.authorize(this.browser, attempt, AuthorizationCodeFlowIT.CNIC,
				AuthorizationCodeFlowIT.PASSWORD);
		TokenResponse response = client.exchange(callback.get("code"), attempt);
		assertThat(response.indicatesSuccess()).as(response.toString()).isTrue();
		return ((OIDCTokenResponse) response).getOIDCTokens();
	}

	private JWTClaimsSet verifiedIdToken(OIDCTokens tokens, Attempt attempt, String clientId) throws Exception {
		JWKSet jwks = JWKSet.load(this.issuer.resolve("/oauth2/jwks").toURL());
		return new IDTokenValidator(new Issuer(this.issuer), new com.nimbusds.oauth2.sdk.id.ClientID(clientId),
				JWSAlgorithm.RS256, jwks)
			.validate(tokens.getIDToken(), attempt.nonce())
			.toJWTClaimsSet();
	}

	private UserInfo userInfo(AccessToken token) throws Exception {
		UserInfoResponse response = UserInfoResponse
			.parse(new UserInfoRequest(this.issuer.resolve("/userinfo"), token).toHTTPRequest().send());
		assertThat(response.indicatesSuccess()).isTrue();
		return response.toSuccessResponse().getUserInfo();
	}

	private static long lifetimeSeconds(JWTClaimsSet claims) {
		return (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
	}

}
