package pk.gov.kp.khyberpass.sdk;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;
import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of this module's {@code README.md}, run against the test provider:
 * building the client with the secret from the environment, the code flow, token checks,
 * renewals on one node and across two, service tokens, token exchange and introspection.
 * Each of the README's {@code java} blocks must appear in this file as it is (indentation
 * aside); the methods below that use {@code khyberPass} are those blocks.
 */
class ReadmeExamplesTests {

	private static final Path README = Path.of("README.md");

	private static final Path THIS_FILE = Path.of("src/test/java/pk/gov/kp/khyberpass/sdk/ReadmeExamplesTests.java");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final List<KhyberPassClient> clients = new ArrayList<>();

	/** The README's client: the test provider's, on its clock. */
	private final KhyberPassClient khyberPass = client(this.provider.client().build());

	private final EndedSessions endedSessions = EndedSessions.inMemory(Duration.ofHours(24), this.provider.clock());

	private final AtomicInteger issued = new AtomicInteger();

	@AfterEach
	void stop() {
		this.clients.forEach(KhyberPassClient::close);
		this.provider.close();
	}

	@Test
	void readmeWhenJavaBlocksThenEachAppearsInThisFile() throws IOException {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = Pattern.compile("(?ms)^```java\\n(.*?)^```").matcher(Files.readString(README));
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		String source = "\n" + trimmed(Files.readString(THIS_FILE)) + "\n";

		assertThat(blocks).hasSize(11);
		assertThat(blocks).as("README blocks missing from %s", THIS_FILE)
			.filteredOn((block) -> !source.contains("\n" + trimmed(block) + "\n"))
			.isEmpty();
	}

	@Test
	void readmeWhenBuilderTableThenEveryBuilderMethodWithItsDefault() throws Exception {
		String readme = Files.readString(README);
		Map<String, String> table = new LinkedHashMap<>();
		Matcher rows = Pattern.compile("(?m)^\\| `(\\w+)\\([^|]*\\| ([^|]*) \\|").matcher(readme);
		while (rows.find()) {
			table.put(rows.group(1), rows.group(2));
		}
		KhyberPassClient.Builder builder = KhyberPassClient.builder(URI.create("https://login.kp.gov.pk"), "app",
				ClientAuthentication.none());
		Set<String> methods = Arrays.stream(KhyberPassClient.Builder.class.getDeclaredMethods())
			.filter((method) -> Modifier.isPublic(method.getModifiers()) && !method.getName().equals("build"))
			.map(Method::getName)
			.collect(Collectors.toSet());

		assertThat(methods)
			.allSatisfy((method) -> assertThat(readme).containsAnyOf("`" + method + "(", "`" + method + "`"));
		assertThat(methods).containsAll(table.keySet());
		assertThat(table.get("clockSkew")).startsWith(duration(builder, "clockSkew"));
		assertThat(table.get("timeouts"))
			.startsWith(duration(builder, "connectTimeout") + ", " + duration(builder, "requestTimeout"));
		assertThat(table.get("jwksCacheLifetime"))
			.startsWith(duration(builder, "jwksMinTtl") + ", " + duration(builder, "jwksMaxTtl"))
			.contains("(" + duration(builder, "jwksDefaultTtl") + " without one)");
		assertThat(table.get("jwksRefetchInterval")).startsWith(duration(builder, "jwksRefetchInterval"));
		assertThat(table.get("serviceTokenRefreshMargin")).startsWith(duration(builder, "serviceTokenRefreshMargin"));
		assertThat(table.get("sessionTokenRefreshMargin")).startsWith(duration(builder, "sessionTokenRefreshMargin"));
		assertThat(table.get("sessionRenewalWait")).startsWith(duration(builder, "sessionRenewalWait"));
		assertThat(table.get("logoutReplayStore"))
			.contains(String.format(Locale.ROOT, "%,d ids", (int) field(builder, "logoutReplayCacheSize")));
		assertThat(field(builder, "accessTokenAudience")).isNull();
		assertThat(table.get("accessTokenAudience")).isEqualTo("the client id");
		assertThat(field(builder, "sessionRenewals")).isNull();
		assertThat(table.get("sessionRenewals")).startsWith("none");
	}

