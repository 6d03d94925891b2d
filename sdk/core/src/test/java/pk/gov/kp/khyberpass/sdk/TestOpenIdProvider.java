package pk.gov.kp.khyberpass.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Provider on a random loopback port: discovery, JWKS (keys generated
 * here), token, userinfo and introspection endpoints, counting and recording requests.
 * Thread-safe.
 */
final class TestOpenIdProvider implements AutoCloseable {

	static final String CLIENT_ID = "department-app";

	static final String CLIENT_SECRET = "s3cret-with-enough-entropy";

	static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

	private static final ECKey EC_KEY = generateEc("ec-1");

	private static final RSAKey RSA_KEY = generateRsa("rsa-1");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final TestClock clock = new TestClock(START);

	private final AtomicInteger discoveryRequests = new AtomicInteger();

	private final AtomicInteger jwksRequests = new AtomicInteger();

	private final List<RecordedRequest> tokenRequests = Collections.synchronizedList(new ArrayList<>());

	private final List<RecordedRequest> introspectionRequests = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Object> metadataOverrides = Collections.synchronizedMap(new LinkedHashMap<>());

	private volatile List<JWK> published = List.of(EC_KEY.toPublicJWK(), RSA_KEY.toPublicJWK());

	private volatile String jwksCacheControl = "public, max-age=300";

	private volatile Duration jwksDelay = Duration.ZERO;

	private volatile int jwksStatus = 200;

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile Function<RecordedRequest, Response> tokenHandler = (request) -> Response.json(400,
			Map.of("error", "unsupported_grant_type"));

	private volatile Function<RecordedRequest, Response> introspectionHandler = (request) -> Response.json(200,
			Map.of("active", false));

	private volatile Response userInfo = Response.json(200, Map.of("sub", "citizen-123", "name", "Test Citizen"));

	private TestOpenIdProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> {
			this.discoveryRequests.incrementAndGet();
			send(exchange, Response.json(200, metadata()));
		});
		this.server.createContext("/jwks", (exchange) -> {
			this.jwksRequests.incrementAndGet();
			sleep(this.jwksDelay);
			Map<String, Object> jwks = new JWKSet(this.published).toJSONObject(true);
			send(exchange, Response.json(this.jwksStatus, jwks).header("Cache-Control", this.jwksCacheControl));
		});
		this.server.createContext("/token", (exchange) -> {
			RecordedRequest request = new RecordedRequest(exchange.getRequestHeaders().getFirst("Authorization"),
					parseForm(exchange.getRequestBody()));
			this.tokenRequests.add(request);
			sleep(this.tokenDelay);
			send(exchange, this.tokenHandler.apply(request));
		});
		this.server.createContext("/userinfo", (exchange) -> send(exchange, this.userInfo));
		this.server.createContext("/introspect", (exchange) -> {
			RecordedRequest request = new RecordedRequest(exchange.getRequestHeaders().getFirst("Authorization"),
					parseForm(exchange.getRequestBody()));
			this.introspectionRequests.add(request);
			send(exchange, this.introspectionHandler.apply(request));
		});
		this.server.start();
	}

	static TestOpenIdProvider start() {
		try {
			return new TestOpenIdProvider();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	URI uri(String path) {
		return URI.create(issuer() + path);
	}

	TestClock clock() {
		return this.clock;
	}

	ECKey ecKey() {
		return EC_KEY;
	}

	RSAKey rsaKey() {
		return RSA_KEY;
	}

	/** A client builder for this provider with client_secret_basic and the test clock. */
	KhyberPassClient.Builder client() {
		return KhyberPassClient
			.builder(URI.create(issuer()), CLIENT_ID, ClientAuthentication.clientSecretBasic(CLIENT_SECRET))
			.clock(this.clock);
	}

	TestJwt accessToken() {
		return TestJwt.accessToken(EC_KEY, issuer(), CLIENT_ID, this.clock.instant());
	}

	TestJwt idToken(String nonce) {
		return TestJwt.idToken(RSA_KEY, issuer(), CLIENT_ID, nonce, this.clock.instant());
	}

	TestJwt logoutToken(String jti) {
		return TestJwt.logoutToken(RSA_KEY, issuer(), CLIENT_ID, jti, this.clock.instant());
	}

	void publish(JWK... keys) {
		List<JWK> publicKeys = new ArrayList<>();
		for (JWK key : keys) {
			publicKeys.add(key.toPublicJWK());
		}
		this.published = List.copyOf(publicKeys);
	}

	void jwksCacheControl(String cacheControl) {
		this.jwksCacheControl = cacheControl;
	}

	void jwksDelay(Duration delay) {
		this.jwksDelay = delay;
	}

	void jwksStatus(int status) {
		this.jwksStatus = status;
	}

	void tokenDelay(Duration delay) {
		this.tokenDelay = delay;
	}

	void metadata(String name, Object value) {
		this.metadataOverrides.put(name, value);
	}

	void tokenEndpoint(Function<RecordedRequest, Response> handler) {
		this.tokenHandler = handler;
	}

	void introspectionEndpoint(Function<RecordedRequest, Response> handler) {
		this.introspectionHandler = handler;
	}

	void userInfo(Response response) {
		this.userInfo = response;
	}

	int discoveryRequests() {
		return this.discoveryRequests.get();
	}

	int jwksRequests() {
		return this.jwksRequests.get();
	}

	List<RecordedRequest> tokenRequests() {
		synchronized (this.tokenRequests) {
			return List.copyOf(this.tokenRequests);
		}
	}

	List<RecordedRequest> introspectionRequests() {
		synchronized (this.introspectionRequests) {
			return List.copyOf(this.introspectionRequests);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private Map<String, Object> metadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer());
		metadata.put("authorization_endpoint", issuer() + "/authorize");
		metadata.put("token_endpoint", issuer() + "/token");
		metadata.put("jwks_uri", issuer() + "/jwks");
		metadata.put("userinfo_endpoint", issuer() + "/userinfo");
		metadata.put("end_session_endpoint", issuer() + "/logout");
		metadata.put("introspection_endpoint", issuer() + "/introspect");
		metadata.put("authorization_response_iss_parameter_supported", true);
		metadata.putAll(this.metadataOverrides);
		return metadata;
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(response.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> parseForm(InputStream in) throws IOException {
		String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static ECKey generateEc(String kid) {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RSAKey generateRsa(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request the token or introspection endpoint received.
	 *
	 * @param authorization the Authorization header, or null
	 * @param form the form parameters
	 */
	record RecordedRequest(String authorization, Map<String, String> form) {

	}

	/**
	 * A canned answer.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 * @param headers extra headers
	 */
	record Response(int status, String body, Map<String, String> headers) {

		static Response json(int status, Map<String, Object> json) {
			return new Response(status, JSONObjectUtils.toJSONString(json), Map.of());
		}

		Response header(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Response(this.status, this.body, headers);
		}

	}

}
