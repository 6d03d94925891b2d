package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Hostile tokens per RFC 8725, each refused with the right reason.
 */
class HostileTokenTests {

	private static final String NONCE = "n-0S6_WzA2Mj";

	private static final ECKey ATTACKER = TestOpenIdProvider.generateEc("attacker");

	private static TestOpenIdProvider provider;

	private static KhyberPassClient client;

	@BeforeAll
	static void startProvider() {
		provider = TestOpenIdProvider.start();
		client = provider.client().build();
	}

	@AfterAll
	static void stopProvider() {
		client.close();
		provider.close();
	}

	static Stream<Arguments> hostileTokens() {
		return Stream.of(
				access("HS256 signed with the public key bytes (alg confusion)",
						(p) -> p.accessToken().hmac(p.ecKey().toPublicJWK().toJSONString().getBytes()).sign(),
						Reason.ALGORITHM),
				access("HS256 signed with the RSA public key DER",
						(p) -> p.accessToken().kid("rsa-1").hmac(publicDer(p)).sign(), Reason.ALGORITHM),
				access("alg none", (p) -> p.accessToken().unsigned(), Reason.ALGORITHM),
				access("unknown kid", (p) -> p.accessToken().key(ATTACKER).kid("attacker").sign(), Reason.UNKNOWN_KEY),
				access("kid path traversal", (p) -> p.accessToken().key(ATTACKER).kid("../../etc/passwd").sign(),
						Reason.UNKNOWN_KEY),
				access("no kid and several keys", (p) -> p.accessToken().key(ATTACKER).kid(null).sign(),
						Reason.SIGNATURE),
				access("jku pointing elsewhere with its own kid",
						(p) -> p.accessToken()
							.key(ATTACKER)
							.kid("attacker")
							.jku(URI.create("https://evil.example/jwks"))
							.sign(),
						Reason.UNKNOWN_KEY),
				access("jku pointing elsewhere reusing the real kid",
						(p) -> p.accessToken().key(ATTACKER).jku(URI.create("https://evil.example/jwks")).sign(),
						Reason.SIGNATURE),
				access("x5u pointing elsewhere reusing the real kid",
						(p) -> p.accessToken().key(ATTACKER).x5u(URI.create("https://evil.example/cert.pem")).sign(),
						Reason.SIGNATURE),
				access("embedded jwk of the attacker",
						(p) -> p.accessToken().key(ATTACKER).embeddedJwk(ATTACKER.toPublicJWK()).sign(),
						Reason.SIGNATURE),
				access("ES256 naming the RSA key", (p) -> p.accessToken().key(ATTACKER).kid("rsa-1").sign(),
						Reason.ALGORITHM),
				access("RS256 naming the EC key",
						(p) -> p.accessToken().key(p.rsaKey()).alg(JWSAlgorithm.RS256).kid("ec-1").sign(),
						Reason.ALGORITHM),
				access("tampered payload", HostileTokenTests::tampered, Reason.SIGNATURE),
				access("ES256 signature with r = s = 0 (CVE-2022-21449)",
						(p) -> withSignature(p.accessToken().sign(), new byte[64]), Reason.SIGNATURE),
				access("ES256 signature with r = s = n (the curve order)",
						(p) -> withSignature(p.accessToken().sign(), curveOrderTwice()), Reason.SIGNATURE),
				access("ES256 signature DER-encoded instead of R || S", HostileTokenTests::derSignature,
						Reason.SIGNATURE),
				access("ES256 signature one byte short",
						(p) -> withSignature(p.accessToken().sign(), java.util.Arrays.copyOf(signature(p), 63)),
						Reason.SIGNATURE),
				access("critical header", (p) -> p.accessToken().critical().sign(), Reason.MALFORMED),
				access("not a JWT", (p) -> "not.a.jwt", Reason.MALFORMED),
				access("missing aud", (p) -> p.accessToken().claim("aud", null).sign(), Reason.AUDIENCE),
				access("wrong aud", (p) -> p.accessToken().claim("aud", "another-department").sign(), Reason.AUDIENCE),
				access("expired",
						(p) -> p.accessToken()
							.times(p.clock().instant().minusSeconds(600), p.clock().instant().minusSeconds(11))
							.sign(),
						Reason.EXPIRED),
				access("not yet valid", (p) -> p.accessToken().claim("nbf", epoch(p, 11)).sign(), Reason.NOT_YET_VALID),
				access("iat far in the future", (p) -> p.accessToken().claim("iat", epoch(p, 61)).sign(),
						Reason.NOT_YET_VALID),
				access("missing exp", (p) -> p.accessToken().claim("exp", null).sign(), Reason.MISSING_CLAIM),
				access("missing sub", (p) -> p.accessToken().claim("sub", null).sign(), Reason.MISSING_CLAIM),
				access("ID token as access token (typ JWT)", (p) -> p.accessToken().typ("JWT").sign(), Reason.TYPE),
				access("untyped token as access token", (p) -> p.accessToken().typ(null).sign(), Reason.TYPE),
				access("logout token as access token", (p) -> p.accessToken().typ("logout+jwt").sign(), Reason.TYPE),
				access("wrong issuer", (p) -> p.accessToken().claim("iss", p.issuer() + "/evil").sign(), Reason.ISSUER),
				access("issuer with trailing slash", (p) -> p.accessToken().claim("iss", p.issuer() + "/").sign(),
						Reason.ISSUER),
				access("scope claim of the wrong type", (p) -> p.accessToken().claim("scope", 42).sign(),
						Reason.MALFORMED),
				minimumAcr("acr below the required level",
						(p) -> p.accessToken().claim("acr", AssuranceLevel.LOA1.value()).sign(), Reason.ACR),
				minimumAcr("acr missing", (p) -> p.accessToken().claim("acr", null).sign(), Reason.ACR),
				minimumAcr("acr not a Khyber Pass level", (p) -> p.accessToken().claim("acr", "urn:evil:loa:9").sign(),
						Reason.ACR),
				id("access token as ID token", (p) -> p.idToken(NONCE).typ("at+jwt").sign(), Reason.TYPE),
				id("application/at+jwt as ID token", (p) -> p.idToken(NONCE).typ("application/at+jwt").sign(),
						Reason.TYPE),
				id("wrong nonce", (p) -> p.idToken("another-nonce").sign(), Reason.NONCE),
				id("missing nonce", (p) -> p.idToken(NONCE).claim("nonce", null).sign(), Reason.NONCE),
				id("wrong azp with several audiences",
						(p) -> p.idToken(NONCE)
							.claim("aud", List.of(TestOpenIdProvider.CLIENT_ID, "other-app"))
							.claim("azp", "other-app")
							.sign(),
						Reason.AZP),
				id("several audiences without azp",
						(p) -> p.idToken(NONCE).claim("aud", List.of(TestOpenIdProvider.CLIENT_ID, "other-app")).sign(),
						Reason.AZP),
				id("wrong aud", (p) -> p.idToken(NONCE).claim("aud", "other-app").sign(), Reason.AUDIENCE),
				id("wrong issuer", (p) -> p.idToken(NONCE).claim("iss", "https://evil.example").sign(), Reason.ISSUER),
				id("expired ID token",
						(p) -> p.idToken(NONCE)
							.times(p.clock().instant().minusSeconds(600), p.clock().instant().minusSeconds(11))
							.sign(),
						Reason.EXPIRED));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileTokens")
	void verifyWhenHostileTokenThenRejectWithReason(String description, Function<TestOpenIdProvider, String> token,
			BiConsumer<KhyberPassClient, String> verification, Reason reason) {
		String jwt = token.apply(provider);

		assertThatThrownBy(() -> verification.accept(client, jwt)).isInstanceOfSatisfying(InvalidTokenException.class,
				(ex) -> org.assertj.core.api.Assertions.assertThat(ex.reason()).isEqualTo(reason));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validTokens")
	void verifyWhenUnalteredBaselineThenAccept(String description, Function<TestOpenIdProvider, String> token,
			BiConsumer<KhyberPassClient, String> verification) {
		String jwt = token.apply(provider);

		assertThatNoException().isThrownBy(() -> verification.accept(client, jwt));
	}

	static Stream<Arguments> validTokens() {
		return Stream.of(
				Arguments.of("access token", (Function<TestOpenIdProvider, String>) (p) -> p.accessToken().sign(),
						(BiConsumer<KhyberPassClient, String>) (c, jwt) -> c.verifyAccessToken(jwt,
								AssuranceLevel.LOA2)),
				Arguments.of("ID token", (Function<TestOpenIdProvider, String>) (p) -> p.idToken(NONCE).sign(),
						(BiConsumer<KhyberPassClient, String>) (c, jwt) -> c.verifyIdToken(jwt, NONCE)));
	}

	private static Arguments access(String description, Function<TestOpenIdProvider, String> token, Reason reason) {
		BiConsumer<KhyberPassClient, String> verification = KhyberPassClient::verifyAccessToken;
		return Arguments.of(description, token, verification, reason);
	}

	private static Arguments minimumAcr(String description, Function<TestOpenIdProvider, String> token, Reason reason) {
		BiConsumer<KhyberPassClient, String> verification = (c, jwt) -> c.verifyAccessToken(jwt, AssuranceLevel.LOA2);
		return Arguments.of(description, token, verification, reason);
	}

	private static Arguments id(String description, Function<TestOpenIdProvider, String> token, Reason reason) {
		BiConsumer<KhyberPassClient, String> verification = (c, jwt) -> c.verifyIdToken(jwt, NONCE);
		return Arguments.of(description, token, verification, reason);
	}

	private static long epoch(TestOpenIdProvider p, long secondsAhead) {
		return p.clock().instant().plusSeconds(secondsAhead).getEpochSecond();
	}

	private static byte[] publicDer(TestOpenIdProvider p) {
		try {
			return p.rsaKey().toRSAPublicKey().getEncoded();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String tampered(TestOpenIdProvider p) {
		String[] parts = p.accessToken().sign().split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("citizen-123",
				"citizen-999");
		return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
				+ "." + parts[2];
	}

	private static byte[] signature(TestOpenIdProvider p) {
		return java.util.Base64.getUrlDecoder().decode(p.accessToken().sign().split("\\.")[2]);
	}

	private static String withSignature(String token, byte[] signature) {
		return token.substring(0, token.lastIndexOf('.') + 1)
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
	}

	private static byte[] curveOrderTwice() {
		byte[] n = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32,
				org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1").getN());
		byte[] both = java.util.Arrays.copyOf(n, 64);
		System.arraycopy(n, 0, both, 32, 32);
		return both;
	}

	private static String derSignature(TestOpenIdProvider p) {
		String token = p.accessToken().sign();
		try {
			byte[] der = com.nimbusds.jose.crypto.impl.ECDSA
				.transcodeSignatureToDER(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[2]));
			return withSignature(token, der);
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
