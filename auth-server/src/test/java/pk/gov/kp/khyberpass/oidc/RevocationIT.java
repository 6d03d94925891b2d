package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revoking a token family stops its access tokens at Khyber Pass's own userinfo and
 * introspection endpoints from that moment, not when the JWTs expire: refresh-token
 * reuse, consent withdrawal, a password change, the end of the SSO session, and the
 * tokens a department obtained by exchanging one of the family's access tokens.
 */
@KhyberPassIntegrationTest
class RevocationIT {

	static final String CNIC = "17301-1234567-2";

	static final String PASSWORD = "a-long-integration-passphrase";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	OidcTestClient department;

	@BeforeEach
	void setUp() {
		this.department = new OidcTestClient(this.issuer, "it-confidential", "it-confidential-secret-0123456789abcdef");
	}

	@Test
	void refreshTokenReusedThenEveryAccessTokenOfTheFamilyRefused() throws Exception {
		OIDCTokenResponse first = signIn(this.department, "https://rp.example.test/callback", "openid profile",
				new CitizenAgent(this.issuer), CNIC, PASSWORD);
		RefreshToken original = first.getOIDCTokens().getRefreshToken();
		TokenResponse rotated = this.department.token(new RefreshTokenGrant(original));
		AccessToken current = rotated.toSuccessResponse().getTokens().getAccessToken();
		assertThat(userInfo(current).getStatusCode()).isEqualTo(200);
		assertThat(isActive(current)).isTrue();

		TokenResponse reuse = this.department.token(new RefreshTokenGrant(original));

		assertThat(reuse.indicatesSuccess()).isFalse();
		for (AccessToken token : List.of(current, first.getOIDCTokens().getAccessToken())) {
			assertRefused(token);
		}
	}

	@Test
	void consentWithdrawnThenAccessTokenRefused() throws Exception {
		OidcTestClient consenting = new OidcTestClient(this.issuer,
				new ClientSecretPost(new ClientID("it-consent"), new Secret("it-consent-secret-0123456789abcdef")));
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = consenting.attempt("https://consent.example.test/callback", "openid profile");
		HttpResponse<String> consentPage = browser
			.follow(browser.get(attempt.uri(consenting, Map.of("prompt", "consent")).toString()));
		if (consentPage.body().contains("name=\"password\"")) {
			consentPage = browser.follow(browser.signIn(CNIC, PASSWORD));
		}
		Map<String, String> callback = approve(browser, consentPage);
		AccessToken token = ((OIDCTokenResponse) consenting.exchange(callback.get("code"), attempt)).getOIDCTokens()
			.getAccessToken();
		assertThat(userInfo(token).getStatusCode()).isEqualTo(200);
		HttpResponse<String> departments = browser.get("/account/departments");

		browser.postForm("/account/departments/withdraw",
				Map.of("client_id", "it-consent", "_csrf", CitizenAgent.csrf(departments.body())));

		assertRefused(token);
	}

	@Test
	void passwordChangedThenAccessTokenRefused() throws Exception {
		CitizenAgent browser = new CitizenAgent(this.issuer);
		OIDCTokenResponse tokens = signIn(this.department, "https://rp.example.test/callback", "openid profile",
				browser, "17301-9100041-3", "revocation-password-passphrase-forty-one");
		AccessToken token = tokens.getOIDCTokens().getAccessToken();
		assertThat(userInfo(token).getStatusCode()).isEqualTo(200);
		HttpResponse<String> form = browser.get("/account/password");

		HttpResponse<String> changed = browser.postForm("/account/password",
				Map.of("currentPassword", "revocation-password-passphrase-forty-one", "password",
						"apricot blossom over the hunza valley", "confirmPassword",
						"apricot blossom over the hunza valley", "_csrf", CitizenAgent.csrf(form.body())));

		assertThat(browser.location(changed).toString()).endsWith("/account/password?changed");
		assertRefused(token);
	}

	@Test
	void familyRevokedThenTokenExchangedFromItInactive() throws Exception {
		OidcTestClient exchanger = new OidcTestClient(this.issuer, "it-exchange",
				"it-exchange-secret-0123456789abcdef0123");
		OIDCTokenResponse first = signIn(exchanger, "https://exchange.example.test/callback",
				"openid vehicles.read registry.read", new CitizenAgent(this.issuer), CNIC, PASSWORD);
		RefreshToken original = first.getOIDCTokens().getRefreshToken();
		AccessToken current = exchanger.token(new RefreshTokenGrant(original))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken();
		AccessToken exchanged = exchanger
			.token(new TokenExchangeGrant(current, TokenTypeURI.ACCESS_TOKEN, null, null, null,
					List.of(new Audience("https://registry.example.test/api"))), new Scope("registry.read"))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken();
		assertThat(isActive(exchanged)).isTrue();

		exchanger.token(new RefreshTokenGrant(original));

		assertThat(isActive(exchanged)).isFalse();
	}

	@Test
	void sessionEndedThenItsAccessTokensAndTokensExchangedFromThemRefused() throws Exception {
		OidcTestClient exchanger = new OidcTestClient(this.issuer, "it-exchange",
				"it-exchange-secret-0123456789abcdef0123");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		OIDCTokenResponse tokens = signIn(exchanger, "https://exchange.example.test/callback",
				"openid vehicles.read registry.read", browser, CNIC, PASSWORD);
		AccessToken exchanged = exchanger
			.token(new TokenExchangeGrant(tokens.getOIDCTokens().getAccessToken(), TokenTypeURI.ACCESS_TOKEN, null,
					null, null, List.of(new Audience("https://registry.example.test/api"))), new Scope("registry.read"))
			.toSuccessResponse()
			.getTokens()
			.getAccessToken();
		assertThat(isActive(exchanged)).isTrue();

		browser.get("/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString());

		assertRefused(tokens.getOIDCTokens().getAccessToken());
		assertThat(isActive(exchanged)).isFalse();
	}

	private void assertRefused(AccessToken token) throws Exception {
		HTTPResponse userInfo = userInfo(token);
		assertThat(userInfo.getStatusCode()).isEqualTo(401);
		assertThat(userInfo.getBody()).contains("\"invalid_token\"");
		assertThat(isActive(token)).isFalse();
	}

	private OIDCTokenResponse signIn(OidcTestClient client, String callback, String scope, CitizenAgent browser,
			String cnic, String password) {
		Attempt attempt = client.attempt(callback, scope);
		String code = client.authorize(browser, attempt, cnic, password).get("code");
		TokenResponse response = client.exchange(code, attempt);
		assertThat(response.indicatesSuccess()).as(response::toString).isTrue();
		return (OIDCTokenResponse) response;
	}

	private static Map<String, String> approve(CitizenAgent browser, HttpResponse<String> consentPage) {
		String state = consentPage.body().replaceAll("(?s).*name=\"state\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> decision = browser.postRaw("/oauth2/authorize", "client_id=it-consent&state="
				+ java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8) + "&scope=profile");
		return CitizenAgent.query(browser.location(browser.follow(decision)));
	}

	private HTTPResponse userInfo(AccessToken token) throws Exception {
		return new UserInfoRequest(this.issuer.resolve("/userinfo"), (BearerAccessToken) token).toHTTPRequest().send();
	}

	private boolean isActive(AccessToken token) {
		return this.department.introspect(token).toSuccessResponse().isActive();
	}

}
