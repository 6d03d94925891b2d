package pk.gov.kp.khyberpass.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import pk.gov.kp.khyberpass.testsupport.ClockedEphemeralStore;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SelfContainedAccessTokens} and its {@link VerifiedSignatures}: a token
 * verified once is not verified again, and what can change since (revocation, expiry, the
 * key's publication) still makes it inactive.
 */
class SelfContainedAccessTokensTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

	private final List<JWK> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger verifications = new AtomicInteger();

	private ECKey key;

	private SelfContainedAccessTokens tokens;

	@BeforeEach
	void setUp() throws Exception {
		this.key = new ECKeyGenerator(Curve.P_256).keyID("es256-key").generate();
		this.published.add(this.key.toPublicJWK());
		JWKSource<SecurityContext> source = (selector, context) -> selector.select(new JWKSet(this.published));
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSource(source).jwsAlgorithm(SignatureAlgorithm.ES256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator();
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(timestamps);
		JwtDecoder counting = (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
		this.tokens = new SelfContainedAccessTokens(counting, new VerifiedSignatures(source, this.clock),
				new ClockedEphemeralStore(this.clock), this.clock);
	}

	@Test
	void verifyWhenVerifiedBeforeThenSameClaimsWithoutVerifyingAgain() throws Exception {
		String token = token("tax-service", "at+jwt");
		Jwt first = this.tokens.verify(token).orElseThrow();

		Jwt second = this.tokens.verify(token).orElseThrow();

		assertThat(second.getClaims()).isEqualTo(first.getClaims());
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void verifyWhenRevokedAfterBeingVerifiedThenEmpty() throws Exception {
		String token = token("tax-service", "at+jwt");
		this.tokens.revoke(this.tokens.verify(token).orElseThrow());

		assertThat(this.tokens.verify(token)).isEmpty();
	}

	@Test
	void verifyWhenExpiredSinceBeingVerifiedThenEmpty() throws Exception {
		String token = token("tax-service", "at+jwt");
		assertThat(this.tokens.verify(token)).isPresent();

		// five minutes of lifetime, and the decoder's 60 s of clock skew
		this.clock.advance(Duration.ofMinutes(6).plusSeconds(1));

		assertThat(this.tokens.verify(token)).isEmpty();
	}

	@Test
	void verifyWhenKeyNoLongerPublishedSinceBeingVerifiedThenEmpty() throws Exception {
		String token = token("tax-service", "at+jwt");
		assertThat(this.tokens.verify(token)).isPresent();

		this.published.clear();

		assertThat(this.tokens.verify(token)).isEmpty();
	}

	@Test
	void verifyWhenSignatureReplacedOnAVerifiedTokenThenEmpty() throws Exception {
		String token = token("tax-service", "at+jwt");
		assertThat(this.tokens.verify(token)).isPresent();
		String other = token("tax-service", "at+jwt");
		String forged = token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));

		assertThat(this.tokens.verify(forged)).isEmpty();
		assertThat(this.tokens.verify(token)).isPresent();
	}

	@Test
	void verifyWhenNotAClientCredentialsTokenThenEmptyEveryTime() throws Exception {
		String idToken = token("tax-service", "JWT");

		assertThat(this.tokens.verify(idToken)).isEmpty();
		assertThat(this.tokens.verify(idToken)).isEmpty();
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void looksSelfContainedWhenClientCredentialsShapeOrVerifiedBeforeThenTrue() throws Exception {
		String token = token("tax-service", "at+jwt");
		assertThat(this.tokens.looksSelfContained(token)).isTrue();
		this.tokens.verify(token).orElseThrow();

		assertThat(this.tokens.looksSelfContained(token)).isTrue();
		assertThat(this.tokens.looksSelfContained(token("tax-service", "JWT"))).isFalse();
		assertThat(this.tokens.looksSelfContained("not-a-jwt")).isFalse();
	}

	private String token(String clientId, String type) throws Exception {
		Instant now = this.clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://id.kp.gov.pk")
			.subject(clientId)
			.claim("client_id", clientId)
			.claim("scope", "vehicles.read")
			.jwtID(java.util.UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type)).keyID("es256-key").build(),
				claims);
		jwt.sign(new ECDSASigner(this.key));
		return jwt.serialize();
	}

}
