package pk.gov.kp.khyberpass.seed;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.oidc.ApiScope;
import pk.gov.kp.khyberpass.oidc.AssuranceLevels;
import pk.gov.kp.khyberpass.oidc.DepartmentClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedFileTests {

	private static final String FULL = """
			clients:
			  - client-id: mvr-portal
			    client-name: Motor Vehicle Registration
			    client-secret: a-secret
			    auth-method: client_secret_post
			    grant-types: [authorization_code, refresh_token, client_credentials]
			    redirect-uris: [https://mvr.kp.gov.pk/login/oauth2/code/khyberpass, http://127.0.0.1:8080/cb]
			    post-logout-redirect-uris: [https://mvr.kp.gov.pk/]
			    scopes: [openid, profile, phone, cnic]
			    sector: mvr.kp.gov.pk
			    public-subject: true
			    require-consent: false
			    min-acr: urn:kp:loa:2
			    backchannel-logout-uri: https://mvr.kp.gov.pk/logout/back-channel
			    jwks-uri: https://mvr.kp.gov.pk/jwks
			    id-token-signing-alg: ES256
			    refresh-token-lifetime: 90m
			  - client-id: mvr-batch
			    grant-types: [client_credentials]
			    scopes: [vehicles.read]
			citizens:
			  - cnic: 17301-1234567-2
			    name: Ayesha Khan
			    birth-date: "1990-04-12"
			    mobile: "+923001234567"
			    password: a-long-demo-passphrase
			""";

	@Test
	void parseWhenFullExampleThenReadsEveryClientField() {
		SeedFile seed = parse(FULL);

		assertThat(seed.clients()).hasSize(2);
		DepartmentClient client = seed.clients().get(0);
		assertThat(client.clientId()).isEqualTo("mvr-portal");
		assertThat(client.clientName()).isEqualTo("Motor Vehicle Registration");
		assertThat(client.clientSecret()).isEqualTo("a-secret");
		assertThat(client.authMethod()).isEqualTo(DepartmentClient.AuthMethod.CLIENT_SECRET_POST);
		assertThat(client.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token",
				"client_credentials");
		assertThat(client.redirectUris()).containsExactly(
				URI.create("https://mvr.kp.gov.pk/login/oauth2/code/khyberpass"),
				URI.create("http://127.0.0.1:8080/cb"));
		assertThat(client.postLogoutRedirectUris()).containsExactly(URI.create("https://mvr.kp.gov.pk/"));
		assertThat(client.scopes()).containsExactlyInAnyOrder("openid", "profile", "phone", "cnic");
		assertThat(client.sector()).isEqualTo("mvr.kp.gov.pk");
		assertThat(client.publicSubject()).isTrue();
		assertThat(client.requireConsent()).isFalse();
		assertThat(client.minAcr()).isEqualTo(AssuranceLevels.LOA2);
		assertThat(client.backchannelLogoutUri()).isEqualTo(URI.create("https://mvr.kp.gov.pk/logout/back-channel"));
		assertThat(client.jwkSetUri()).isEqualTo(URI.create("https://mvr.kp.gov.pk/jwks"));
		assertThat(client.idTokenSigningAlgorithm()).isEqualTo("ES256");
		assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void parseWhenOptionalClientKeysOmittedThenDefaultsApply() {
		DepartmentClient client = parse(FULL).clients().get(1);

		assertThat(client.clientId()).isEqualTo("mvr-batch");
		assertThat(client.clientName()).isEqualTo("mvr-batch");
		assertThat(client.clientSecret()).isNull();
		assertThat(client.authMethod()).isEqualTo(DepartmentClient.AuthMethod.CLIENT_SECRET_BASIC);
		assertThat(client.grantTypes()).containsExactly("client_credentials");
		assertThat(client.redirectUris()).isEmpty();
		assertThat(client.postLogoutRedirectUris()).isEmpty();
		assertThat(client.scopes()).containsExactly("vehicles.read");
		assertThat(client.sector()).isNull();
		assertThat(client.publicSubject()).isFalse();
		assertThat(client.requireConsent()).isTrue();
		assertThat(client.minAcr()).isEqualTo(AssuranceLevels.LOA1);
		assertThat(client.backchannelLogoutUri()).isNull();
		assertThat(client.jwkSetUri()).isNull();
		assertThat(client.idTokenSigningAlgorithm()).isEqualTo("RS256");
		assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void parseWhenGrantTypesOmittedThenAuthorizationCodeAndRefreshTokenWithOpenidScope() {
		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				""").clients().get(0);

		assertThat(client.grantTypes()).containsExactlyInAnyOrder("authorization_code", "refresh_token");
		assertThat(client.scopes()).containsExactly("openid");
		assertThat(client.effectiveSector()).isEqualTo("web.kp.gov.pk");
	}

	@Test
	void parseWhenFullExampleThenReadsCitizen() {
		SeedFile seed = parse(FULL);

		assertThat(seed.citizens()).containsExactly(new SeedCitizen("17301-1234567-2", "Ayesha Khan",
				LocalDate.of(1990, 4, 12), "+923001234567", "a-long-demo-passphrase", null, java.util.List.of()));
	}

	@Test
	void parseWhenBirthDateIsUnquotedYamlDateThenReadsSameDay() {
		SeedFile seed = parse("""
				citizens:
				  - cnic: 17301-1234567-2
				    name: Ayesha Khan
				    birth-date: 1990-04-12
				    mobile: "+923001234567"
				    password: a-long-demo-passphrase
				""");

		assertThat(seed.citizens().get(0).birthDate()).isEqualTo(LocalDate.of(1990, 4, 12));
	}

	@Test
	void parseWhenBirthDateNotIsoThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				citizens:
				  - cnic: 17301-1234567-2
				    name: Ayesha Khan
				    birth-date: 12/04/1990
				    mobile: "+923001234567"
				    password: p
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: citizens[0]: birth-date must be YYYY-MM-DD");
	}

	@Test
	void parseWhenRefreshTokenLifetimeInDaysThenAccepted() {
		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    refresh-token-lifetime: 1d
				""").clients().get(0);

		assertThat(client.refreshTokenLifetime()).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void parseWhenRefreshTokenLifetimeUnreadableThenThrowsNamingClient() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    refresh-token-lifetime: one day
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): ");
	}

	@Test
	void parseWhenEmptyDocumentThenSeedsNothing() {
		SeedFile seed = parse("");

		assertThat(seed.clients()).isEmpty();
		assertThat(seed.citizens()).isEmpty();
	}

	@Test
	void parseWhenOnlyCommentsThenSeedsNothing() {
		SeedFile seed = parse("# nothing to seed yet\n");

		assertThat(seed).isEqualTo(new SeedFile(List.of(), List.of(), List.of()));
	}

	@Test
	void parseWhenInvalidYamlThenThrowsNamingSource() {
		assertThatThrownBy(() -> parse("clients: [unclosed\n  - client-id: x\n"))
			.isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: not valid YAML: ");
	}

	@Test
	void parseWhenDocumentIsNotMappingThenThrows() {
		assertThatThrownBy(() -> parse("- clients\n")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: expected a mapping of keys to values");
	}

	@Test
	void parseWhenUnknownTopLevelKeyThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("clients: []\nclient: []\n")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: unknown key 'client' (known keys: [api-scopes, citizens, clients])");
	}

	@Test
	void parseWhenUnknownClientKeyThenThrowsNamingEntryClientIdAndKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: first
				    redirect-uris: [https://first.kp.gov.pk/cb]
				  - client-id: x-portal
				    redirect-uri: https://x.kp.gov.pk/cb
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith(
					"seed.yml: clients[1] (client-id x-portal): unknown key 'redirect-uri' (known keys: [")
			.hasMessageContaining("redirect-uris");
	}

	@Test
	void parseWhenUnknownClientKeyAndNoClientIdThenThrowsNamingEntryAndKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client_id: x-portal
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0]: unknown key 'client_id'");
	}

	@Test
	void parseWhenUnknownCitizenKeyThenThrowsNamingEntryAndKey() {
		assertThatThrownBy(() -> parse("""
				citizens:
				  - cnic: 17301-1234567-2
				    name: Ayesha Khan
				    birth-date: 1990-04-12
				    mobile: "+923001234567"
				    password: p
				    e-mail: ayesha@example.pk
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: citizens[0]: unknown key 'e-mail' (known keys: [");
	}

	@Test
	void parseWhenCitizenInvalidThenMessageDoesNotEchoCnic() {
		assertThatThrownBy(() -> parse("""
				citizens:
				  - cnic: 17301-1234567-2
				    name: Ayesha Khan
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: citizens[0]: 'birth-date' is required")
			.message()
			.doesNotContain("1234567");
	}

	@Test
	void parseWhenClientIdMissingThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-name: Nameless
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0]: 'client-id' is required");
	}

	@Test
	void parseWhenClientIdBlankThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: "  "
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0]: 'client-id' is required");
	}

	@Test
	void parseWhenClientIdIsNumberThenReadAsText() {
		DepartmentClient client = parse("""
				clients:
				  - client-id: 12345
				    grant-types: [client_credentials]
				""").clients().get(0);

		assertThat(client.clientId()).isEqualTo("12345");
	}

	@Test
	void parseWhenListGivenForSingleValueThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    sector: [a.kp.gov.pk, b.kp.gov.pk]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'sector' must be a single value");
	}

	@Test
	void parseWhenListGivenForClientIdThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: [a, b]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0]: 'client-id' must be a single value");
	}

	@Test
	void parseWhenSingleValueGivenForListThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: https://web.kp.gov.pk/cb
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'redirect-uris': expected a list");
	}

	@Test
	void parseWhenListHoldsMappingThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    scopes: [openid, {profile: true}]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'scopes' must be a list of values");
	}

	@Test
	void parseWhenClientsIsNotListThenThrows() {
		assertThatThrownBy(() -> parse("clients:\n  client-id: web\n")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients: expected a list");
	}

	@Test
	void parseWhenClientEntryIsNotMappingThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("clients:\n  - web\n")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0]: expected a mapping of keys to values");
	}

	@Test
	void parseWhenPublicSubjectNotBooleanThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    public-subject: "yes"
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'public-subject' must be true or false");
	}

	@Test
	void parseWhenRequireConsentIsNumberThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    require-consent: 1
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'require-consent' must be true or false");
	}

	@Test
	void parseWhenAuthMethodUnknownThenThrowsNamingClientAndValue() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    auth-method: client_secret_jwt
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): auth-method must be one of ")
			.hasMessageContaining("'client_secret_jwt'");
	}

	@Test
	void parseWhenImplicitGrantThenThrowsNamingGrant() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    grant-types: [authorization_code, implicit]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): grant type 'implicit' is not offered");
	}

	@Test
	void parseWhenPasswordGrantThenThrowsNamingGrant() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    grant-types: [password]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): grant type 'password' is not offered");
	}

	@Test
	void parseWhenRedirectUriHttpOnPublicHostThenThrows() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [http://web.kp.gov.pk/cb]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): redirect URI 'http://web.kp.gov.pk/cb' must use https "
					+ "(http only on loopback)");
	}

	@Test
	void parseWhenRedirectUriHttpOnLoopbackThenAccepted() {
		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    redirect-uris: [http://localhost:8080/cb, "http://[::1]:8080/cb"]
				""").clients().get(0);

		assertThat(client.redirectUris()).hasSize(2);
	}

	@Test
	void parseWhenRedirectUriHasFragmentThenThrows() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: ["https://web.kp.gov.pk/cb#top"]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): redirect URI 'https://web.kp.gov.pk/cb#top' "
					+ "must not have a fragment");
	}

	@Test
	void parseWhenPostLogoutRedirectUriHttpOnPublicHostThenThrows() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    post-logout-redirect-uris: [http://web.kp.gov.pk/]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageContaining("clients[0] (client-id web)")
			.hasMessageContaining("must use https");
	}

	@Test
	void parseWhenRedirectUriUnparseableThenThrowsNamingKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: ["https://web.kp.gov.pk/a b"]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): 'redirect-uris' has an invalid URI: ");
	}

	@Test
	void parseWhenSecondClientInvalidThenMessageNamesSecondEntry() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: first
				    redirect-uris: [https://first.kp.gov.pk/cb]
				  - client-id: second
				    redirect-uris: [https://second.kp.gov.pk/cb]
				    min-acr: urn:kp:loa:9
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[1] (client-id second): min-acr must be one of");
	}

	@Test
	void parseWhenClientPoliciesGivenThenRead() {
		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    scopes: [openid, profile, phone]
				    claims-allowed: [name, birthdate]
				    access-token-lifetime: 2m
				    id-token-lifetime: PT10M
				""").clients().get(0);

		assertThat(client.claimsAllowed()).containsExactlyInAnyOrder("name", "birthdate");
		assertThat(client.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(2));
		assertThat(client.idTokenLifetime()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void parseWhenClientPoliciesOmittedThenServerDefaults() {
		DepartmentClient client = parse(FULL).clients().get(1);

		assertThat(client.claimsAllowed()).isNull();
		assertThat(client.accessTokenLifetime()).isNull();
		assertThat(client.idTokenLifetime()).isNull();
		assertThat(client.jwks()).isNull();
	}

	@Test
	void parseWhenUnknownClaimAllowedThenThrowsNamingEntryAndClaim() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    claims-allowed: [name, salary]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith(
					"seed.yml: clients[0] (client-id web): claims-allowed names an unknown claim " + "'salary'");
	}

	@Test
	void parseWhenAccessTokenLifetimeOutOfBoundsThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    access-token-lifetime: 2h
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): access-token-lifetime must be whole "
					+ "seconds from PT1M to PT1H");
	}

	@Test
	void parseWhenIdTokenLifetimeUnreadableThenThrowsNamingEntryAndKey() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    redirect-uris: [https://web.kp.gov.pk/cb]
				    id-token-lifetime: soon
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): 'id-token-lifetime' must be a duration such as 5m or "
					+ "PT5M");
	}

	@Test
	void parseWhenJwksAsYamlMappingThenRead() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("web-1").generate();

		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    auth-method: private_key_jwt
				    grant-types: [client_credentials]
				    jwks:
				      keys:
				        - kty: RSA
				          kid: web-1
				          e: %s
				          n: %s
				""".formatted(key.getPublicExponent(), key.getModulus())).clients().get(0);

		assertThat(client.jwks().keySet().getKeyByKeyId("web-1").toRSAKey().toRSAPublicKey())
			.isEqualTo(key.toRSAPublicKey());
	}

	@Test
	void parseWhenJwksAsJsonTextThenRead() throws Exception {
		String json = new JWKSet(new RSAKeyGenerator(2048).keyID("web-1").generate().toPublicJWK()).toString();

		DepartmentClient client = parse("""
				clients:
				  - client-id: web
				    auth-method: private_key_jwt
				    grant-types: [client_credentials]
				    jwks: '%s'
				""".formatted(json)).clients().get(0);

		assertThat(client.jwks().keySet().getKeyByKeyId("web-1")).isNotNull();
	}

	@Test
	void parseWhenJwksHoldsPrivateKeyThenThrowsNamingEntry() throws Exception {
		String json = new JWKSet(new RSAKeyGenerator(2048).generate()).toString(false);

		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    auth-method: private_key_jwt
				    grant-types: [client_credentials]
				    jwks: '%s'
				""".formatted(json))).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): jwks must hold public keys only: a private or "
					+ "symmetric key was given")
			.hasMessageNotContaining(json);
	}

	@Test
	void parseWhenJwksAndJwksUriThenThrowsNamingEntry() throws Exception {
		String json = new JWKSet(new RSAKeyGenerator(2048).generate().toPublicJWK()).toString();

		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    auth-method: private_key_jwt
				    grant-types: [client_credentials]
				    jwks-uri: https://web.kp.gov.pk/jwks
				    jwks: '%s'
				""".formatted(json))).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: clients[0] (client-id web): give either jwks or jwks-uri, not both");
	}

	@Test
	void parseWhenJwksIsListThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				clients:
				  - client-id: web
				    auth-method: private_key_jwt
				    grant-types: [client_credentials]
				    jwks: [a, b]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: clients[0] (client-id web): 'jwks' must be a JWK Set");
	}

	@Test
	void parseWhenClientsAndCitizensThenListsAreUnmodifiable() {
		SeedFile seed = parse(FULL);

		assertThat(seed.clients()).isUnmodifiable();
		assertThat(seed.citizens()).isUnmodifiable();
	}

	@Test
	void parseWhenApiScopesThenReadsNamesAndDescriptions() {
		SeedFile seed = parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: The vehicles registered in your name
				    description-ur: آپ کے نام پر رجسٹرڈ گاڑیاں
				    description-ps: ستاسو په نوم ثبت شوي ګاډي
				  - name: registry.read
				    description-en: "  Your registry entries  "
				""");

		assertThat(seed.apiScopes()).containsExactly(
				new ApiScope("vehicles.read", "The vehicles registered in your name", "آپ کے نام پر رجسٹرڈ گاڑیاں",
						"ستاسو په نوم ثبت شوي ګاډي"),
				new ApiScope("registry.read", "Your registry entries", null, null));
		assertThat(seed.clients()).isEmpty();
	}

	@Test
	void parseWhenApiScopeKeyUnknownThenThrowsNamingEntryAndScope() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: Your vehicles
				    description-urdu: آپ کی گاڑیاں
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: api-scopes[0] (name vehicles.read): unknown key 'description-urdu' "
					+ "(known keys: [description-en, description-ps, description-ur, name])");
	}

	@Test
	void parseWhenApiScopeWithoutEnglishThenThrowsNamingEntryAndKey() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-ur: آپ کی گاڑیاں
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: api-scopes[0] (name vehicles.read): description-en is required");
	}

	@Test
	void parseWhenApiScopeNameMissingThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - description-en: Your vehicles
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: api-scopes[0]: 'name' is required");
	}

	@Test
	void parseWhenStandardScopeDescribedThenThrowsSayingItCannotBeRedefined() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: Your vehicles
				  - name: profile
				    description-en: Everything about you
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: api-scopes[1] (name profile): 'profile' is a standard scope");
	}

	@Test
	void parseWhenApiScopeNameInvalidOrListedTwiceThenThrowsNamingEntry() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: Vehicles.Read
				    description-en: Your vehicles
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: api-scopes[0] (name Vehicles.Read): name must be 2 to 4 parts");
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: Your vehicles
				  - name: vehicles.read
				    description-en: Your cars
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: api-scopes[1] (name vehicles.read): listed twice");
	}

	@Test
	void parseWhenApiScopeDescriptionNotOneLineThenThrowsNamingEntryAndKey() {
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: |
				      Your vehicles
				      and your fines
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessageStartingWith("seed.yml: api-scopes[0] (name vehicles.read): description-en must be one line");
		assertThatThrownBy(() -> parse("""
				api-scopes:
				  - name: vehicles.read
				    description-en: [Your vehicles]
				""")).isInstanceOf(InvalidSeedException.class)
			.hasMessage("seed.yml: api-scopes[0] (name vehicles.read): 'description-en' must be a single value");
	}

	private static SeedFile parse(String yaml) {
		return SeedFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "seed.yml");
	}

}
