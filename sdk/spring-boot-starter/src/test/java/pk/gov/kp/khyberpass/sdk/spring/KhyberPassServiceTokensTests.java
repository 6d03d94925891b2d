package pk.gov.kp.khyberpass.sdk.spring;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.OAuthErrorException;
import pk.gov.kp.khyberpass.sdk.ServiceToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls on a citizen's behalf: {@link KhyberPassServiceTokens#onBehalfOf} sends an RFC
 * 8693 token exchange and is never cached.
 */
class KhyberPassServiceTokensTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = KhyberPassClient
		.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
				ClientAuthentication.clientSecretBasic(TestOpenIdProvider.CLIENT_SECRET))
		.build();

	private final KhyberPassServiceTokens tokens = new KhyberPassServiceTokens(this.client);

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void onBehalfOfWhenApiRegisteredThenTokenExchangeForItNotCached() {
		ServiceToken first = this.tokens.onBehalfOf("citizen-access-token", TestOpenIdProvider.REGISTERED_API,
				"registry.read");
		this.tokens.onBehalfOf("citizen-access-token", TestOpenIdProvider.REGISTERED_API, "registry.read");

		assertThat(first.value()).startsWith("ey");
		assertThat(first.issuedTokenType()).contains("urn:ietf:params:oauth:token-type:access_token");
		assertThat(this.provider.tokenRequests()).hasSize(2)
			.first()
			.satisfies((form) -> assertThat(form)
				.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
				.containsEntry("subject_token", "citizen-access-token")
				.containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
				.containsEntry("audience", TestOpenIdProvider.REGISTERED_API)
				.containsEntry("scope", "registry.read"));
	}

	@Test
	void onBehalfOfWhenApiNotRegisteredThenOAuthErrorInvalidTarget() {
		assertThatThrownBy(() -> this.tokens.onBehalfOf("citizen-access-token", "https://evil.example/api"))
			.isInstanceOfSatisfying(OAuthErrorException.class,
					(ex) -> assertThat(ex.error()).isEqualTo("invalid_target"));
	}

}
