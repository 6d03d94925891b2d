package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Builds signed (or deliberately broken) JWTs for tests; starts from a valid token of
 * each kind, so each test changes one thing.
 */
final class TestJwt {

	private JWSAlgorithm alg = JWSAlgorithm.ES256;

	private JWK key;

	private String kid;

	private String typ;

	private URI jku;

	private URI x5u;

	private JWK embeddedJwk;

	private boolean critical;

	private byte[] hmacSecret;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private TestJwt(JWK key) {
		this.key = key;
		this.kid = key.getKeyID();
	}

	static TestJwt signedBy(JWK key) {
		TestJwt jwt = new TestJwt(key);
		jwt.alg = (key instanceof ECKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
		return jwt;
	}

	static TestJwt accessToken(JWK key, String issuer, String audience, Instant now) {
		return signedBy(key).typ("at+jwt")
			.claim("iss", issuer)
			.claim("sub", "citizen-123")
			.claim("aud", audience)
			.claim("client_id", "department-app")
			.claim("scope", "openid vehicles.read")
			.claim("acr", AssuranceLevel.LOA2.value())
			.claim("amr", List.of("pwd", "otp"))
			.claim("jti", "at-" + now.toEpochMilli())
			.times(now, now.plusSeconds(300));
	}

	static TestJwt idToken(JWK key, String issuer, String clientId, String nonce, Instant now) {
		return signedBy(key).claim("iss", issuer)
			.claim("sub", "citizen-123")
			.claim("aud", clientId)
			.claim("nonce", nonce)
			.claim("acr", AssuranceLevel.LOA2.value())
			.claim("amr", List.of("pwd", "otp"))
			.claim("auth_time", now.getEpochSecond())
			.claim("sid", "session-1")
			.times(now, now.plusSeconds(300));
	}

	static TestJwt logoutToken(JWK key, String issuer, String clientId, String jti, Instant now) {
		return signedBy(key).typ("logout+jwt")
			.claim("iss", issuer)
			.claim("sub", "citizen-123")
			.claim("sid", "session-1")
			.claim("aud", clientId)
			.claim("jti", jti)
			.claim("events", Map.of(LogoutTokenValidator.BACKCHANNEL_LOGOUT_EVENT, Map.of()))
			.times(now, now.plusSeconds(120));
	}

	TestJwt alg(JWSAlgorithm alg) {
		this.alg = alg;
		return this;
	}

	TestJwt key(JWK key) {
		this.key = key;
		return this;
	}

	TestJwt kid(String kid) {
		this.kid = kid;
		return this;
	}

	TestJwt typ(String typ) {
		this.typ = typ;
		return this;
	}

	TestJwt jku(URI jku) {
		this.jku = jku;
		return this;
	}

	TestJwt x5u(URI x5u) {
		this.x5u = x5u;
		return this;
	}

	TestJwt embeddedJwk(JWK jwk) {
		this.embeddedJwk = jwk;
		return this;
	}

	TestJwt critical() {
		this.critical = true;
		return this;
	}

	/** Signs with HMAC using these bytes as the secret (the alg confusion attack). */
	TestJwt hmac(byte[] secret) {
		this.alg = JWSAlgorithm.HS256;
		this.hmacSecret = secret;
		return this;
	}

	TestJwt claim(String name, Object value) {
		if (value == null) {
			this.claims.remove(name);
		}
		else {
			this.claims.put(name, value);
		}
		return this;
	}

	TestJwt times(Instant issuedAt, Instant expiresAt) {
		return claim("iat", issuedAt.getEpochSecond()).claim("exp", expiresAt.getEpochSecond());
	}

	String sign() {
		JWSHeader.Builder header = new JWSHeader.Builder(this.alg).keyID(this.kid);
		if (this.typ != null) {
			header.type(new JOSEObjectType(this.typ));
		}
		header.jwkURL(this.jku).x509CertURL(this.x5u).jwk(this.embeddedJwk);
		if (this.critical) {
			header.criticalParams(java.util.Set.of("kp-unknown")).customParam("kp-unknown", true);
		}
		try {
			SignedJWT jwt = new SignedJWT(header.build(), JWTClaimsSet.parse(this.claims));
			jwt.sign(signer());
			return jwt.serialize();
		}
		catch (JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An unsecured JWT ({@code alg: none}) with these claims. */
	String unsigned() {
		String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8))
			.toString();
		String payload;
		try {
			payload = Base64URL.encode(JWTClaimsSet.parse(this.claims).toString().getBytes(StandardCharsets.UTF_8))
				.toString();
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
		return header + "." + payload + ".";
	}

	private JWSSigner signer() throws JOSEException {
		if (this.hmacSecret != null) {
			return new MACSigner(this.hmacSecret);
		}
		if (this.key instanceof ECKey ec) {
			return new ECDSASigner(ec);
		}
		return new RSASSASigner((RSAKey) this.key);
	}

}
