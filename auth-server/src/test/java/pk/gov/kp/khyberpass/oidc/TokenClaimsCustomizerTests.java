package pk.gov.kp.khyberpass.oidc;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

import pk.gov.kp.khyberpass.keys.MasterKey;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsCustomizerTests {

	private static final Instant ISSUED = Instant.parse("2025-03-01T10:00:00Z");

	private final TokenClaimsCustomizer customizer = new TokenClaimsCustomizer(new PairwiseSubjects(masterKey()));

	@Test
	void customizeWhenIdTokenAndClaimsAllowedThenOnlyAllowedAndProtocolClaims() {
		JwtClaimsSet.Builder claims = claims().claim("name", "Ayesha Khan").claim("phone_number", "+923001234567");

		Map<String, Object> result = customize(client(Map.of(KhyberPassClientSettings.CLAIMS_ALLOWED, "name")),
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN), claims);

		assertThat(result).containsEntry("name", "Ayesha Khan")
			.doesNotContainKey("phone_number")
			.containsKeys("iss", "sub", "aud", "iat", "exp", "nonce", "sid", "azp", "acr", "amr", "auth_time");
	}

	@Test
	void customizeWhenAccessTokenAndClaimsAllowedThenUnknownClaimsDroppedProtocolKept() {
		JwtClaimsSet.Builder claims = claims().claim("cnic", "17301-1234567-2").claim("department_note", "x");

		Map<String, Object> result = customize(client(Map.of(KhyberPassClientSettings.CLAIMS_ALLOWED, "name")),
				OAuth2TokenType.ACCESS_TOKEN, claims);

		assertThat(result).doesNotContainKeys("cnic", "department_note")
			.containsKeys("iss", "sub", "aud", "client_id", "scope", "acr", "amr");
	}

	@Test
	void customizeWhenNoClaimsAllowedThenEveryClaimKept() {
		JwtClaimsSet.Builder claims = claims().claim("phone_number", "+923001234567");

		Map<String, Object> result = customize(client(Map.of()), new OAuth2TokenType(OidcParameterNames.ID_TOKEN),
				claims);

		assertThat(result).containsKey("phone_number");
	}

	@Test
	void customizeWhenIdTokenLifetimeSetThenExpIsIatPlusLifetime() {
		Map<String, Object> result = customize(
				client(Map.of(KhyberPassClientSettings.ID_TOKEN_LIFETIME, Duration.ofMinutes(7).toString())),
				new OAuth2TokenType(OidcParameterNames.ID_TOKEN), claims());

		assertThat(result).containsEntry("exp", ISSUED.plus(Duration.ofMinutes(7)));
	}

	@Test
	void customizeWhenIdTokenLifetimeNotSetThenExpUnchanged() {
		Map<String, Object> result = customize(client(Map.of()), new OAuth2TokenType(OidcParameterNames.ID_TOKEN),
				claims());

		assertThat(result).containsEntry("exp", ISSUED.plus(Duration.ofMinutes(30)));
	}

	@Test
	void customizeWhenAccessTokenThenIdTokenLifetimeNotApplied() {
		Map<String, Object> result = customize(
				client(Map.of(KhyberPassClientSettings.ID_TOKEN_LIFETIME, Duration.ofMinutes(7).toString())),
				OAuth2TokenType.ACCESS_TOKEN, claims());

		assertThat(result).containsEntry("exp", ISSUED.plus(Duration.ofMinutes(30)));
	}

	private Map<String, Object> customize(RegisteredClient client, OAuth2TokenType type, JwtClaimsSet.Builder claims) {
		TestingAuthenticationToken citizen = new TestingAuthenticationToken("0b6f4c1e-6f2a-4a8e-9a51-3d1f6f0c9a10",
				null,
				List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
					.issuedAt(ISSUED)
					.build()));
		JwtEncodingContext context = JwtEncodingContext.with(JwsHeader.with(SignatureAlgorithm.RS256), claims)
			.registeredClient(client)
			.principal(citizen)
			.tokenType(type)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizedScopes(java.util.Set.of("openid"))
			.build();

		this.customizer.customize(context);

		return claims.build().getClaims();
	}

	/** What Spring Authorization Server puts in before the customiser runs. */
	private static JwtClaimsSet.Builder claims() {
		return JwtClaimsSet.builder()
			.issuer("https://id.kp.gov.pk")
			.subject("0b6f4c1e-6f2a-4a8e-9a51-3d1f6f0c9a10")
			.audience(List.of("mvr-portal"))
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plus(Duration.ofMinutes(30)))
			.claim("azp", "mvr-portal")
			.claim("nonce", "n-0S6_WzA2Mj")
			.claim("sid", "session-1");
	}

	private static RegisteredClient client(Map<String, Object> settings) {
		return RegisteredClient.withId("id-1")
			.clientId("mvr-portal")
			.clientSecret("secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("https://mvr.kp.gov.pk/cb")
			.scope("openid")
			.clientSettings(ClientSettings.builder()
				.setting(KhyberPassClientSettings.SECTOR, "mvr.kp.gov.pk")
				.settings((all) -> all.putAll(settings))
				.build())
			.build();
	}

	private static MasterKey masterKey() {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) 1);
		return new MasterKey(key, new SecureRandom());
	}

}
