package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.TokenIntrospection;
import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SDK's {@code KhyberPassClient.introspect} over real HTTP against this server: a
 * citizen's access token is active with its subject, client and scopes, and inactive once
 * its family is revoked by the end of the citizen's session; the server accepts the SDK's
 * client authentication (client_secret_basic, and private_key_jwt with the introspection
 * endpoint as the assertion's audience) and refuses a wrong secret with
 * {@code invalid_client}.
 */
@KhyberPassIntegrationTest
class SdkIntrospectionIT {

	private static final String CLIENT_ID = "it-confidential";

	private static final String SECRET = "it-confidential-secret-0123456789abcdef";

	private static final String KEY_HOLDER = "it-pkjwt-introspect";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DepartmentClients departmentClients;

	KhyberPassClient khyberPass;

	CitizenAgent browser;

	OIDCTokenResponse tokens;

	@BeforeEach
	void signIn() {
		this.khyberPass = KhyberPassClient
			.builder(this.issuer, CLIENT_ID, ClientAuthentication.clientSecretBasic(SECRET))
			.build();
		OidcTestClient department = new OidcTestClient(this.issuer, CLIENT_ID, SECRET);
		this.browser = new CitizenAgent(this.issuer);
		Attempt attempt = department.attempt("https://rp.example.test/callback", "openid profile vehicles.read");
		String code = department.authorize(this.browser, attempt, RevocationIT.CNIC, RevocationIT.PASSWORD).get("code");
		TokenResponse response = department.exchange(code, attempt);
		assertThat(response.indicatesSuccess()).as(response::toString).isTrue();
		this.tokens = (OIDCTokenResponse) response;
	}

	@AfterEach
	void close() {
		this.khyberPass.close();
	}

	@Test
	void introspectWhenCitizenTokenLiveThenActiveWithSubjectClientAndScopes() throws Exception {
		TokenIntrospection answer = this.khyberPass.introspect(accessToken());

		assertThat(answer.isActive()).isTrue();
		assertThat(answer.subject()).contains(this.tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject());
		assertThat(answer.clientId()).contains(CLIENT_ID);
		assertThat(answer.scopes()).contains("openid", "profile", "vehicles.read");
		assertThat(answer.assuranceLevel()).contains(AssuranceLevel.LOA1);
		assertThat(answer.expiresAt())
			.hasValueSatisfying((exp) -> assertThat(exp).isAfter(answer.issuedAt().orElseThrow()));
	}

	@Test
	void introspectWhenMinimumAcrAboveTheSignInThenInvalidTokenAcr() {
		assertThat(this.khyberPass.introspect(accessToken(), AssuranceLevel.LOA1).isActive()).isTrue();

		assertThatThrownBy(() -> this.khyberPass.introspect(accessToken(), AssuranceLevel.LOA2)).isInstanceOfSatisfying(
				InvalidTokenException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.ACR));
	}

	@Test
	void introspectWhenSessionEndedThenSameTokenInactive() {
		assertThat(this.khyberPass.introspect(accessToken()).isActive()).isTrue();

		this.browser.get("/connect/logout?id_token_hint=" + this.tokens.getOIDCTokens().getIDTokenString());

		assertThat(this.khyberPass.introspect(accessToken())).isEqualTo(TokenIntrospection.inactive());
	}

	@Test
	void introspectWhenPrivateKeyJwtThenServerAcceptsTheAssertion() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("introspect-key-1").generate();
		this.departmentClients.register(new DepartmentClient(KEY_HOLDER, "Introspecting Department", null,
				DepartmentClient.AuthMethod.PRIVATE_KEY_JWT, Set.of("client_credentials"), List.of(), List.of(),
				Set.of("vehicles.read"), null, false, false, AssuranceLevels.LOA1, null, null, "RS256",
				Duration.ofHours(24), List.of(), null, null, null,
				ClientJwks.parse(new JWKSet(key.toPublicJWK()).toString())));

		try (KhyberPassClient keyHolder = KhyberPassClient
			.builder(this.issuer, KEY_HOLDER, ClientAuthentication.privateKeyJwt(key))
			.build()) {

			assertThat(keyHolder.introspect(accessToken()).isActive()).isTrue();
		}
	}

	@Test
	void introspectWhenSecretWrongThenOAuthErrorInvalidClient() {
		try (KhyberPassClient impostor = KhyberPassClient
			.builder(this.issuer, CLIENT_ID, ClientAuthentication.clientSecretBasic("not-the-secret"))
			.build()) {

			assertThatThrownBy(() -> impostor.introspect(accessToken())).isInstanceOfSatisfying(
					OAuthErrorException.class, (ex) -> assertThat(ex.error()).isEqualTo("invalid_client"));
		}
	}

	private String accessToken() {
		return this.tokens.getOIDCTokens().getAccessToken().getValue();
	}

}
