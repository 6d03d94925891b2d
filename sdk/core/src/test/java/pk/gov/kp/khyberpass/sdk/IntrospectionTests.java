package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.RecordedRequest;
import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Token introspection (RFC 7662): the request and its client authentication, active and
 * inactive answers, the assurance level, and errors.
 */
class IntrospectionTests {

	private static final Instant EXP = Instant.parse("2026-03-01T10:05:00Z");

	private static final Instant IAT = Instant.parse("2026-03-01T10:00:00Z");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void introspectWhenActiveThenTypedAnswer() {
		this.provider.introspectionEndpoint((request) -> Response.json(200, active("urn:kp:loa:2")));

		TokenIntrospection answer = this.client.introspect("access-1");

		assertThat(answer.isActive()).isTrue();
		assertThat(answer.subject()).contains("citizen-123");
		assertThat(answer.clientId()).contains(TestOpenIdProvider.CLIENT_ID);
		assertThat(answer.scopes()).containsExactly("openid", "profile", "vehicles.read");
		assertThat(answer.hasScope("vehicles.read")).isTrue();
		assertThat(answer.expiresAt()).contains(EXP);
		assertThat(answer.issuedAt()).contains(IAT);
		assertThat(answer.acr()).contains("urn:kp:loa:2");
		assertThat(answer.assuranceLevel()).contains(AssuranceLevel.LOA2);
		assertThat(answer.audience()).containsExactly(TestOpenIdProvider.CLIENT_ID);
		assertThat(answer.tokenType()).contains("Bearer");
		assertThat(answer.claims()).containsEntry("amr", List.of("pwd", "otp"));
		assertThat(answer.toString()).doesNotContain("citizen-123");
	}

	@Test
	void introspectWhenCalledThenTokenAndHintPostedWithClientSecretBasic() {
		this.client.introspect("access-1");

		RecordedRequest request = this.provider.introspectionRequests().get(0);
		assertThat(request.form()).containsExactly(Map.entry("token", "access-1"),
				Map.entry("token_type_hint", "access_token"));
		String credentials = new String(Base64.getDecoder().decode(request.authorization().substring(6)),
				StandardCharsets.UTF_8);
		assertThat(URLDecoder.decode(credentials, StandardCharsets.UTF_8))
			.isEqualTo(TestOpenIdProvider.CLIENT_ID + ":" + TestOpenIdProvider.CLIENT_SECRET);
		assertThat(this.provider.tokenRequests()).isEmpty();
	}

	@Test
	void introspectWhenClientSecretPostThenSecretInForm() {
		KhyberPassClient postClient = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.clientSecretPost(TestOpenIdProvider.CLIENT_SECRET))
			.build();

		postClient.introspect("access-1");

