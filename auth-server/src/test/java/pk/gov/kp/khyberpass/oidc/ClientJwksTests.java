package pk.gov.kp.khyberpass.oidc;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClientJwksTests {

	@Test
	void parseWhenPublicRsaAndEcKeysThenKeptAsCanonicalJson() throws Exception {
		RSAKey rsa = rsa(2048);
		ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();

		ClientJwks jwks = ClientJwks.parse(new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());

		assertThat(jwks.keySet().getKeys()).extracting(JWK::getKeyID).containsExactly("rsa-1", "ec-1");
		assertThat(jwks.keySet().getKeys()).noneMatch(JWK::isPrivate);
		assertThat(ClientJwks.parse(jwks.json())).isEqualTo(jwks);
	}

	@Test
	void ofWhenJsonObjectThenSameAsParsedText() throws Exception {
		JWKSet set = new JWKSet(rsa(2048).toPublicJWK());

		assertThat(ClientJwks.of(set.toJSONObject())).isEqualTo(ClientJwks.parse(set.toString()));
	}

	@Test
	void parseWhenPrivateRsaKeyThenRefused() throws Exception {
		String withPrivate = new JWKSet(rsa(2048)).toString(false);

		assertRefused(withPrivate, "public keys only");
	}

	@Test
	void parseWhenPrivateEcKeyThenRefused() throws Exception {
		String withPrivate = new JWKSet(new ECKeyGenerator(Curve.P_256).generate()).toString(false);

		assertRefused(withPrivate, "public keys only");
	}

	@Test
	void parseWhenSymmetricKeyThenRefused() throws Exception {
		String symmetric = new JWKSet(new OctetSequenceKeyGenerator(256).keyID("hs").generate()).toString(false);

		assertRefused(symmetric, "public keys only");
	}

	@Test
	void parseWhenSmallRsaKeyThenRefused() throws Exception {
		assertRefused(new JWKSet(rsa(1024).toPublicJWK()).toString(), "at least 2048 bits");
	}

	@Test
	void parseWhenEcKeyNotP256ThenRefused() throws Exception {
		assertRefused(new JWKSet(new ECKeyGenerator(Curve.P_384).generate().toPublicJWK()).toString(), "P-256");
	}

	@Test
	void parseWhenOkpKeyThenRefused() {
		// RFC 8037 Appendix A.1's Ed25519 public key
		String ed25519 = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
				+ "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}";

		assertRefused(ed25519, "RSA (RS256) or EC P-256");
	}

	@Test
	void parseWhenEncryptionKeyThenRefused() throws Exception {
		RSAKey encryption = new RSAKey.Builder(rsa(2048).toRSAPublicKey()).keyUse(KeyUse.ENCRYPTION).build();

		assertRefused(new JWKSet(encryption).toString(), "for signing");
	}

	@Test
	void parseWhenNoKeysOrTooManyThenRefused() throws Exception {
		JWK[] six = new JWK[ClientJwks.MAX_KEYS + 1];
		Arrays.fill(six, new ECKeyGenerator(Curve.P_256).generate().toPublicJWK());

		assertRefused("{\"keys\":[]}", "1 to 5");
		assertRefused("{}", "1 to 5");
		assertRefused(new JWKSet(List.of(six)).toString(), "1 to 5");
	}

	@Test
	void parseWhenNotJsonThenRefused() {
		assertRefused("not json", "JSON Web Key Set");
	}

	@Test
	void parseWhenKeyMalformedThenRefused() {
		assertRefused("{\"keys\":[{\"kty\":\"RSA\",\"n\":42}]}", "not a valid JSON Web Key Set");
	}

	@Test
	void toJsonObjectWhenRegisteredThenPublicMembersOnly() throws Exception {
		ClientJwks jwks = jwks(rsa(2048).toPublicJWK());

		Map<String, Object> document = jwks.toJsonObject();

		assertThat((List<?>) document.get("keys")).singleElement()
			.satisfies((key) -> assertThat(((Map<?, ?>) key).keySet().stream().map(String::valueOf).toList())
				.contains("kid", "kty", "n", "e")
				.doesNotContain("d", "p", "q", "dp", "dq", "qi"));
	}

	static RSAKey rsa(int bits) throws JOSEException {
		return new RSAKeyGenerator(bits, true).keyID("rsa-1").generate();
	}

	static ClientJwks jwks(JWK... keys) {
		return ClientJwks.parse(new JWKSet(List.of(keys)).toString());
	}

	private static void assertRefused(String json, String message) {
		assertThatExceptionOfType(InvalidClientSettingException.class).isThrownBy(() -> ClientJwks.parse(json))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("jwks"));
	}

}