	@Test
	void builderWhenSecretInEnvironmentThenVerifiesTokensAndAuthenticatesWithIt() {
		URI issuer = URI.create(this.provider.issuer());
		this.provider.tokenEndpoint((request) -> serviceTokenAnswer());

		// @formatter:off
		KhyberPassClient khyberPass = KhyberPassClient
			.builder(issuer, "motor-vehicles", ClientAuthentication.clientSecretBasic(System.getenv("KHYBERPASS_CLIENT_SECRET")))
			.build();
		// @formatter:on
		client(khyberPass);

		String accessToken = TestJwt
			.accessToken(this.provider.ecKey(), issuer.toString(), "motor-vehicles", Instant.now())
			.sign();
		assertThat(khyberPass.verifyAccessToken(accessToken).subject()).isEqualTo("citizen-123");
		khyberPass.clientCredentialsToken(Set.of("registry.read"));
		String credentials = new String(
				Base64.getDecoder().decode(this.provider.tokenRequests().get(0).authorization().substring(6)),
				StandardCharsets.UTF_8);
		assertThat(credentials).isEqualTo("motor-vehicles:" + TestOpenIdProvider.CLIENT_SECRET);
	}

	@Test
	void codeFlowWhenCitizenSignsInThenTokensInSessionAndLogoutUri() {
		Map<String, Object> session = new HashMap<>();

		URI signInUri = signIn(session);
		Map<String, String> sent = query(signInUri);
		this.provider.tokenEndpoint((request) -> tokens(this.provider.idToken(sent.get("nonce")).sign(), 300));
		int status = callback(Map.of("code", "code-1", "state", sent.get("state"), "iss", this.provider.issuer()),
				session);

		assertThat(signInUri.toString()).startsWith(this.provider.issuer() + "/authorize?");
		assertThat(sent).containsEntry("scope", "openid profile")
			.containsEntry("redirect_uri", "https://vehicles.kp.gov.pk/login/callback")
			.containsEntry("code_challenge_method", "S256");
		assertThat(status).isEqualTo(302);
		assertThat(session).containsKeys("khyberpass.idToken", "khyberpass.tokens")
			.doesNotContainKey("khyberpass.pending");
		assertThat(((SessionTokens) session.get("khyberpass.tokens")).accessToken()).isEqualTo("access-1");
		String idToken = (String) session.get("khyberpass.idToken");

		URI logoutUri = logout(session);

		assertThat(session).isEmpty();
		assertThat(query(logoutUri)).containsEntry("id_token_hint", idToken)
			.containsEntry("post_logout_redirect_uri", "https://vehicles.kp.gov.pk/");
	}

	@Test
	void callbackWhenCancelledForgedUnstartedOrKhyberPassDownThenStatusAsTheReadmeSays() {
		Map<String, Object> session = new HashMap<>();
		String state = query(signIn(session)).get("state");
		String issuer = this.provider.issuer();
		this.provider.tokenEndpoint((request) -> Response.json(503, Map.of()));

		int cancelled = callback(Map.of("error", "access_denied", "state", state, "iss", issuer), session);
		signIn(session);
		int forged = callback(Map.of("code", "code-1", "state", "forged", "iss", issuer), session);
		int unstarted = callback(Map.of("code", "code-1", "state", state, "iss", issuer), session);
		String again = query(signIn(session)).get("state");
		int down = callback(Map.of("code", "code-1", "state", again, "iss", issuer), session);

		assertThat(List.of(cancelled, forged, unstarted, down)).containsExactly(403, 401, 401, 503);
	}

	@Test
	void apiStatusWhenTokenValidWeakWithoutScopeOrForgedThenAsTheReadmeSays() {
		String valid = this.provider.accessToken().sign();
		String weak = this.provider.accessToken().claim("acr", AssuranceLevel.LOA1.value()).sign();
		String withoutScope = this.provider.accessToken().claim("scope", "openid").sign();
		String forged = this.provider.accessToken().key(TestOpenIdProvider.generateEc("ec-1")).sign();

		assertThat(List.of(apiStatus(valid), apiStatus(weak), apiStatus(withoutScope), apiStatus(forged)))
			.containsExactly(200, 401, 403, 401);
	}