		RecordedRequest request = this.provider.introspectionRequests().get(0);
		assertThat(request.authorization()).isNull();
		assertThat(request.form()).containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("client_secret", TestOpenIdProvider.CLIENT_SECRET)
			.containsEntry("token", "access-1");
		postClient.close();
	}

	@Test
	void introspectWhenPrivateKeyJwtThenAssertionForTheIntrospectionEndpoint() throws ParseException, JOSEException {
		ECKey clientKey = TestOpenIdProvider.generateEc("client-key-1");
		KhyberPassClient jwtClient = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.privateKeyJwt(clientKey))
			.clock(this.provider.clock())
			.build();

		jwtClient.introspect("access-1");

		Map<String, String> form = this.provider.introspectionRequests().get(0).form();
		assertThat(form).containsEntry("client_id", TestOpenIdProvider.CLIENT_ID)
			.containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
		assertThat(assertion.verify(new ECDSAVerifier(clientKey.toPublicJWK()))).isTrue();
		assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(this.provider.issuer() + "/introspect");
		assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(TestOpenIdProvider.CLIENT_ID);
		jwtClient.close();
	}

	@Test
	void introspectWhenInactiveThenInactiveAnswerNotException() {
		this.provider.introspectionEndpoint((request) -> Response.json(200, Map.of("active", false)));

		TokenIntrospection answer = this.client.introspect("revoked-1");

		assertThat(answer.isActive()).isFalse();
		assertThat(answer).isEqualTo(TokenIntrospection.inactive());
		assertThat(answer.subject()).isEmpty();
		assertThat(answer.scopes()).isEmpty();
	}

	@Test
	void introspectWhenInactiveWithStrayMembersThenTheyAreIgnored() {
		this.provider.introspectionEndpoint((request) -> {
			Map<String, Object> json = active("urn:kp:loa:2");
			json.put("active", false);
			return Response.json(200, json);
		});

		TokenIntrospection answer = this.client.introspect("revoked-1");

		assertThat(answer.isActive()).isFalse();
		assertThat(answer.subject()).isEmpty();
		assertThat(answer.hasScope("vehicles.read")).isFalse();
	}

	@Test
	void introspectWhenMinimumAcrReachedThenAnswer() {
		this.provider.introspectionEndpoint((request) -> Response.json(200, active("urn:kp:loa:2")));

		TokenIntrospection answer = this.client.introspect("access-1", AssuranceLevel.LOA2);

		assertThat(answer.isActive()).isTrue();
	}

	@Test
	void introspectWhenActiveBelowMinimumAcrThenInvalidTokenAcr() {
		this.provider.introspectionEndpoint((request) -> Response.json(200, active("urn:kp:loa:1")));

		assertThatThrownBy(() -> this.client.introspect("access-1", AssuranceLevel.LOA2))
			.isInstanceOfSatisfying(InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.ACR));
	}

	@Test
	void introspectWhenInactiveAndMinimumAcrThenInactiveAnswer() {
		TokenIntrospection answer = this.client.introspect("revoked-1", AssuranceLevel.LOA3);

		assertThat(answer.isActive()).isFalse();
	}

	@Test
	void introspectWhenInvalidClientThenOAuthErrorException() {
		this.provider.introspectionEndpoint((request) -> Response.json(401,
				Map.of("error", "invalid_client", "error_description", "Client authentication failed")));

		assertThatThrownBy(() -> this.client.introspect("access-1")).isInstanceOfSatisfying(OAuthErrorException.class,
				(ex) -> {
					assertThat(ex.error()).isEqualTo("invalid_client");
					assertThat(ex.description()).contains("Client authentication failed");
					assertThat(ex.getMessage()).contains("introspection endpoint");
				});
	}

	@Test
	void introspectWhenServerErrorWithoutOAuthErrorThenClientException() {
		this.provider.introspectionEndpoint((request) -> new Response(503, "", Map.of()));

		assertThatThrownBy(() -> this.client.introspect("access-1")).isInstanceOf(KhyberPassClientException.class)
			.isNotInstanceOf(OAuthErrorException.class)
			.hasMessageContaining("HTTP 503");
	}

	@Test
	void introspectWhenAnswerLacksActiveThenClientException() {
		this.provider.introspectionEndpoint((request) -> Response.json(200, Map.of("sub", "citizen-123")));

		assertThatThrownBy(() -> this.client.introspect("access-1")).isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("'active'");
	}

	@Test
	void introspectWhenNoIntrospectionEndpointAdvertisedThenClientException() {
		this.provider.metadata("introspection_endpoint", null);

		assertThatThrownBy(() -> this.client.introspect("access-1")).isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("introspection_endpoint");
		assertThat(this.provider.introspectionRequests()).isEmpty();
	}

	@Test
	void introspectWhenClientAuthenticationNoneThenClientException() {
		KhyberPassClient resourceServer = KhyberPassClient
			.builder(URI.create(this.provider.issuer()), TestOpenIdProvider.CLIENT_ID, ClientAuthentication.none())
			.build();

		assertThatThrownBy(() -> resourceServer.introspect("access-1")).isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("introspection endpoint");
		assertThat(this.provider.introspectionRequests()).isEmpty();
		resourceServer.close();
	}

	@Test
	void introspectWhenAudienceIsOneStringThenListOfOne() {
		this.provider.introspectionEndpoint((request) -> {
			Map<String, Object> json = active("urn:kp:loa:1");
			json.put("aud", "https://registry.kp.gov.pk/api");
			return Response.json(200, json);
		});

		assertThat(this.client.introspect("access-1").audience()).containsExactly("https://registry.kp.gov.pk/api");
	}

	private Map<String, Object> active(String acr) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("active", true);
		json.put("sub", "citizen-123");
		json.put("client_id", TestOpenIdProvider.CLIENT_ID);
		json.put("scope", "openid profile vehicles.read");
		json.put("exp", EXP.getEpochSecond());
		json.put("iat", IAT.getEpochSecond());
		json.put("acr", acr);
		json.put("amr", List.of("pwd", "otp"));
		json.put("aud", List.of(TestOpenIdProvider.CLIENT_ID));
		json.put("token_type", "Bearer");
		json.put("iss", this.provider.issuer());
		return json;
	}

}
