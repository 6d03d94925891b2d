package pk.gov.kp.khyberpass.sdk.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Khyber Pass on a random loopback port (JDK HttpServer): discovery, a JWKS with a
 * generated EC key, and a token endpoint that checks PKCE and issues ES256 ID and access
 * tokens (authorization code) or service tokens (client credentials), and rotates refresh
 * tokens (a spent one presented again revokes them all, as Khyber Pass does), and an
 * introspection endpoint that answers active until refresh tokens are revoked.
 * {@link #authorize(URI)} plays the citizen signing in at a chosen assurance level.
 * Thread-safe.
 */
public final class TestOpenIdProvider implements AutoCloseable {

	public static final String CLIENT_ID = "motor-vehicles";

	public static final String CLIENT_SECRET = "a-secret-with-plenty-of-entropy-0123456789";

	/** The one API the test client may exchange tokens for. */
	public static final String REGISTERED_API = "https://registry.kp.gov.pk/api";

	public static final String SUBJECT = "citizen-7";

	private static final ECKey KEY = generate("kp-1");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final List<Map<String, String>> tokenRequests = Collections.synchronizedList(new ArrayList<>());

	private final List<Map<String, String>> introspectionRequests = Collections.synchronizedList(new ArrayList<>());

	private volatile String signInLevel = "urn:kp:loa:1";

	private volatile String sessionId = "kp-session-1";

	private final Map<String, Boolean> liveRefreshTokens = new ConcurrentHashMap<>();

	private final AtomicInteger refreshTokenCount = new AtomicInteger();

	private volatile boolean refreshRevoked;

	// refresh tokens differ between instances, as real ones do: tests sharing a Redis
	// never meet
	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	private volatile long tokenDelayMillis;

	private TestOpenIdProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> send(exchange, 200, metadata()));
		this.server.createContext("/jwks",
				(exchange) -> send(exchange, 200, new JWKSet(KEY.toPublicJWK()).toJSONObject()));
		this.server.createContext("/token", this::token);
		this.server.createContext("/introspect", this::introspect);
		this.server.createContext("/userinfo", this::userInfo);
		this.server.start();
	}

	public static TestOpenIdProvider start() {
		try {
			return new TestOpenIdProvider();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The level the next sign-in reaches unless the request asks for more (a step-up).
	 */
	public void signInLevel(String acr) {
		this.signInLevel = acr;
	}

	public String sessionId() {
		return this.sessionId;
	}

	/**
	 * Revokes every refresh token, as when the citizen signs out or withdraws consent.
	 */
	public void revokeRefreshTokens() {
		this.refreshRevoked = true;
	}

	/**
	 * Whether refresh tokens were revoked, by {@link #revokeRefreshTokens()} or a reuse.
	 */
	public boolean refreshRevoked() {
		return this.refreshRevoked;
	}

	/** The n-th refresh token this provider issued (the sign-in's is the first). */
	public String refreshToken(int n) {
		return "refresh-" + n + "-" + this.instance;
	}

	/** Makes the token endpoint answer this much later, so that requests overlap. */
	public void tokenDelay(java.time.Duration delay) {
		this.tokenDelayMillis = delay.toMillis();
	}

	public List<Map<String, String>> tokenRequests() {
		synchronized (this.tokenRequests) {
			return List.copyOf(this.tokenRequests);
		}
	}

	public List<Map<String, String>> introspectionRequests() {
		synchronized (this.introspectionRequests) {
			return List.copyOf(this.introspectionRequests);
		}
	}

	/**
	 * The citizen signs in for this authorization request: returns the callback
	 * parameters (code, state, iss). The level reached is the requested
	 * {@code acr_values}, if any, else {@link #signInLevel(String)}.
	 */
	public Map<String, String> authorize(URI authorizationRequest) {
		Map<String, String> query = query(authorizationRequest);
		String code = UUID.randomUUID().toString();
		String acr = query.getOrDefault("acr_values", this.signInLevel);
		this.codes.put(code, new Grant(query.get("nonce"), query.get("code_challenge"), acr));
		return Map.of("code", code, "state", query.get("state"), "iss", issuer());
	}

	/** A valid RFC 9068 access token for the client at this level. */
	public String accessToken(String acr) {
		Instant now = Instant.now();
		return sign("at+jwt",
				new JWTClaimsSet.Builder().issuer(issuer())
					.subject(SUBJECT)
					.audience(CLIENT_ID)
					.claim("client_id", "another-department")
					.claim("scope", "vehicles.read")
					.claim("acr", acr)
					.jwtID(UUID.randomUUID().toString())
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(300)))
					.build());
	}

	/** A back-channel logout token for the subject and Khyber Pass session. */
	public String logoutToken(String sid) {
		Instant now = Instant.now();
		return sign("logout+jwt",
				new JWTClaimsSet.Builder().issuer(issuer())
					.subject(SUBJECT)
					.audience(CLIENT_ID)
					.claim("sid", sid)
					.claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
					.jwtID(UUID.randomUUID().toString())
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(120)))
					.build());
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	public static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = uri.getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private void introspect(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(
				URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		this.introspectionRequests.add(form);
		String expected = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		if (this.refreshRevoked) {
			send(exchange, 200, Map.of("active", false));
			return;
		}
		send(exchange, 200, Map.of("active", true, "sub", SUBJECT, "client_id", CLIENT_ID, "scope", "openid profile",
				"acr", this.signInLevel, "token_type", "Bearer"));
	}

	/**
	 * Answers any bearer token with the citizen's name until refresh tokens are revoked,
	 * then 401 invalid_token.
	 */
	private void userInfo(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ") || this.refreshRevoked) {
			exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			send(exchange, 401, Map.of("error", "invalid_token"));
			return;
		}
		send(exchange, 200, Map.of("sub", SUBJECT, "name", "Ayesha Khan"));
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(
				URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		this.tokenRequests.add(form);
		pause(this.tokenDelayMillis);
		String expected = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, 401, Map.of("error", "invalid_client"));
			return;
		}
		if ("client_credentials".equals(form.get("grant_type"))) {
			send(exchange, 200, Map.of("access_token", accessToken("urn:kp:loa:1"), "token_type", "Bearer",
					"expires_in", 300, "scope", form.getOrDefault("scope", "")));
			return;
		}
		if ("refresh_token".equals(form.get("grant_type"))) {
			if (this.refreshRevoked || this.liveRefreshTokens.remove(form.getOrDefault("refresh_token", "")) == null) {
				this.refreshRevoked = true;
				send(exchange, 400, Map.of("error", "invalid_grant"));
				return;
			}
			send(exchange, 200, Map.of("access_token", accessToken(this.signInLevel), "token_type", "Bearer",
					"expires_in", 300, "refresh_token", newRefreshToken()));
			return;
		}
		if ("urn:ietf:params:oauth:grant-type:token-exchange".equals(form.get("grant_type"))) {
			if (!REGISTERED_API.equals(form.get("audience"))) {
				send(exchange, 400, Map.of("error", "invalid_target"));
				return;
			}
			send(exchange, 200, Map.of("access_token", accessToken("urn:kp:loa:1"), "token_type", "Bearer",
					"expires_in", 300, "issued_token_type", "urn:ietf:params:oauth:token-type:access_token"));
			return;
		}
		Grant grant = this.codes.remove(form.getOrDefault("code", ""));
		if (grant == null || !grant.codeChallenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
			send(exchange, 400, Map.of("error", "invalid_grant"));
			return;
		}
		Instant now = Instant.now();
		String idToken = sign(null,
				new JWTClaimsSet.Builder().issuer(issuer())
					.subject(SUBJECT)
					.audience(CLIENT_ID)
					.claim("nonce", grant.nonce())
					.claim("acr", grant.acr())
					.claim("amr", List.of("pwd"))
					.claim("auth_time", now.getEpochSecond())
					.claim("sid", this.sessionId)
					.claim("name", "Test Citizen")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(300)))
					.build());
		send(exchange, 200, Map.of("access_token", accessToken(grant.acr()), "token_type", "Bearer", "expires_in", 300,
				"id_token", idToken, "scope", "openid profile", "refresh_token", newRefreshToken()));
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String newRefreshToken() {
		String token = refreshToken(this.refreshTokenCount.incrementAndGet());
		this.liveRefreshTokens.put(token, Boolean.TRUE);
		return token;
	}

	private Map<String, Object> metadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer());
		metadata.put("authorization_endpoint", issuer() + "/authorize");
		metadata.put("token_endpoint", issuer() + "/token");
		metadata.put("jwks_uri", issuer() + "/jwks");
		metadata.put("end_session_endpoint", issuer() + "/logout");
		metadata.put("introspection_endpoint", issuer() + "/introspect");
		metadata.put("userinfo_endpoint", issuer() + "/userinfo");
		metadata.put("authorization_response_iss_parameter_supported", true);
		return metadata;
	}

	private static String sign(String type, JWTClaimsSet claims) {
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID());
		if (type != null) {
			header.type(new JOSEObjectType(type));
		}
		SignedJWT jwt = new SignedJWT(header.build(), claims);
		try {
			jwt.sign(new ECDSASigner(KEY));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static String challenge(String verifier) {
		try {
			return Base64URL
				.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)))
				.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void send(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
		byte[] body = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static ECKey generate(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Grant(String nonce, String codeChallenge, String acr) {

	}

}
