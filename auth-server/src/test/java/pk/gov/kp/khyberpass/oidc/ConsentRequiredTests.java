package pk.gov.kp.khyberpass.oidc;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentRequiredTests {

	private final ConsentRequired consentRequired = new ConsentRequired();

	private final RegisteredClient consentingClient = client(true);

	@Test
	void testWhenPromptConsentThenRequiredEvenIfAllConsented() {
		var context = context(this.consentingClient, Set.of("openid", "profile"), "consent",
				consent(this.consentingClient, "openid", "profile"));

		assertThat(this.consentRequired.test(context)).isTrue();
	}

	@Test
	void testWhenPromptListsConsentAmongOthersThenRequired() {
		var context = context(this.consentingClient, Set.of("openid"), "login consent", null);

		assertThat(this.consentRequired.test(context)).isTrue();
	}

	@Test
	void testWhenPromptConsentAndClientDoesNotRequireConsentThenRequired() {
		RegisteredClient client = client(false);

		assertThat(this.consentRequired.test(context(client, Set.of("openid"), "consent", null))).isTrue();
	}

	@Test
	void testWhenPromptLoginOnlyThenNotForced() {
		var context = context(this.consentingClient, Set.of("openid", "profile"), "login",
				consent(this.consentingClient, "openid", "profile"));

		assertThat(this.consentRequired.test(context)).isFalse();
	}

	@Test
	void testWhenOnlyOpenidRequestedThenNeverRequired() {
		assertThat(this.consentRequired.test(context(this.consentingClient, Set.of("openid"), null, null))).isFalse();
	}

	@Test
	void testWhenNothingConsentedAndProfileRequestedThenRequired() {
		var context = context(this.consentingClient, Set.of("openid", "profile"), null, null);

		assertThat(this.consentRequired.test(context)).isTrue();
	}

	@Test
	void testWhenRememberedConsentIsSupersetThenNotRequired() {
		var context = context(this.consentingClient, Set.of("openid", "profile"), null,
				consent(this.consentingClient, "openid", "profile", "phone"));

		assertThat(this.consentRequired.test(context)).isFalse();
	}

	@Test
	void testWhenRememberedConsentIsSameSetThenNotRequired() {
		var context = context(this.consentingClient, Set.of("openid", "profile"), null,
				consent(this.consentingClient, "openid", "profile"));

		assertThat(this.consentRequired.test(context)).isFalse();
	}

	@Test
	void testWhenRememberedConsentIsSubsetThenRequired() {
		var context = context(this.consentingClient, Set.of("openid", "profile", "cnic"), null,
				consent(this.consentingClient, "openid", "profile"));

		assertThat(this.consentRequired.test(context)).isTrue();
	}

	@Test
	void testWhenClientDoesNotRequireConsentThenNotRequired() {
		RegisteredClient client = client(false);

		assertThat(this.consentRequired.test(context(client, Set.of("openid", "profile", "cnic"), null, null)))
			.isFalse();
	}

	private static OAuth2AuthorizationCodeRequestAuthenticationContext context(RegisteredClient client,
			Set<String> scopes, String prompt, OAuth2AuthorizationConsent consent) {
		Map<String, Object> parameters = (prompt != null) ? Map.of("prompt", prompt) : Map.of();
		TestingAuthenticationToken citizen = new TestingAuthenticationToken("account-1", null);
		var authentication = new OAuth2AuthorizationCodeRequestAuthenticationToken(
				"https://id.kp.gov.pk/oauth2/authorize", client.getClientId(), citizen, "https://web.kp.gov.pk/cb",
				"state", scopes, parameters);
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://id.kp.gov.pk/oauth2/authorize")
			.clientId(client.getClientId())
			.redirectUri("https://web.kp.gov.pk/cb")
			.scopes(scopes)
			.state("state")
			.additionalParameters(parameters)
			.build();
		var builder = OAuth2AuthorizationCodeRequestAuthenticationContext.with(authentication)
			.registeredClient(client)
			.authorizationRequest(request);
		if (consent != null) {
			builder.authorizationConsent(consent);
		}
		return builder.build();
	}

	private static OAuth2AuthorizationConsent consent(RegisteredClient client, String... scopes) {
		OAuth2AuthorizationConsent.Builder builder = OAuth2AuthorizationConsent.withId(client.getId(), "account-1");
		for (String scope : scopes) {
			builder.scope(scope);
		}
		return builder.build();
	}

	private static RegisteredClient client(boolean requireConsent) {
		return RegisteredClient.withId("id-web")
			.clientId("web")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://web.kp.gov.pk/cb")
			.scopes((scopes) -> scopes.addAll(Set.of("openid", "profile", "phone", "cnic")))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(requireConsent).build())
			.build();
	}

}
