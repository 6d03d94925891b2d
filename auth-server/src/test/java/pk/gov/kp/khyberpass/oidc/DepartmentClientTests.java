package pk.gov.kp.khyberpass.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.oidc.DepartmentClient.AuthMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DepartmentClientTests {

	private static final URI REDIRECT = URI.create("https://mvr.kp.gov.pk/login/oauth2/code/khyberpass");

	@Test
	void constructorWhenValidThenKeepsValues() {
		DepartmentClient client = new Fixture().build();

		assertThat(client.clientId()).isEqualTo("mvr-portal");
		assertThat(client.clientName()).isEqualTo("Motor Vehicle Registration");
		assertThat(client.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
		assertThat(client.redirectUris()).containsExactly(REDIRECT);
		assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void constructorWhenClientIdNullThenThrows() {
		Fixture fixture = new Fixture();
		fixture.clientId = null;

		assertThatNullPointerException().isThrownBy(fixture::build).withMessage("client-id is required");
	}

	@Test
	void constructorWhenClientIdHasForbiddenCharactersThenThrows() {
		for (String clientId : List.of("ab", "mvr portal", "mvr/portal", "x".repeat(101), "mvr:portal", "")) {
			Fixture fixture = new Fixture();
			fixture.clientId = clientId;

			assertThatIllegalArgumentException().as(clientId)
				.isThrownBy(fixture::build)
				.withMessageStartingWith("client-id must be 3 to 100");
		}
	}

	@Test
	void constructorWhenClientIdAtLimitsThenAccepted() {
		for (String clientId : List.of("a.b", "A_b-9." + "x".repeat(94))) {
			Fixture fixture = new Fixture();
			fixture.clientId = clientId;

			assertThat(fixture.build().clientId()).isEqualTo(clientId);
		}
	}

	@Test
	void constructorWhenClientNameBlankThenClientId() {
		Fixture blank = new Fixture();
		blank.clientName = "  ";
		Fixture none = new Fixture();
		none.clientName = null;

		assertThat(blank.build().clientName()).isEqualTo("mvr-portal");
		assertThat(none.build().clientName()).isEqualTo("mvr-portal");
	}

	@Test
	void constructorWhenImplicitGrantThenThrows() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("authorization_code", "implicit");

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessageStartingWith("grant type 'implicit' is not offered");
	}

	@Test
	void constructorWhenPasswordGrantThenThrows() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("password");

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessageStartingWith("grant type 'password' is not offered");
	}

	@Test
	void constructorWhenAuthorizationCodeWithoutRedirectUriThenThrows() {
		Fixture fixture = new Fixture();
		fixture.redirectUris = List.of();

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessage("authorization_code needs at least one redirect URI");
	}

	@Test
	void constructorWhenClientCredentialsOnlyWithoutRedirectUriThenAccepted() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("client_credentials");
		fixture.redirectUris = List.of();

		assertThat(fixture.build().grantTypes()).containsExactly("client_credentials");
	}

	@Test
	void constructorWhenRedirectUriHttpOnPublicHostThenThrows() {
		Fixture fixture = new Fixture();
		fixture.redirectUris = List.of(URI.create("http://mvr.kp.gov.pk/cb"));

		assertThatIllegalArgumentException().isThrownBy(fixture::build).withMessageContaining("must use https");
	}

	@Test
	void constructorWhenPostLogoutRedirectUriHasFragmentThenThrows() {
		Fixture fixture = new Fixture();
		fixture.postLogoutRedirectUris = List.of(URI.create("https://mvr.kp.gov.pk/#bye"));

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessageContaining("must not have a fragment");
	}

	@Test
	void constructorWhenPublicClientWithClientCredentialsThenThrows() {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.NONE;
		fixture.grantTypes = Set.of("authorization_code", "client_credentials");

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessage("a public client (auth-method none) cannot use client_credentials");
	}

	@Test
	void constructorWhenTokenExchangeShortNameThenStoredAsUrn() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("authorization_code", "token_exchange");
		fixture.audiences = List.of(URI.create("https://registry.kp.gov.pk/api"));

		assertThat(fixture.build().grantTypes()).containsExactlyInAnyOrder("authorization_code",
				"urn:ietf:params:oauth:grant-type:token-exchange");
	}

	@Test
	void constructorWhenTokenExchangeWithoutAudiencesThenThrows() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("urn:ietf:params:oauth:grant-type:token-exchange");

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessageStartingWith("token_exchange needs audiences");
	}

	@Test
	void constructorWhenPublicClientWithTokenExchangeThenThrows() {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.NONE;
		fixture.grantTypes = Set.of("authorization_code", "token_exchange");
		fixture.audiences = List.of(URI.create("https://registry.kp.gov.pk/api"));

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessage("a public client (auth-method none) cannot use token_exchange");
	}

	@Test
	void constructorWhenPublicClientWithAuthorizationCodeThenAccepted() {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.NONE;

		assertThat(fixture.build().authMethod()).isEqualTo(AuthMethod.NONE);
	}

	@Test
	void constructorWhenPrivateKeyJwtWithoutJwksUriThenThrows() {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.PRIVATE_KEY_JWT;

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessage("private_key_jwt needs jwks-uri or jwks");
	}

	@Test
	void constructorWhenPrivateKeyJwtWithJwksUriThenAccepted() {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.PRIVATE_KEY_JWT;
		fixture.jwkSetUri = URI.create("https://mvr.kp.gov.pk/jwks");

		assertThat(fixture.build().jwkSetUri()).isEqualTo(fixture.jwkSetUri);
	}

	@Test
	void constructorWhenIdTokenAlgorithmNotOfferedThenThrows() {
		for (String algorithm : List.of("HS256", "none", "PS256", "rs256")) {
			Fixture fixture = new Fixture();
			fixture.idTokenSigningAlgorithm = algorithm;

			assertThatIllegalArgumentException().as(algorithm)
				.isThrownBy(fixture::build)
				.withMessage("id-token-signing-alg must be RS256 or ES256");
		}
	}

	@Test
	void constructorWhenEs256ThenAccepted() {
		Fixture fixture = new Fixture();
		fixture.idTokenSigningAlgorithm = "ES256";

		assertThat(fixture.build().idTokenSigningAlgorithm()).isEqualTo("ES256");
	}

	@Test
	void constructorWhenUnknownMinAcrThenThrows() {
		Fixture fixture = new Fixture();
		fixture.minAcr = "urn:kp:loa:4";

		assertThatIllegalArgumentException().isThrownBy(fixture::build)
			.withMessageStartingWith("min-acr must be one of");
	}

	@Test
	void constructorWhenCollectionsGivenThenCopiedUnmodifiable() {
		Fixture fixture = new Fixture();
		Set<String> scopes = new HashSet<>(Set.of("openid"));
		fixture.scopes = scopes;
		DepartmentClient client = fixture.build();

		scopes.add("cnic");

		assertThat(client.scopes()).containsExactly("openid");
		assertThat(client.scopes()).isUnmodifiable();
		assertThat(client.grantTypes()).isUnmodifiable();
		assertThat(client.redirectUris()).isUnmodifiable();
		assertThat(client.postLogoutRedirectUris()).isUnmodifiable();
	}

	@Test
	void effectiveSectorWhenConfiguredThenConfiguredSector() {
		Fixture fixture = new Fixture();
		fixture.sector = "transport.kp.gov.pk";

		assertThat(fixture.build().effectiveSector()).isEqualTo("transport.kp.gov.pk");
	}

	@Test
	void effectiveSectorWhenNotConfiguredThenHostOfFirstRedirectUri() {
		Fixture fixture = new Fixture();
		fixture.redirectUris = List.of(URI.create("https://first.kp.gov.pk/cb"),
				URI.create("https://second.kp.gov.pk/cb"));

		assertThat(fixture.build().effectiveSector()).isEqualTo("first.kp.gov.pk");
	}

	@Test
	void effectiveSectorWhenNoSectorAndNoRedirectUriThenClientId() {
		Fixture fixture = new Fixture();
		fixture.grantTypes = Set.of("client_credentials");
		fixture.redirectUris = List.of();

		assertThat(fixture.build().effectiveSector()).isEqualTo("mvr-portal");
	}

	@Test
	void authMethodOfWhenKnownNamesThenEnum() {
		for (AuthMethod method : AuthMethod.values()) {
			assertThat(AuthMethod.of(method.value())).isSameAs(method);
		}
		assertThat(AuthMethod.of("client_secret_basic")).isEqualTo(AuthMethod.CLIENT_SECRET_BASIC);
	}

	@Test
	void authMethodOfWhenUnknownThenThrowsNamingValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuthMethod.of("CLIENT_SECRET_BASIC"))
			.withMessageContaining("not 'CLIENT_SECRET_BASIC'");
		assertThatIllegalArgumentException().isThrownBy(() -> AuthMethod.of("client_secret_jwt"));
	}

	@Test
	void constructorWhenPoliciesOmittedThenNull() {
		DepartmentClient client = new Fixture().build();

		assertThat(client.claimsAllowed()).isNull();
		assertThat(client.accessTokenLifetime()).isNull();
		assertThat(client.idTokenLifetime()).isNull();
		assertThat(client.jwks()).isNull();
	}

	@Test
	void constructorWhenClaimsAllowedKnownThenKept() {
		Fixture fixture = new Fixture();
		fixture.claimsAllowed = Set.of("name", "birthdate", "cnic", "email");

		assertThat(fixture.build().claimsAllowed()).containsExactlyInAnyOrder("name", "birthdate", "cnic", "email");
	}

	@Test
	void constructorWhenClaimsAllowedUnknownThenThrowsNamingSettingAndClaim() {
		Fixture fixture = new Fixture();
		fixture.claimsAllowed = Set.of("name", "mothers_name");

		assertThatExceptionOfType(InvalidClientSettingException.class).isThrownBy(fixture::build)
			.withMessageContaining("'mothers_name'")
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("claims-allowed"));
	}

	@Test
	void constructorWhenClaimsAllowedEmptyThenThrows() {
		Fixture fixture = new Fixture();
		fixture.claimsAllowed = Set.of();

		assertThatExceptionOfType(InvalidClientSettingException.class).isThrownBy(fixture::build)
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("claims-allowed"));
	}

	@Test
	void constructorWhenClaimsAllowedNamesProtocolClaimThenThrows() {
		Fixture fixture = new Fixture();
		fixture.claimsAllowed = Set.of("sub");

		assertThatExceptionOfType(InvalidClientSettingException.class).isThrownBy(fixture::build)
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("claims-allowed"));
	}

	@Test
	void constructorWhenTokenLifetimesAtBoundsThenAccepted() {
		Fixture fixture = new Fixture();
		fixture.accessTokenLifetime = Duration.ofMinutes(1);
		fixture.idTokenLifetime = Duration.ofHours(1);

		DepartmentClient client = fixture.build();

		assertThat(client.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(1));
		assertThat(client.idTokenLifetime()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void constructorWhenAccessTokenLifetimeOutOfBoundsThenThrows() {
		for (Duration lifetime : List.of(Duration.ofSeconds(59), Duration.ofMinutes(61), Duration.ofMillis(90_500),
				Duration.ZERO, Duration.ofMinutes(-5))) {
			Fixture fixture = new Fixture();
			fixture.accessTokenLifetime = lifetime;

			assertThatExceptionOfType(InvalidClientSettingException.class).as(lifetime.toString())
				.isThrownBy(fixture::build)
				.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("access-token-lifetime"));
		}
	}

	@Test
	void constructorWhenIdTokenLifetimeOutOfBoundsThenThrows() {
		for (Duration lifetime : List.of(Duration.ofSeconds(30), Duration.ofHours(2))) {
			Fixture fixture = new Fixture();
			fixture.idTokenLifetime = lifetime;

			assertThatExceptionOfType(InvalidClientSettingException.class).as(lifetime.toString())
				.isThrownBy(fixture::build)
				.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("id-token-lifetime"));
		}
	}

	@Test
	void constructorWhenPrivateKeyJwtWithInlineJwksThenAccepted() throws Exception {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.PRIVATE_KEY_JWT;
		fixture.jwks = ClientJwksTests.jwks(ClientJwksTests.rsa(2048).toPublicJWK());

		assertThat(fixture.build().jwks()).isEqualTo(fixture.jwks);
	}

	@Test
	void constructorWhenBothJwksAndJwksUriThenThrows() throws Exception {
		Fixture fixture = new Fixture();
		fixture.authMethod = AuthMethod.PRIVATE_KEY_JWT;
		fixture.jwks = ClientJwksTests.jwks(ClientJwksTests.rsa(2048).toPublicJWK());
		fixture.jwkSetUri = URI.create("https://mvr.kp.gov.pk/jwks");

		assertThatExceptionOfType(InvalidClientSettingException.class).isThrownBy(fixture::build)
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("jwks"));
	}

	/** Mutable arguments for the record's constructor, valid by default. */
	private static final class Fixture {

		String clientId = "mvr-portal";

		String clientName = "Motor Vehicle Registration";

		String clientSecret = "a-secret";

		AuthMethod authMethod = AuthMethod.CLIENT_SECRET_BASIC;

		Set<String> grantTypes = Set.of("authorization_code", "refresh_token");

		List<URI> redirectUris = List.of(REDIRECT);

		List<URI> postLogoutRedirectUris = List.of(URI.create("https://mvr.kp.gov.pk/"));

		Set<String> scopes = Set.of("openid", "profile");

		String sector;

		boolean publicSubject;

		boolean requireConsent = true;

		String minAcr = AssuranceLevels.LOA1;

		URI backchannelLogoutUri;

		URI jwkSetUri;

		String idTokenSigningAlgorithm = "RS256";

		Duration refreshTokenLifetime = Duration.ofHours(24);

		List<URI> audiences = List.of();

		Set<String> claimsAllowed;

		Duration accessTokenLifetime;

		Duration idTokenLifetime;

		ClientJwks jwks;

		DepartmentClient build() {
			return new DepartmentClient(this.clientId, this.clientName, this.clientSecret, this.authMethod,
					this.grantTypes, this.redirectUris, this.postLogoutRedirectUris, this.scopes, this.sector,
					this.publicSubject, this.requireConsent, this.minAcr, this.backchannelLogoutUri, this.jwkSetUri,
					this.idTokenSigningAlgorithm, this.refreshTokenLifetime, this.audiences, this.claimsAllowed,
					this.accessTokenLifetime, this.idTokenLifetime, this.jwks);
		}

	}

}
