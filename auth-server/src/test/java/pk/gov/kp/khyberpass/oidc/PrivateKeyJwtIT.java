package pk.gov.kp.khyberpass.oidc;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KhyberPassIntegrationTest
class PrivateKeyJwtIT {

	private static final String INLINE = "it-pkjwt-inline";

	@Value("${khyberpass.oidc.issuer}")
	URI issuer;

	@Autowired
	DepartmentClients departmentClients;

	HttpServer jwksHost;

	RSAKey clientKey;

	@BeforeEach
	void setUp() throws Exception {
		this.clientKey = new RSAKeyGenerator(2048).keyID("dept-key-1").generate();
		byte[] jwks = new JWKSet(this.clientKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.jwksHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.jwksHost.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		this.jwksHost.start();
		this.departmentClients.register(new DepartmentClient("it-pkjwt", "Key Holder Department", null,
				DepartmentClient.AuthMethod.PRIVATE_KEY_JWT, Set.of("client_credentials"), List.of(), List.of(),
				Set.of("vehicles.read"), null, false, false, AssuranceLevels.LOA1, null,
				URI.create("http://127.0.0.1:" + this.jwksHost.getAddress().getPort() + "/jwks"), "RS256",
				Duration.ofHours(24), List.of()));
	}

	@AfterEach
	void tearDown() {
		this.jwksHost.stop(0);
	}

	@Test
	void tokenWhenClientAssertionSignedByRegisteredKeyThenIssued() throws Exception {
		TokenResponse response = request(this.clientKey);

		assertThat(response.indicatesSuccess()).as(() -> response.indicatesSuccess() ? ""
				: ((TokenErrorResponse) response).getErrorObject().toJSONObject().toString())
			.isTrue();
	}

	@Test
	void tokenWhenClientAssertionSignedByOtherKeyThenInvalidClient() throws Exception {
		TokenResponse response = request(new RSAKeyGenerator(2048).keyID("dept-key-1").generate());

		assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	@Test
	void tokenWhenInlineJwksAndAssertionSignedByItsKeyThenIssued() throws Exception {
		registerInline(new JWKSet(this.clientKey.toPublicJWK()));

		HTTPResponse response = send(assertion(INLINE, this.clientKey));

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
	}

	@Test
	void tokenWhenInlineJwksAndAssertionSignedByOtherKeyThenUnauthorizedInvalidClient() throws Exception {
		registerInline(new JWKSet(this.clientKey.toPublicJWK()));

		HTTPResponse response = send(
				assertion(INLINE, new RSAKeyGenerator(2048).keyID(this.clientKey.getKeyID()).generate()));

		assertThat(response.getStatusCode()).isEqualTo(401);
		assertThat(TokenErrorResponse.parse(response).getErrorObject().getCode()).isEqualTo("invalid_client");
	}

	@Test
	void tokenWhenInlineEcJwksAndEs256AssertionThenIssued() throws Exception {
		ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID("dept-ec-1").generate();
		registerInline(new JWKSet(ecKey.toPublicJWK()));
		URI tokenEndpoint = this.issuer.resolve("/oauth2/token");
		PrivateKeyJWT assertion = new PrivateKeyJWT(new ClientID(INLINE), tokenEndpoint, JWSAlgorithm.ES256,
				ecKey.toECPrivateKey(), ecKey.getKeyID(), null);

		HTTPResponse response = send(assertion);

		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
	}

	@Test
	void tokenWhenInlineJwksReplacedThenOnlyTheNewKeyWorks() throws Exception {
		registerInline(new JWKSet(this.clientKey.toPublicJWK()));
		assertThat(send(assertion(INLINE, this.clientKey)).getStatusCode()).isEqualTo(200);
		RSAKey successor = new RSAKeyGenerator(2048).keyID("dept-key-2").generate();

		registerInline(new JWKSet(successor.toPublicJWK()));

		assertThat(send(assertion(INLINE, this.clientKey)).getStatusCode()).isEqualTo(401);
		assertThat(send(assertion(INLINE, successor)).getStatusCode()).isEqualTo(200);
	}

	private void registerInline(JWKSet keys) {
		this.departmentClients.register(new DepartmentClient(INLINE, "Inline Key Department", null,
				DepartmentClient.AuthMethod.PRIVATE_KEY_JWT, Set.of("client_credentials"), List.of(), List.of(),
				Set.of("vehicles.read"), null, false, false, AssuranceLevels.LOA1, null, null, "RS256",
				Duration.ofHours(24), List.of(), null, null, null, ClientJwks.parse(keys.toString())));
	}

	private PrivateKeyJWT assertion(String clientId, RSAKey signingKey) throws Exception {
		return new PrivateKeyJWT(new ClientID(clientId), this.issuer.resolve("/oauth2/token"), JWSAlgorithm.RS256,
				signingKey.toRSAPrivateKey(), signingKey.getKeyID(), null);
	}

	private HTTPResponse send(PrivateKeyJWT assertion) throws Exception {
		return new TokenRequest(this.issuer.resolve("/oauth2/token"), assertion, new ClientCredentialsGrant(),
				new Scope("vehicles.read"))
			.toHTTPRequest()
			.send();
	}

	private TokenResponse request(RSAKey signingKey) throws Exception {
		return TokenResponse.parse(send(assertion("it-pkjwt", signingKey)));
	}

}
