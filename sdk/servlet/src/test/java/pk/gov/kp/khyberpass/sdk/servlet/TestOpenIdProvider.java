package pk.gov.kp.khyberpass.sdk.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.jspecify.annotations.Nullable;

import pk.gov.kp.khyberpass.sdk.AssuranceLevel;
import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;

/**
 * A small OpenID Provider on a random loopback port: discovery, JWKS and a token endpoint
 * that redeems the codes {@link #authorize} issued, checking PKCE and the redirect URI.
 * Signs ID and logout tokens with RS256 and access tokens with ES256. Thread-safe.
 */
final class TestOpenIdProvider implements AutoCloseable {

	static final String CLIENT_ID = "vehicles";

	static final String CLIENT_SECRET = "vehicles-secret-with-enough-entropy";

	private static final ECKey EC_KEY = generateEc();

	private static final RSAKey RSA_KEY = generateRsa();

	private final HttpServer server;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private TestOpenIdProvider() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/.well-known/openid-configuration", (exchange) -> send(exchange, 200, metadata()));
		this.server.createContext("/jwks", (exchange) -> send(exchange, 200,
				new JWKSet(List.of(EC_KEY.toPublicJWK(), RSA_KEY.toPublicJWK())).toJSONObject(true)));
		this.server.createContext("/token", this::token);
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

	KhyberPassClient client() {
		return KhyberPassClient
			.builder(URI.create(issuer()), CLIENT_ID, ClientAuthentication.clientSecretBasic(CLIENT_SECRET))
			.build();
	}

	/**
	 * Plays the citizen signing in at Khyber Pass: reads the authorization request and
	 * returns the callback URI with a fresh code (and the request's state) that the token
	 * endpoint will redeem for an ID token with these claims over the defaults.
	 */
	URI authorize(URI authorizationRequest, Map<String, Object> claims) {
		Map<String, String> params = query(authorizationRequest);
		String code = UUID.randomUUID().toString();
		Map<String, Object> idClaims = new LinkedHashMap<>(defaultIdClaims(params.get("nonce")));
		idClaims.putAll(claims);
		this.grants.put(code, new Grant(params.get("code_challenge"), params.get("redirect_uri"), idClaims));
		return URI.create(params.get("redirect_uri") + "?code=" + code + "&state=" + encode(params.get("state"))
				+ "&iss=" + encode(issuer()));
	}

	/** Like {@link #authorize(URI, Map)} for the default citizen. */
	URI authorize(URI authorizationRequest) {
		return authorize(authorizationRequest, Map.of());
	}

	/** A signed access token for this client with these claims over the defaults. */
	String accessToken(Map<String, Object> claims) {
		Instant now = Instant.now();
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("iss", issuer());
		all.put("sub", "citizen-1");
		all.put("aud", CLIENT_ID);
		all.put("client_id", "mobile-app");
		all.put("scope", "openid vehicles.read");
		all.put("acr", AssuranceLevel.LOA2.value());
		all.put("jti", UUID.randomUUID().toString());
		all.put("iat", now.getEpochSecond());
		all.put("exp", now.plusSeconds(300).getEpochSecond());
		all.putAll(claims);
		return sign(EC_KEY, "at+jwt", all);
	}

	/** A signed back-channel logout token for this client. */
	/**
	 * A logout token; {@code sessionId} {@code null} for one that names only the subject.
	 */
	String logoutToken(String subject, @Nullable String sessionId, String jti) {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer());
		claims.put("sub", subject);
		if (sessionId != null) {
			claims.put("sid", sessionId);
		}
		claims.put("aud", CLIENT_ID);
		claims.put("jti", jti);
		claims.put("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plusSeconds(120).getEpochSecond());
		return sign(RSA_KEY, "logout+jwt", claims);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> params = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query == null) {
			return params;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return params;
	}

	private Map<String, Object> defaultIdClaims(String nonce) {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer());
		claims.put("sub", "citizen-1");
		claims.put("aud", CLIENT_ID);
		claims.put("nonce", nonce);
		claims.put("name", "Test Citizen");
		claims.put("acr", AssuranceLevel.LOA1.value());
		claims.put("amr", List.of("pwd"));
		claims.put("auth_time", now.getEpochSecond());
		claims.put("sid", "sso-session-1");
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plusSeconds(300).getEpochSecond());
		return claims;
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(
				URI.create("?" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		String expectedAuthorization = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Grant grant = this.grants.remove(String.valueOf(form.get("code")));
		if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			send(exchange, 401, Map.of("error", "invalid_client"));
		}
		else if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
				|| !grant.codeChallenge().equals(s256(String.valueOf(form.get("code_verifier"))))) {
			send(exchange, 400, Map.of("error", "invalid_grant"));
		}
		else {
			send(exchange, 200, Map.of("access_token", accessToken(Map.of()), "token_type", "Bearer", "expires_in", 300,
					"id_token", sign(RSA_KEY, null, grant.idClaims())));
		}
	}

	private Map<String, Object> metadata() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", issuer());
		metadata.put("authorization_endpoint", issuer() + "/authorize");
		metadata.put("token_endpoint", issuer() + "/token");
		metadata.put("jwks_uri", issuer() + "/jwks");
		metadata.put("end_session_endpoint", issuer() + "/logout");
		metadata.put("authorization_response_iss_parameter_supported", true);
		return metadata;
	}

	private static String sign(JWK key, String typ, Map<String, Object> claims) {
		JWSAlgorithm alg = (key instanceof ECKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
		JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(key.getKeyID());
		if (typ != null) {
			header.type(new JOSEObjectType(typ));
		}
		try {
			SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(claims));
			jwt.sign((key instanceof ECKey ec) ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key));
			return jwt.serialize();
		}
		catch (JOSEException | ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String s256(String verifier) {
		try {
			return Base64URL
				.encode(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)))
				.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, Map<String, Object> json) throws IOException {
		byte[] body = JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static ECKey generateEc() {
		try {
			return new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey generateRsa() {
		try {
			return new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A code waiting to be redeemed.
	 *
	 * @param codeChallenge the PKCE challenge of its authorization request
	 * @param redirectUri the redirect URI of its authorization request
	 * @param idClaims the claims of the ID token to issue
	 */
	private record Grant(String codeChallenge, String redirectUri, Map<String, Object> idClaims) {

	}

}
