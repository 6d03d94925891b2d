package pk.gov.kp.khyberpass.sdk.spring;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.client.ExpectedCount.twice;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * Service-to-service calls: the interceptor adds a cached client-credentials token.
 */
class KhyberPassServiceTokenInterceptorTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = KhyberPassClient
		.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
				ClientAuthentication.clientSecretBasic(TestOpenIdProvider.CLIENT_SECRET))
		.build();

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void interceptWhenTwoCallsThenBearerServiceTokenFetchedOnce() {
		RestClient.Builder builder = RestClient.builder()
			.requestInterceptor(
					new KhyberPassServiceTokenInterceptor(new KhyberPassServiceTokens(this.client), "registry.read"));
		MockRestServiceServer registry = MockRestServiceServer.bindTo(builder).build();
		registry.expect(twice(), requestTo("https://registry.kp.gov.pk/vehicles/LEA-1234"))
			.andExpect(header("Authorization", startsWith("Bearer ey")))
			.andRespond(withSuccess());
		RestClient restClient = builder.build();

		restClient.get().uri("https://registry.kp.gov.pk/vehicles/LEA-1234").retrieve().toBodilessEntity();
		restClient.get().uri("https://registry.kp.gov.pk/vehicles/LEA-1234").retrieve().toBodilessEntity();

		registry.verify();
		assertThat(this.provider.tokenRequests()).singleElement()
			.satisfies((form) -> assertThat(form).containsEntry("grant_type", "client_credentials")
				.containsEntry("scope", "registry.read"));
	}

}