	@Test
	void backChannelLogoutWhenValidThenSessionEndedAndReplayRefused() {
		String logoutToken = this.provider.logoutToken("jti-1").sign();

		int first = backChannelLogout(logoutToken);
		int replay = backChannelLogout(logoutToken);

		assertThat(first).isEqualTo(200);
		assertThat(this.endedSessions.isEnded("citizen-123", Optional.of("session-1"), TestOpenIdProvider.START))
			.isTrue();
		assertThat(replay).isEqualTo(400);
	}

	@Test
	void citizenAccessTokenWhenExpiringThenRenewedAndStoredAndWhenRefusedThenSessionCleared() {
		Map<String, Object> session = signedInSession();
		this.provider.clock().advance(Duration.ofSeconds(290));

		Optional<String> renewed = citizenAccessToken(session);
		SessionTokens stored = (SessionTokens) session.get("khyberpass.tokens");
		this.provider.tokenEndpoint((request) -> Response.json(400, Map.of("error", "invalid_grant")));
		this.provider.clock().advance(Duration.ofSeconds(290));
		Optional<String> refused = citizenAccessToken(session);

		assertThat(renewed).contains("access-2");
		assertThat(stored.accessToken()).isEqualTo("access-2");
		assertThat(this.provider.tokenRequests().get(1).form()).containsEntry("refresh_token", "refresh-1");
		assertThat(refused).isEmpty();
		assertThat(session).isEmpty();
	}

