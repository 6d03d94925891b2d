package pk.gov.kp.khyberpass.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written token response says what Spring's handler says, member for member. */
class TokenResponseWriterTests {

	private static final RegisteredClient CLIENT = RegisteredClient.withId("1")
		.clientId("mvr-portal")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
		.build();

	private final TokenResponseWriter writer = new TokenResponseWriter();

	private final OAuth2AccessTokenResponseAuthenticationSuccessHandler spring = new OAuth2AccessTokenResponseAuthenticationSuccessHandler();

	@Test
	void clientCredentialsResponseIsSpringsResponse() throws Exception {
		OAuth2AccessTokenAuthenticationToken issued = issued(Set.of("bench.read", "mvr.vehicles"), null, Map.of());
		Map<String, Object> ours = write(this.writer, issued);
		assertThat(ours).containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
		assertSameAsSprings(ours, issued);
		assertThat(ours.get("expires_in")).isEqualTo(300L);
	}

	@Test
	void codeFlowResponseWithRefreshAndIdTokenIsSpringsResponse() throws Exception {
		Map<String, Object> additional = new LinkedHashMap<>();
		additional.put("id_token", "eyJ.id.token");
		additional.put("issued_token_type", "urn:ietf:params:oauth:token-type:access_token");
		OAuth2AccessTokenAuthenticationToken issued = issued(Set.of("openid", "profile"),
				new OAuth2RefreshToken("opaque-refresh", Instant.now()), additional);
		Map<String, Object> ours = write(this.writer, issued);
		assertThat(ours).containsKeys("refresh_token", "id_token", "issued_token_type");
		assertSameAsSprings(ours, issued);
	}

	@Test
	void noScopeMeansNoScopeMember() throws Exception {
		assertThat(write(this.writer, issued(Set.of(), null, Map.of()))).doesNotContainKey("scope");
	}

	@Test
	void quotesBackslashesAndControlCharactersAreEscaped() throws Exception {
		String awkward = "a\"b\\c\n\u0001d/é";
		Map<String, Object> ours = write(this.writer,
				issued(Set.of(), null, Map.of("note", awkward, "n", 3, "b", true)));
		assertThat(ours).containsEntry("note", awkward).containsEntry("n", 3L).containsEntry("b", true);
	}

	@Test
	void otherParameterValuesGoThroughSpringsHandler() throws Exception {
		OAuth2AccessTokenAuthenticationToken issued = issued(Set.of("openid"), null,
				Map.of("authorization_details", List.of(Map.of("type", "payment"))));
		assertThat(write(this.writer, issued)).containsKey("authorization_details");
	}

	private void assertSameAsSprings(Map<String, Object> ours, OAuth2AccessTokenAuthenticationToken issued)
			throws Exception {
		Map<String, Object> springs = write(this.spring, issued);
		assertThat(ours.keySet()).isEqualTo(springs.keySet());
		for (String member : springs.keySet()) {
			if (member.equals("expires_in")) {
				// Spring counts from the moment it writes: a second may have passed
				assertThat((Long) ours.get(member) - (Long) springs.get(member)).isBetween(0L, 1L);
			}
			else if (member.equals("scope")) {
				assertThat(Set.of(((String) ours.get(member)).split(" ")))
					.isEqualTo(Set.of(((String) springs.get(member)).split(" ")));
			}
			else {
				assertThat(ours.get(member)).as(member).isEqualTo(springs.get(member));
			}
		}
	}

	private static Map<String, Object> write(
			org.springframework.security.web.authentication.AuthenticationSuccessHandler handler,
			OAuth2AccessTokenAuthenticationToken issued) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.onAuthenticationSuccess(new MockHttpServletRequest(), response, issued);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		return JSONObjectUtils.parse(response.getContentAsString());
	}

	private static OAuth2AccessTokenAuthenticationToken issued(Set<String> scopes, OAuth2RefreshToken refresh,
			Map<String, Object> additional) {
		Instant now = Instant.now();
		OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "eyJ.access.token", now,
				now.plus(Duration.ofMinutes(5)), scopes);
		OAuth2ClientAuthenticationToken client = new OAuth2ClientAuthenticationToken(CLIENT,
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, null);
		return new OAuth2AccessTokenAuthenticationToken(CLIENT, client, access, refresh, additional);
	}

}
