package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client credentials (cached per scope set, single-flight) and token exchange.
 */
class ServiceTokenTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	private final AtomicInteger issued = new AtomicInteger();

	@BeforeEach
	void issueTokens() {
		this.provider.tokenEndpoint((request) -> Response.json(200, Map.of("access_token",
				"service-" + this.issued.incrementAndGet(), "token_type", "Bearer", "expires_in", 300)));
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void clientCredentialsTokenWhenCalledTwiceThenCached() {
		ServiceToken first = this.client.clientCredentialsToken(Set.of("vehicles.read", "fines.read"));

		ServiceToken second = this.client.clientCredentialsToken(Set.of("fines.read", "vehicles.read"));

		assertThat(second.value()).isEqualTo(first.value()).isEqualTo("service-1");
		assertThat(this.provider.tokenRequests()).hasSize(1);
		assertThat(this.provider.tokenRequests().get(0).form()).containsEntry("grant_type", "client_credentials")
			.containsEntry("scope", "fines.read vehicles.read");
		assertThat(first.authorizationHeader()).isEqualTo("Bearer service-1");
		assertThat(first.toString()).doesNotContain("service-1");
	}

	@Test
	void clientCredentialsTokenWhenOtherScopesThenSeparateToken() {
		this.client.clientCredentialsToken(Set.of("vehicles.read"));

		ServiceToken other = this.client.clientCredentialsToken(Set.of("fines.read"));

		assertThat(other.value()).isEqualTo("service-2");
	}

	@Test
	void clientCredentialsTokenWhenCloseToExpiryThenRenewed() {
		this.client.clientCredentialsToken(Set.of("vehicles.read"));
		this.provider.clock().advance(Duration.ofSeconds(269));
		assertThat(this.client.clientCredentialsToken(Set.of("vehicles.read")).value()).isEqualTo("service-1");
		this.provider.clock().advance(Duration.ofSeconds(2));

		ServiceToken renewed = this.client.clientCredentialsToken(Set.of("vehicles.read"));

		assertThat(renewed.value()).isEqualTo("service-2");
	}

	@Test
	void clientCredentialsTokenWhenManyThreadsThenOneRequest() throws Exception {
		this.provider.tokenDelay(Duration.ofMillis(300));
		int threads = 12;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<ServiceToken>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.client.clientCredentialsToken(Set.of("vehicles.read"));
				}));
			}
			start.countDown();

			for (Future<ServiceToken> result : results) {
				assertThat(result.get().value()).isEqualTo("service-1");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.provider.tokenRequests()).hasSize(1);
	}

	@Test
	void clientCredentialsTokenWhenRefusedThenOAuthErrorAndNothingCached() {
		this.provider.tokenEndpoint((request) -> Response.json(400, Map.of("error", "invalid_scope")));

		assertThatThrownBy(() -> this.client.clientCredentialsToken(Set.of("admin"))).isInstanceOfSatisfying(
				OAuthErrorException.class, (ex) -> assertThat(ex.error()).isEqualTo("invalid_scope"));
		assertThatThrownBy(() -> this.client.clientCredentialsToken(Set.of("admin")))
			.isInstanceOf(OAuthErrorException.class);
		assertThat(this.provider.tokenRequests()).hasSize(2);
	}

	@Test
	void exchangeTokenWhenAudienceAndScopesThenRfc8693Request() {
		this.provider.tokenEndpoint((request) -> Response.json(200, Map.of("access_token", "exchanged-1", "token_type",
				"Bearer", "expires_in", 60, "issued_token_type", "urn:ietf:params:oauth:token-type:access_token")));

		ServiceToken token = this.client.exchangeToken(TokenExchangeRequest.forAccessToken("citizen-access-token")
			.audience("excise-api")
			.scopes("fines.read"));

		assertThat(token.value()).isEqualTo("exchanged-1");
		assertThat(token.issuedTokenType()).contains("urn:ietf:params:oauth:token-type:access_token");
		assertThat(this.provider.tokenRequests().get(0).form())
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
			.containsEntry("subject_token", "citizen-access-token")
			.containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
			.containsEntry("audience", "excise-api")
			.containsEntry("scope", "fines.read");
	}

}