	@Test
	void severalNodesWhenRenewalsAndReplaysSharedThenRefreshTokenPresentedOnceAndReplayRefused() {
		URI issuer = URI.create(this.provider.issuer());
		SessionRenewals renewals = new FakeSessionRenewals(Clock.systemUTC());
		ReplayStore replays = ReplayStore.inMemory(1000, Clock.systemUTC());
		KhyberPassClient nodeA = node(issuer, renewals, replays);
		KhyberPassClient nodeB = node(issuer, renewals, replays);
		this.provider.tokenEndpoint((request) -> tokens(null, 300));
		SessionTokens tokens = nodeA.sessionTokens(new TokenResponse("access-0", "Bearer", Optional.of(Instant.now()),
				Optional.of("refresh-0"), Set.of(), Optional.empty()));
		String logoutToken = TestJwt
			.logoutToken(this.provider.rsaKey(), issuer.toString(), "motor-vehicles", "jti-1", Instant.now())
			.sign();

		SessionTokens onA = nodeA.refreshIfExpiring(tokens);
		SessionTokens onB = nodeB.refreshIfExpiring(tokens);
		nodeA.verifyLogoutToken(logoutToken);

		assertThat(onA.accessToken()).isEqualTo("access-1");
		assertThat(onB.accessToken()).isEqualTo("access-1");
		assertThat(this.provider.tokenRequests()).hasSize(1);
		assertThatThrownBy(() -> nodeB.verifyLogoutToken(logoutToken)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.REPLAY));
	}

	@Test
	void registryRequestWhenCalledTwiceThenOneCachedServiceTokenInHeader() {
		this.provider.tokenEndpoint((request) -> serviceTokenAnswer());

		HttpRequest first = registryRequest();
		HttpRequest second = registryRequest();

		assertThat(first.headers().firstValue("Authorization")).contains("Bearer service-1");
		assertThat(second.headers().firstValue("Authorization")).contains("Bearer service-1");
		assertThat(this.provider.tokenRequests()).singleElement()
			.satisfies((request) -> assertThat(request.form()).containsEntry("grant_type", "client_credentials")
				.containsEntry("scope", "registry.read"));
	}

	@Test
	void onBehalfOfWhenCitizenTokenThenRfc8693ExchangeForTheRegistry() {
		this.provider.tokenEndpoint((request) -> Response.json(200, Map.of("access_token", "exchanged-1", "token_type",
				"Bearer", "expires_in", 60, "issued_token_type", TokenExchangeRequest.ACCESS_TOKEN_TYPE)));

		ServiceToken token = onBehalfOf("citizen-access-token");

		assertThat(token.authorizationHeader()).isEqualTo("Bearer exchanged-1");
		assertThat(this.provider.tokenRequests().get(0).form())
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
			.containsEntry("subject_token", "citizen-access-token")
			.containsEntry("audience", "https://registry.kp.gov.pk/api")
			.containsEntry("scope", "registry.read");
	}

	@Test
	void mayPayWhenTokenActiveThenTrueAndWhenRevokedThenFalse() {
		String token = this.provider.accessToken().claim("scope", "openid payments.write").sign();
		this.provider.introspectionEndpoint((request) -> Response.json(200, Map.of("active", true)));
		boolean active = mayPay(token);
		this.provider.introspectionEndpoint((request) -> Response.json(200, Map.of("active", false)));

		boolean revoked = mayPay(token);

		assertThat(active).isTrue();
		assertThat(revoked).isFalse();
		assertThat(this.provider.introspectionRequests()).hasSize(2);
	}

	// @formatter:off
	URI signIn(Map<String, Object> session) {
		AuthorizationRequest authorization = khyberPass
			.authorizationRequest(URI.create("https://vehicles.kp.gov.pk/login/callback"))
			.scopes("profile")
			.build();
		session.put("khyberpass.pending", authorization.pending());
		return authorization.uri(); // redirect the browser there
	}
	// @formatter:on

	// @formatter:off
	int callback(Map<String, String> callbackParameters, Map<String, Object> session) {
		PendingAuthorization pending = (PendingAuthorization) session.remove("khyberpass.pending");
		if (pending == null) {
			return 401; // no sign-in was started in this session: start one again
		}
		try {
			TokenResponse tokens = khyberPass.exchangeCode(callbackParameters, pending);
			session.put("khyberpass.idToken", tokens.idToken().orElseThrow().token());
			session.put("khyberpass.tokens", khyberPass.sessionTokens(tokens));
			return 302; // to the page first asked for
		}
		catch (OAuthErrorException ex) {
			return "access_denied".equals(ex.error()) ? 403 : 401;
		}
		catch (InvalidTokenException ex) {
			return 401; // a forged, replayed or stale callback; ex.reason() says which check failed
		}
		catch (KhyberPassClientException ex) {
			return 503; // Khyber Pass unreachable, or a setting to fix: the message says which
		}
	}
	// @formatter:on

	// @formatter:off
	URI logout(Map<String, Object> session) {
		String idToken = (String) session.get("khyberpass.idToken");
		session.clear();
		return khyberPass.logoutUri(idToken, URI.create("https://vehicles.kp.gov.pk/"), null);
	}
	// @formatter:on

	// @formatter:off
	int apiStatus(String bearerToken) {
		try {
			VerifiedAccessToken token = khyberPass.verifyAccessToken(bearerToken, AssuranceLevel.LOA2);
			return token.hasScope("vehicles.read") ? 200 : 403;
		}
		catch (InvalidTokenException ex) {
			return 401; // error="insufficient_user_authentication" when ex.reason() is ACR, else "invalid_token"
		}
	}
	// @formatter:on

	// @formatter:off
	int backChannelLogout(String logoutToken) {
		try {
			VerifiedLogoutToken logout = khyberPass.verifyLogoutToken(logoutToken);
			endedSessions.end(logout.subject(), logout.sessionId(), logout.issuedAt());
			return 200;
		}
		catch (InvalidTokenException ex) {
			return 400;
		}
	}
	// @formatter:on

	// @formatter:off
	Optional<String> citizenAccessToken(Map<String, Object> session) {
		SessionTokens current = (SessionTokens) session.get("khyberpass.tokens");
		try {
			SessionTokens renewed = khyberPass.refreshIfExpiring(current);
			if (renewed != current) {
				session.put("khyberpass.tokens", renewed);
			}
			return Optional.of(renewed.accessToken());
		}
		catch (SignInRequiredException ex) {
			session.clear();
			return Optional.empty(); // sign the citizen in again
		}
	}
	// @formatter:on

	// @formatter:off
	HttpRequest registryRequest() {
		ServiceToken serviceToken = khyberPass.clientCredentialsToken(Set.of("registry.read"));
		return HttpRequest.newBuilder(URI.create("https://registry.kp.gov.pk/api/vehicles/LEB-1234"))
			.header("Authorization", serviceToken.authorizationHeader())
			.build();
	}
	// @formatter:on

	// @formatter:off
	ServiceToken onBehalfOf(String citizenAccessToken) {
		return khyberPass.exchangeToken(TokenExchangeRequest.forAccessToken(citizenAccessToken)
			.audience("https://registry.kp.gov.pk/api")
			.scopes("registry.read"));
	}
	// @formatter:on

	// @formatter:off
	boolean mayPay(String bearerToken) {
		VerifiedAccessToken token = khyberPass.verifyAccessToken(bearerToken, AssuranceLevel.LOA2);
		return token.hasScope("payments.write") && khyberPass.introspect(bearerToken).isActive();
	}
	// @formatter:on

	/**
	 * One node of several: a client sharing renewals and logout token ids with the
	 * others.
	 */
	private KhyberPassClient node(URI issuer, SessionRenewals renewals, ReplayStore replays) {
		// @formatter:off
		KhyberPassClient khyberPass = KhyberPassClient
			.builder(issuer, "motor-vehicles", ClientAuthentication.clientSecretBasic(System.getenv("KHYBERPASS_CLIENT_SECRET")))
			.sessionRenewals(renewals)
			.logoutReplayStore(replays)
			.build();
		// @formatter:on
		return client(khyberPass);
	}

	/**
	 * A session after the README's sign-in, with a 300-second access token and a refresh
	 * token.
	 */
	private Map<String, Object> signedInSession() {
		Map<String, Object> session = new HashMap<>();
		String nonce = query(signIn(session)).get("nonce");
		String state = ((PendingAuthorization) session.get("khyberpass.pending")).state();
		this.provider.tokenEndpoint((request) -> "authorization_code".equals(request.form().get("grant_type"))
				? tokens(this.provider.idToken(nonce).sign(), 300) : tokens(null, 300));
		assertThat(callback(Map.of("code", "code-1", "state", state, "iss", this.provider.issuer()), session))
			.isEqualTo(302);
		return session;
	}

	private KhyberPassClient client(KhyberPassClient client) {
		this.clients.add(client);
		return client;
	}

	/**
	 * Numbered tokens from the token endpoint: access-1 and refresh-1, then access-2 and
	 * refresh-2...
	 */
	private Response tokens(String idToken, long expiresIn) {
		int n = this.issued.incrementAndGet();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", "access-" + n);
		json.put("token_type", "Bearer");
		json.put("expires_in", expiresIn);
		json.put("refresh_token", "refresh-" + n);
		if (idToken != null) {
			json.put("id_token", idToken);
		}
		return Response.json(200, json);
	}

	private Response serviceTokenAnswer() {
		return Response.json(200, Map.of("access_token", "service-" + this.issued.incrementAndGet(), "token_type",
				"Bearer", "expires_in", 300));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private static Object field(KhyberPassClient.Builder builder, String name) throws ReflectiveOperationException {
		Field field = KhyberPassClient.Builder.class.getDeclaredField(name);
		field.setAccessible(true);
		return field.get(builder);
	}

	/**
	 * A builder default as the README writes it: {@code 30 s}, {@code 15 min},
	 * {@code 1 h}.
	 */
	private static String duration(KhyberPassClient.Builder builder, String name) throws ReflectiveOperationException {
		long seconds = ((Duration) field(builder, name)).toSeconds();
		return (seconds % 3600 == 0) ? (seconds / 3600) + " h"
				: (seconds % 60 == 0) ? (seconds / 60) + " min" : seconds + " s";
	}

	/** Each line without its indentation and trailing spaces. */
	private static String trimmed(String text) {
		return text.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
	}

}
