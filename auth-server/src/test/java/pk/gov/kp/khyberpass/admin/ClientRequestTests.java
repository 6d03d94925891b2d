package pk.gov.kp.khyberpass.admin;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import pk.gov.kp.khyberpass.oidc.DepartmentClient;
import pk.gov.kp.khyberpass.oidc.InvalidClientSettingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientRequestTests {

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
	void toDepartmentClientWhenRedirectNotHttpsThenRedirectUrisSetting() {
		assertThatExceptionOfType(InvalidClientSettingException.class)
			.isThrownBy(() -> request(List.of("openid"), null, "http://rp.example.test/cb").toDepartmentClient("it-x"))
			.satisfies((ex) -> assertThat(AdminProblemHandler.camelCase(ex.setting())).isEqualTo("redirectUris"));
	}

	private static ClientRequest request(List<String> scopes, String lifetime, String redirectUri) {
		return new ClientRequest("because", "it-x", null, null, null,
				List.of((redirectUri != null) ? redirectUri : "https://rp.example.test/cb"), null, scopes, null, null,
				null, null, null, null, null, lifetime, null);
	}

}
