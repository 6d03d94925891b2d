package pk.gov.kp.khyberpass.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.JwtException;

import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SigningKeyJwtEncoder} and the decoder and JWKS source of
 * {@link KeysConfiguration}.
 */
class SigningKeyJwtEncoderTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private static TestKeyNode node;

	private static JWKSource<SecurityContext> jwkSource;

	@BeforeAll
	static void startNode() {
		node = TestKeyNode.started(TestKeyNode.h2(), clock);
		jwkSource = new KeysConfiguration().jwkSource(node.keys);
	}

	@Test
	void encodeWhenEs256ThenSignedByTheActiveKeyAndVerifiedWithThePublishedJwk() throws Exception {
		Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(header(SignatureAlgorithm.ES256), claims()));

		SignedJWT signed = SignedJWT.parse(jwt.getTokenValue());
		assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(signed.getHeader().getKeyID()).isEqualTo(node.keys.active(SigningAlgorithm.ES256).kid());
		ECKey published = publishedKey(signed.getHeader().getKeyID()).toECKey();
		assertThat(signed.verify(new ECDSAVerifier(published))).isTrue();
	}

	@Test
	void encodeWhenRs256ThenSignedByTheActiveKeyAndVerifiedWithThePublishedJwk() throws Exception {
		Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(header(SignatureAlgorithm.RS256), claims()));

		SignedJWT signed = SignedJWT.parse(jwt.getTokenValue());
		assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(signed.getHeader().getKeyID()).isEqualTo(node.keys.active(SigningAlgorithm.RS256).kid());
		RSAKey published = publishedKey(signed.getHeader().getKeyID()).toRSAKey();
		JWSVerifier verifier = new RSASSAVerifier(published);
		assertThat(signed.verify(verifier)).isTrue();
	}

	@Test
	void encodeWhenNoHeaderThenEs256() throws Exception {
		Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(claims()));

		assertThat(SignedJWT.parse(jwt.getTokenValue()).getHeader().getAlgorithm().getName()).isEqualTo("ES256");
	}

	@Test
	void encodeWhenTypRequestedThenHeaderCarriesTypAndKid() throws Exception {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).type("at+jwt").keyId("ignored").build();

		Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(header, claims()));

		SignedJWT signed = SignedJWT.parse(jwt.getTokenValue());
		String kid = node.keys.active(SigningAlgorithm.ES256).kid();
		assertThat(signed.getHeader().getType().getType()).isEqualTo("at+jwt");
		assertThat(signed.getHeader().getKeyID()).isEqualTo(kid);
		assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt").containsEntry("kid", kid);
	}

	@Test
	void encodeWhenClaimsGivenThenJwtCarriesClaimsTimesAndTokenValue() throws Exception {
		JwtClaimsSet claims = claims();

		Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(header(SignatureAlgorithm.ES256), claims));

		assertThat(jwt.getIssuedAt()).isEqualTo(claims.getIssuedAt());
		assertThat(jwt.getExpiresAt()).isEqualTo(claims.getExpiresAt());
		assertThat(jwt.getSubject()).isEqualTo("pairwise-subject");
		assertThat(jwt.getClaimAsStringList("aud")).containsExactly("excise-and-taxation");
		assertThat(jwt.getClaimAsString("acr")).isEqualTo("urn:kp:loa:2");
		SignedJWT signed = SignedJWT.parse(jwt.getTokenValue());
		assertThat(signed.getJWTClaimsSet().getIssuer()).isEqualTo("https://id.kp.gov.pk");
		assertThat(signed.getJWTClaimsSet().getStringClaim("acr")).isEqualTo("urn:kp:loa:2");
		assertThat(signed.getJWTClaimsSet().getExpirationTime().toInstant()).isEqualTo(claims.getExpiresAt());
	}

	@Test
	void encodeWhenUnsupportedAlgorithmThenJwtEncodingException() {
		JwtEncoderParameters parameters = JwtEncoderParameters.from(header(SignatureAlgorithm.PS256), claims());

		assertThatExceptionOfType(JwtEncodingException.class).isThrownBy(() -> node.encoder().encode(parameters))
			.withMessageContaining("PS256");
	}

	@Test
	void decodeWhenSignedWithEitherAlgorithmThenDecoded() {
		JwtDecoder decoder = KeysConfiguration.createJwtDecoder(jwkSource, clock);
		for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256)) {
			Jwt jwt = node.encoder().encode(JwtEncoderParameters.from(header(algorithm), claims()));

			Jwt decoded = decoder.decode(jwt.getTokenValue());

			assertThat(decoded.getSubject()).isEqualTo("pairwise-subject");
		}
	}

	@Test
	void decodeWhenExpiredThenRejected() {
		JwtDecoder decoder = KeysConfiguration.createJwtDecoder(jwkSource, clock);
		String token = node.encoder()
			.encode(JwtEncoderParameters.from(header(SignatureAlgorithm.ES256),
					JwtClaimsSet.builder()
						.subject("s")
						.expiresAt(clock.instant().minus(Duration.ofMinutes(5)))
						.build()))
			.getTokenValue();

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void decodeWhenSigningKeyUnknownThenRejected() throws Exception {
		TestKeyNode stranger = TestKeyNode.started(TestKeyNode.h2(), clock);
		String token = stranger.encoder().encode(JwtEncoderParameters.from(claims())).getTokenValue();
		JwtDecoder decoder = KeysConfiguration.createJwtDecoder(jwkSource, clock);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void decodeWhenSigningKeyRotatedOutThenVerifiesUntilRetired() {
		MutableClock ownClock = new MutableClock(clock.instant());
		TestKeyNode rotating = TestKeyNode.started(TestKeyNode.h2(), ownClock);
		JwtDecoder decoder = KeysConfiguration.createJwtDecoder(new KeysConfiguration().jwkSource(rotating.keys),
				ownClock);
		String token = rotating.encoder()
			.encode(JwtEncoderParameters.from(
					JwtClaimsSet.builder().subject("s").expiresAt(ownClock.instant().plus(Duration.ofDays(3))).build()))
			.getTokenValue();
		rotating.keys.rotate(SigningAlgorithm.ES256).orElseThrow();

		assertThat(decoder.decode(token).getSubject()).isEqualTo("s");
		ownClock.advance(Duration.ofHours(25));
		rotating.keys.maintain();
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void activeWhenLoadedThenSignersUseBouncyCastle() {
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			assertThat(node.keys.active(algorithm).signer().getJCAContext().getProvider().getName()).isEqualTo("BC");
		}
	}

	private static JwsHeader header(SignatureAlgorithm algorithm) {
		return JwsHeader.with(algorithm).build();
	}

	private static JwtClaimsSet claims() {
		Instant now = clock.instant();
		return JwtClaimsSet.builder()
			.issuer("https://id.kp.gov.pk")
			.subject("pairwise-subject")
			.audience(List.of("excise-and-taxation"))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(5)))
			.claim("acr", "urn:kp:loa:2")
			.build();
	}

	private static JWK publishedKey(String kid) throws Exception {
		List<JWK> keys = jwkSource.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0).isPrivate()).isFalse();
		return keys.get(0);
	}

}
