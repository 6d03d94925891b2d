package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests get the standard OAuth error and status: never a 5xx,
 * never the login page in place of an error, never a redirect to an unvalidated URI.
 */
@KhyberPassIntegrationTest
class HostileRequestsIT {

	static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=it-confidential"
			+ "&redirect_uri=https://rp.example.test/callback&scope=openid&state=s"
			+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void authorizeWhenParameterRepeatedThenErrorPageNotLogin() throws Exception {
		HttpResponse<String> response = get(AUTHORIZE + "&client_id=it-consent");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	@Test
	void authorizeWhenClientUnknownThenErrorPageNotLogin() throws Exception {
		HttpResponse<String> response = get(AUTHORIZE.replace("client_id=it-confidential", "client_id=nobody"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("name=\"password\"");
	}

	@Test
	void authorizeWhenResponseTypeTokenThenUnsupportedAndNoImplicitFlow() throws Exception {
		HttpResponse<String> response = get(AUTHORIZE.replace("response_type=code", "response_type=token"));

		assertThat(response.statusCode()).isBetween(300, 499);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("access_token");
	}

	@Test
	void authorizeWhenParameterFloodThenClientErrorNotServerError() throws Exception {
		StringBuilder flood = new StringBuilder(AUTHORIZE);
		for (int i = 0; i < 3000; i++) {
			flood.append("&p").append(i).append("=x");
		}

		assertThat(get(flood.toString()).statusCode()).isBetween(400, 499);
	}

	@Test
	void authorizeWhenInvalidUtf8ThenClientErrorNotServerError() throws Exception {
		assertThat(get(AUTHORIZE + "&nonce=%C3%28%FF%FE").statusCode()).isBetween(300, 499);
		assertThat(get(AUTHORIZE.replace("state=s", "state=%ED%A0%80")).statusCode()).isBetween(300, 499);
	}

	@Test
	void authorizeWhenHundredKilobyteValueThenClientErrorNotServerError() throws Exception {
		assertThat(get(AUTHORIZE + "&nonce=" + "a".repeat(100_000)).statusCode()).isBetween(400, 499);
	}

	@Test
	void tokenWhenHundredKilobyteValuesThenOAuthErrorNotServerError() throws Exception {
		HttpResponse<String> scope = postToken("grant_type=client_credentials&scope=" + "a".repeat(100_000));
		HttpResponse<String> grant = postToken("grant_type=" + "b".repeat(100_000));

		assertThat(scope.statusCode()).isEqualTo(400);
		assertThat(scope.body()).contains("invalid_scope");
		assertThat(grant.statusCode()).isEqualTo(400);
		assertThat(grant.body()).contains("unsupported_grant_type");
	}

	@Test
	void tokenWhenParameterRepeatedThenInvalidRequest() throws Exception {
		HttpResponse<String> response = postToken("grant_type=client_credentials&grant_type=client_credentials");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_request");
	}

	@Test
	void tokenWhenPasswordOrImplicitGrantThenUnsupportedGrantType() throws Exception {
		for (String grant : new String[] { "password&username=a&password=b", "implicit" }) {
			HttpResponse<String> response = postToken("grant_type=" + grant);

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("unsupported_grant_type");
		}
	}

	@Test
	void tokenWhenInvalidUtf8BodyThenClientError() throws Exception {
		HttpResponse<String> response = postToken("grant_type=client_credentials&scope=%C3%28%FF");

		assertThat(response.statusCode()).isBetween(400, 499);
	}

	@Test
	void tokenWhenNoClientAuthenticationThenInvalidClient() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void sessionCookieWhenSignInPageShownThenHttpOnlyAndLax() throws Exception {
		HttpResponse<String> response = get("/login");

		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("KHYBERPASS_SESSION=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(URI.create(this.issuer + path)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postToken(String body) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("it-service:it-service-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(this.issuer.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
