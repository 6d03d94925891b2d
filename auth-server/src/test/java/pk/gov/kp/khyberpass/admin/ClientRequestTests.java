package pk.gov.kp.khyberpass.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.InvalidClientSettingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientRequestTests {

	private static final Map<String, Object> JWKS = jwks();

	private static Map<String, Object> jwks() {
		try {
			return new com.nimbusds.jose.jwk.JWKSet(
					new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID("k1")
						.generate()
						.toPublicJWK())
				.toJSONObject();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void toDepartmentClientWhenOnlyRequiredThenSeedDefaults() {
		DepartmentClient client = request(List.of("openid"), null, null).toDepartmentClient("it-x");

		assertThat(client.authMethod()).isEqualTo(DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC);
		assertThat(client.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
		assertThat(client.requireConsent()).isTrue();
		assertThat(client.minAcr()).isEqualTo("urn:kp:loa:1");
		assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofHours(24));
		assertThat(client.clientSecret()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "vehicles.read", "police.clearance.write", "openid", "cnic" })
	void toDepartmentClientWhenKnownOrApiScopeThenAccepted(String scope) {
		assertThat(request(List.of(scope), null, null).toDepartmentClient("it-x").scopes()).contains(scope);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "Vehicles.Read", "everything!", "offline_access", "a.", "" })
	void toDepartmentClientWhenUnknownScopeThenScopesField(String scope) {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> request(List.of(scope), null, null).toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("scopes"));
	}

	@Test
	void toDepartmentClientWhenLifetimeNotADurationThenField() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> request(List.of("openid"), "a day", null).toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("refreshTokenLifetime"));
	}

	@Test
	void toDepartmentClientWhenPoliciesOmittedThenServerDefaults() {
		DepartmentClient client = request(List.of("openid"), null, null).toDepartmentClient("it-x");

		assertThat(client.claimsAllowed()).isNull();
		assertThat(client.accessTokenLifetime()).isNull();
		assertThat(client.idTokenLifetime()).isNull();
		assertThat(client.jwks()).isNull();
	}

	@Test
	void toDepartmentClientWhenPoliciesGivenThenKept() {
		DepartmentClient client = withPolicies(List.of("name", "birthdate"), "2m", "PT10M", JWKS)
			.toDepartmentClient("it-x");

		assertThat(client.claimsAllowed()).containsExactlyInAnyOrder("name", "birthdate");
		assertThat(client.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(2));
		assertThat(client.idTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
		assertThat(client.jwks().keySet().getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.getKeyID()).isEqualTo("k1"));
	}

	@Test
	void toDepartmentClientWhenJwksIsJsonTextThenParsed() throws Exception {
		String text = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(JWKS);

		assertThat(withPolicies(null, null, null, text).toDepartmentClient("it-x").jwks()).isNotNull();
	}

	@Test
	void toDepartmentClientWhenJwksIsNeitherObjectNorTextThenJwksField() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> withPolicies(null, null, null, List.of("k1")).toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("jwks"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "accessTokenLifetime", "idTokenLifetime" })
	void toDepartmentClientWhenTokenLifetimeNotADurationThenField(String field) {
		ClientRequest request = "accessTokenLifetime".equals(field) ? withPolicies(null, "soon", null, null)
				: withPolicies(null, null, "soon", null);

		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> request.toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo(field));
	}

	@Test
	void toDepartmentClientWhenUnknownClaimThenClaimsAllowedSetting() {
		assertThatExceptionOfType(InvalidClientSettingException.class)
			.isThrownBy(() -> withPolicies(List.of("name", "salary"), null, null, null).toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(AdminProblemHandler.camelCase(ex.setting())).isEqualTo("claimsAllowed"))
			.withMessageContaining("'salary'");
	}

	@Test
	void toDepartmentClientWhenRedirectNotHttpsThenRedirectUrisSetting() {
		assertThatExceptionOfType(InvalidClientSettingException.class)
			.isThrownBy(() -> request(List.of("openid"), null, "http://rp.example.test/cb").toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(AdminProblemHandler.camelCase(ex.setting())).isEqualTo("redirectUris"));
	}

	private static ClientRequest request(List<String> scopes, String lifetime, String redirectUri) {
		return new ClientRequest("because", "it-x", null, null, null,
				List.of((redirectUri != null) ? redirectUri : "https://rp.example.test/cb"), null, scopes, null, null,
				null, null, null, null, null, lifetime, null, null, null, null, null);
	}

	private static ClientRequest withPolicies(List<String> claimsAllowed, String accessTokenLifetime,
			String idTokenLifetime, Object jwks) {
		return new ClientRequest("because", "it-x", null, (jwks != null) ? "private_key_jwt" : null, null,
				List.of("https://rp.example.test/cb"), null, List.of("openid", "profile"), null, null, null, null, null,
				null, null, null, null, claimsAllowed, accessTokenLifetime, idTokenLifetime, jwks);
	}

}
