package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import pk.gov.kp.khyberpass.testsupport.CitizenAgent;
import pk.gov.kp.khyberpass.testsupport.DevelopmentDefaultInitializer;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient;
import pk.gov.kp.khyberpass.testsupport.OidcTestClient.Attempt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development default (H2, in-process ephemeral store, container sessions) runs the
 * same flows as production: sign-in, code exchange, UserInfo as a department's SDK calls
 * it, RP-initiated logout with {@code client_id}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ContextConfiguration(initializers = DevelopmentDefaultInitializer.class)
class DevelopmentDefaultIT {

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Test
	void signInWhenDevelopmentDefaultThenUserinfoAndLogoutWorkAsInProduction() throws Exception {
		OidcTestClient client = new OidcTestClient(this.issuer, "it-confidential",
				"it-confidential-secret-0123456789abcdef");
		CitizenAgent browser = new CitizenAgent(this.issuer);
		Attempt attempt = client.attempt("https://rp.example.test/callback", "openid profile");
		String code = client.authorize(browser, attempt, "17301-1234567-2", "a-long-integration-passphrase")
			.get("code");
		OIDCTokenResponse tokens = (OIDCTokenResponse) client.exchange(code, attempt);

		HttpResponse<String> userinfo = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.issuer.resolve("/userinfo"))
				.header("Accept", "application/json")
				.header("Authorization", "Bearer " + tokens.getOIDCTokens().getAccessToken().getValue())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> logout = browser
			.get("/connect/logout?id_token_hint=" + tokens.getOIDCTokens().getIDTokenString()
					+ "&client_id=it-confidential&post_logout_redirect_uri=https://rp.example.test/signed-out&state=x");

		assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
		assertThat(userinfo.body()).contains("Ayesha Khan");
		assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
		assertThat(browser.location(logout).toString()).isEqualTo("https://rp.example.test/signed-out?state=x");
	}

}
