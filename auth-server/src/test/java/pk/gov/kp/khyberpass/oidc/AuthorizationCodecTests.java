package pk.gov.kp.khyberpass.oidc;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodecTests {

	private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

	private static final String CODE = "code-value-0123456789abcdefghijklmnopqrstuvwxyz";

	private static final String ACCESS = "access-value-0123456789abcdefghijklmnopqrstuvwxyz";

	private static final String REFRESH = "refresh-value-0123456789abcdefghijklmnopqrstuvwxyz";

	private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwYWlyd2lzZSJ9.signature";

	private final AuthorizationCodec codec = new AuthorizationCodec();

	private final RegisteredClient client = RegisteredClient.withId("registered-1")
		.clientId("mvr-portal")
		.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
		.redirectUri("https://mvr.kp.gov.pk/cb")
		.scope("openid")
		.scope("profile")
		.build();

	@Test
	void writeWhenAuthorizationHasTokensThenJsonHoldsOnlyHashes() {
		String json = this.codec.write(authorization());

		assertThat(json).doesNotContain(CODE, ACCESS, REFRESH, ID_TOKEN)
			.contains(TokenHash.of(CODE), TokenHash.of(ACCESS), TokenHash.of(REFRESH), TokenHash.of(ID_TOKEN));
	}

	@Test
	void readWhenNoKnownValueThenEveryTokenValueIsItsHash() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		assertThat(read.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue())
			.isEqualTo(TokenHash.of(CODE));
		assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo(TokenHash.of(ACCESS));
		assertThat(read.getRefreshToken().getToken().getTokenValue()).isEqualTo(TokenHash.of(REFRESH));
		assertThat(read.getToken(OidcIdToken.class).getToken().getTokenValue()).isEqualTo(TokenHash.of(ID_TOKEN));
	}

	@Test
	void readWhenKnownValueIsRefreshTokenThenOnlyRefreshTokenGetsClearValue() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, REFRESH);

		assertThat(read.getRefreshToken().getToken().getTokenValue()).isEqualTo(REFRESH);
		assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo(TokenHash.of(ACCESS));
		assertThat(read.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue())
			.isEqualTo(TokenHash.of(CODE));
		assertThat(read.getToken(OidcIdToken.class).getToken().getTokenValue()).isEqualTo(TokenHash.of(ID_TOKEN));
	}

	@Test
	void readWhenKnownValueIsCodeThenFoundByHashOfCode() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, CODE);

		assertThat(read.getToken(CODE)).isNotNull();
		assertThat(read.getToken(CODE).getToken()).isInstanceOf(OAuth2AuthorizationCode.class);
		assertThat(read.getToken(ACCESS)).isNull();
	}

	@Test
	void readWhenKnownValueMatchesNoTokenThenAllHashes() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, "other-value");

		assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo(TokenHash.of(ACCESS));
		assertThat(read.getRefreshToken().getToken().getTokenValue()).isEqualTo(TokenHash.of(REFRESH));
	}

	@Test
	void readWhenWrittenThenIdentityAndScopesSurvive() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		assertThat(read.getId()).isEqualTo("authorization-1");
		assertThat(read.getRegisteredClientId()).isEqualTo("registered-1");
		assertThat(read.getPrincipalName()).isEqualTo("account-1");
		assertThat(read.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
		assertThat(read.getAuthorizedScopes()).containsExactlyInAnyOrder("openid", "profile");
	}

	@Test
	void readWhenWrittenThenTokenTimesTypeAndScopesSurvive() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		OAuth2AccessToken access = read.getAccessToken().getToken();
		assertThat(access.getTokenType()).isEqualTo(OAuth2AccessToken.TokenType.BEARER);
		assertThat(access.getIssuedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(access.getExpiresAt()).isEqualTo(T0.plusSeconds(310));
		assertThat(access.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		OAuth2RefreshToken refresh = read.getRefreshToken().getToken();
		assertThat(refresh.getIssuedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(refresh.getExpiresAt()).isEqualTo(T0.plusSeconds(86_410));
		OAuth2AuthorizationCode code = read.getToken(OAuth2AuthorizationCode.class).getToken();
		assertThat(code.getIssuedAt()).isEqualTo(T0);
		assertThat(code.getExpiresAt()).isEqualTo(T0.plusSeconds(300));
	}

	@Test
	void readWhenWrittenThenInvalidatedFlagSurvives() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		assertThat(read.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
		assertThat(read.getToken(OAuth2AuthorizationCode.class).getMetadata())
			.containsEntry(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true);
		assertThat(read.getAccessToken().isInvalidated()).isFalse();
		assertThat(read.getRefreshToken().isInvalidated()).isFalse();
	}

	@Test
	void readWhenWrittenThenIdTokenClaimsSurvive() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		OAuth2Authorization.Token<OidcIdToken> idToken = read.getToken(OidcIdToken.class);
		assertThat(idToken.getToken().getSubject()).isEqualTo("pairwise-sub");
		assertThat(idToken.getToken().getClaimAsString("sid")).isEqualTo("session-1");
		assertThat(idToken.getToken().getClaimAsStringList("amr")).containsExactly("pwd");
		assertThat(idToken.getToken().getIssuedAt()).isEqualTo(T0.plusSeconds(10));
		assertThat(idToken.getToken().getExpiresAt()).isEqualTo(T0.plusSeconds(310));
		assertThat(idToken.getToken().getAudience()).containsExactly("mvr-portal");
		assertThat(idToken.getToken().getAuthenticatedAt()).isEqualTo(T0.minusSeconds(60));
		assertThat(idToken.getClaims()).isEqualTo(idTokenClaims());
	}

	@Test
	void readWhenWrittenThenAccessTokenClaimsAndCustomMetadataSurvive() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		OAuth2Authorization.Token<OAuth2AccessToken> access = read.getAccessToken();
		assertThat(access.getClaims()).containsEntry("sub", "pairwise-sub")
			.containsEntry("client_id", "mvr-portal")
			.containsEntry("scope", "openid profile")
			.containsEntry("aud", List.of("mvr-portal"))
			.containsEntry("iat", T0.plusSeconds(10));
		assertThat(access.getMetadata()).containsEntry("khyberpass.family", "family-1");
	}

	@Test
	void readWhenWrittenThenAuthorizationRequestAttributeSurvives() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		OAuth2AuthorizationRequest request = read.getAttribute(OAuth2AuthorizationRequest.class.getName());
		assertThat(request).isNotNull();
		assertThat(request.getAuthorizationUri()).isEqualTo("https://id.kp.gov.pk/oauth2/authorize");
		assertThat(request.getClientId()).isEqualTo("mvr-portal");
		assertThat(request.getRedirectUri()).isEqualTo("https://mvr.kp.gov.pk/cb");
		assertThat(request.getScopes()).containsExactlyInAnyOrder("openid", "profile");
		assertThat(request.getState()).isEqualTo("state-1");
		assertThat(request.getAdditionalParameters()).containsEntry("nonce", "nonce-1");
	}

	@Test
	void readWhenWrittenThenPrincipalWithFactorAuthoritySurvives() {
		OAuth2Authorization read = this.codec.read(this.codec.write(authorization()), this.client, null);

		Authentication principal = read.getAttribute(Principal.class.getName());
		assertThat(principal).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(principal.getName()).isEqualTo("account-1");
		assertThat(principal.isAuthenticated()).isTrue();
		assertThat(principal.getAuthorities()).singleElement()
			.isInstanceOfSatisfying(FactorGrantedAuthority.class, (factor) -> {
				assertThat(factor.getAuthority()).isEqualTo(FactorGrantedAuthority.PASSWORD_AUTHORITY);
				assertThat(factor.getIssuedAt()).isEqualTo(T0.minusSeconds(60));
			});
		assertThat(AuthenticationFactors.of(principal).authenticatedAt()).contains(T0.minusSeconds(60));
	}

	@Test
	void registeredClientIdWhenWrittenThenReadWithoutClient() {
		assertThat(this.codec.registeredClientId(this.codec.write(authorization()))).isEqualTo("registered-1");
	}

	@Test
	void writeWhenReadBackAndWrittenAgainThenReadsTheSame() {
		OAuth2Authorization once = this.codec.read(this.codec.write(authorization()), this.client, null);

		OAuth2Authorization twice = this.codec.read(this.codec.write(once), this.client, null);

		assertThat(twice).usingRecursiveComparison().isEqualTo(once);
	}

	@Test
	void writeWhenOnlyAccessTokenThenRoundTrips() {
		OAuth2Authorization authorization = OAuth2Authorization.withRegisteredClient(this.client)
			.id("authorization-2")
			.principalName("mvr-portal")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.authorizedScopes(Set.of("vehicles.read"))
			.accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS, T0, T0.plusSeconds(300),
					Set.of("vehicles.read")))
			.build();

		OAuth2Authorization read = this.codec.read(this.codec.write(authorization), this.client, ACCESS);

		assertThat(read.getAccessToken().getToken().getTokenValue()).isEqualTo(ACCESS);
		assertThat(read.getRefreshToken()).isNull();
		assertThat(read.getToken(OAuth2AuthorizationCode.class)).isNull();
		assertThat(read.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.CLIENT_CREDENTIALS);
	}

	private OAuth2Authorization authorization() {
		OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://id.kp.gov.pk/oauth2/authorize")
			.clientId("mvr-portal")
			.redirectUri("https://mvr.kp.gov.pk/cb")
			.scopes(Set.of("openid", "profile"))
			.state("state-1")
			.additionalParameters(Map.of("nonce", "nonce-1"))
			.build();
		FactorGrantedAuthority password = FactorGrantedAuthority
			.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(T0.minusSeconds(60))
			.build();
		UsernamePasswordAuthenticationToken principal = UsernamePasswordAuthenticationToken.authenticated("account-1",
				null, List.of(password));
		return OAuth2Authorization.withRegisteredClient(this.client)
			.id("authorization-1")
			.principalName("account-1")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizedScopes(Set.of("openid", "profile"))
			.attribute(OAuth2AuthorizationRequest.class.getName(), request)
			.attribute(Principal.class.getName(), principal)
			.token(new OAuth2AuthorizationCode(CODE, T0, T0.plusSeconds(300)),
					(metadata) -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true))
			.token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS, T0.plusSeconds(10),
					T0.plusSeconds(310), Set.of("openid", "profile")), (metadata) -> {
						metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, accessTokenClaims());
						metadata.put("khyberpass.family", "family-1");
					})
			.refreshToken(new OAuth2RefreshToken(REFRESH, T0.plusSeconds(10), T0.plusSeconds(86_410)))
			.token(new OidcIdToken(ID_TOKEN, T0.plusSeconds(10), T0.plusSeconds(310), idTokenClaims()),
					(metadata) -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, idTokenClaims()))
			.build();
	}

	/**
	 * Claims as the JWT encoder hands them over: an unmodifiable linked map with instants
	 * and array lists.
	 */
	private static Map<String, Object> accessTokenClaims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "https://id.kp.gov.pk");
		claims.put("sub", "pairwise-sub");
		claims.put("aud", new ArrayList<>(List.of("mvr-portal")));
		claims.put("iat", T0.plusSeconds(10));
		claims.put("exp", T0.plusSeconds(310));
		claims.put("client_id", "mvr-portal");
		claims.put("scope", "openid profile");
		return Collections.unmodifiableMap(claims);
	}

	private static Map<String, Object> idTokenClaims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "https://id.kp.gov.pk");
		claims.put("sub", "pairwise-sub");
		claims.put("aud", new ArrayList<>(List.of("mvr-portal")));
		claims.put("iat", T0.plusSeconds(10));
		claims.put("exp", T0.plusSeconds(310));
		claims.put("sid", "session-1");
		claims.put("acr", AssuranceLevels.LOA1);
		claims.put("amr", new ArrayList<>(List.of("pwd")));
		claims.put("auth_time", Date.from(T0.minusSeconds(60)));
		return Collections.unmodifiableMap(claims);
	}

}
