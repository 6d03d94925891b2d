package pk.gov.kp.khyberpass.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenExchangeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class TokenExchangeProviderTests {

	private static final String TARGET = "https://registry.kp.gov.pk/api";

	private final OAuth2AuthorizationService authorizations = mock(OAuth2AuthorizationService.class);

	private final AuthenticationProvider delegate = mock(AuthenticationProvider.class);

	private final TokenExchangeProvider provider = new TokenExchangeProvider(this.delegate, this.authorizations);

	private final RegisteredClient client = RegisteredClient.withId("id-1")
		.clientId("mvr")
		.clientSecret("hash")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.TOKEN_EXCHANGE)
		.scope("registry.read")
		.clientSettings(ClientSettings.builder().setting(KhyberPassClientSettings.AUDIENCES, TARGET).build())
		.build();

	@Test
	void authenticateWhenSubjectTokenExpiredThenInvalidGrantWithoutIssuing() {
		Instant issued = Instant.now().minusSeconds(600);
		OAuth2Authorization subject = OAuth2Authorization.withRegisteredClient(this.client)
			.principalName("account-1")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizedScopes(Set.of("registry.read"))
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "subject-token", issued,
					issued.plusSeconds(300)))
			.build();
		given(this.authorizations.findByToken("subject-token", OAuth2TokenType.ACCESS_TOKEN)).willReturn(subject);

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.provider.authenticate(exchange(this.client)))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getError().getErrorCode())
				.isEqualTo("invalid_grant"));
		then(this.delegate).shouldHaveNoInteractions();
	}

	@Test
	void authenticateWhenClientLacksGrantThenUnauthorizedClientBeforeLookingUpTheToken() {
		RegisteredClient other = RegisteredClient.from(this.client)
			.authorizationGrantTypes((grants) -> grants.clear())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.build();

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.provider.authenticate(exchange(other)))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getError().getErrorCode())
				.isEqualTo("unauthorized_client"));
		then(this.authorizations).shouldHaveNoInteractions();
	}

	@Test
	void authenticateWhenTwoTargetsThenInvalidTargetBeforeLookingUpTheToken() {
		OAuth2ClientAuthenticationToken caller = new OAuth2ClientAuthenticationToken(this.client,
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
		OAuth2TokenExchangeAuthenticationToken twoTargets = new OAuth2TokenExchangeAuthenticationToken(
				"urn:ietf:params:oauth:token-type:access_token", "subject-token",
				"urn:ietf:params:oauth:token-type:access_token", caller, null, null, Set.of(),
				Set.of(TARGET, "https://police.kp.gov.pk/api"), Set.of(), Map.of());

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.provider.authenticate(twoTargets))
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getError().getErrorCode())
				.isEqualTo("invalid_target"));
		then(this.authorizations).shouldHaveNoInteractions();
	}

	private static OAuth2TokenExchangeAuthenticationToken exchange(RegisteredClient client) {
		OAuth2ClientAuthenticationToken caller = new OAuth2ClientAuthenticationToken(client,
				ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "secret");
		return new OAuth2TokenExchangeAuthenticationToken("urn:ietf:params:oauth:token-type:access_token",
				"subject-token", "urn:ietf:params:oauth:token-type:access_token", caller, null, null, Set.of(),
				Set.of(TARGET), Set.of(), Map.of());
	}

}
