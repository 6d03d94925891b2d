package pk.gov.kp.khyberpass.keys;

import java.security.Key;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PublishedKeySelector}.
 */
class PublishedKeySelectorTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private static TestKeyNode node;

	private static JWKSource<SecurityContext> jwkSource;

	@BeforeAll
	static void startNode() {
		node = TestKeyNode.started(TestKeyNode.h2(), clock);
		jwkSource = new KeysConfiguration().jwkSource(node.keys);
	}

	@Test
	void selectWhenSameKidTwiceThenTheSameBouncyCastleKeyObject() throws Exception {
		PublishedKeySelector selector = selector();
		JWSHeader header = header(JWSAlgorithm.ES256, node.keys.active(SigningAlgorithm.ES256).kid());

		List<Key> first = selector.selectJWSKeys(header, null);
		List<Key> second = selector.selectJWSKeys(header, null);

		assertThat(first).singleElement().isInstanceOf(BCECPublicKey.class);
		assertThat(second).singleElement().isSameAs(first.get(0));
	}

	@Test
	void selectWhenRs256ThenThePublishedRsaKey() throws Exception {
		PublishedKeySelector selector = selector();
		JWSHeader header = header(JWSAlgorithm.RS256, node.keys.active(SigningAlgorithm.RS256).kid());

		List<Key> keys = selector.selectJWSKeys(header, null);

		assertThat(keys).singleElement().satisfies((key) -> assertThat(key.getAlgorithm()).isEqualTo("RSA"));
	}

	@Test
	void selectWhenAlgorithmNotAllowedThenNoKey() throws Exception {
		PublishedKeySelector selector = selector();
		// an ES384 header naming our P-256 key, and HS256 naming it as if it were a
		// shared secret: both refused before any key is looked at
		String kid = node.keys.active(SigningAlgorithm.ES256).kid();

		assertThat(selector.selectJWSKeys(header(JWSAlgorithm.ES384, kid), null)).isEmpty();
		assertThat(selector.selectJWSKeys(header(JWSAlgorithm.HS256, kid), null)).isEmpty();
	}

	@Test
	void selectWhenKidUnknownThenNoKey() throws Exception {
		PublishedKeySelector selector = selector();

		assertThat(selector.selectJWSKeys(header(JWSAlgorithm.ES256, "not-a-published-kid"), null)).isEmpty();
	}

	@Test
	void selectWhenKeyNoLongerPublishedThenNoKeyAlthoughItWasSelectedBefore() throws Exception {
		MutableClock ownClock = new MutableClock(clock.instant());
		TestKeyNode rotating = TestKeyNode.started(TestKeyNode.h2(), ownClock);
		PublishedKeySelector selector = new PublishedKeySelector(Set.of(JWSAlgorithm.ES256),
				new KeysConfiguration().jwkSource(rotating.keys));
		String kid = rotating.keys.active(SigningAlgorithm.ES256).kid();
		assertThat(selector.selectJWSKeys(header(JWSAlgorithm.ES256, kid), null)).hasSize(1);

		rotating.keys.retire(kid).orElseThrow();

		assertThat(selector.selectJWSKeys(header(JWSAlgorithm.ES256, kid), null)).isEmpty();
	}

	private static PublishedKeySelector selector() {
		return new PublishedKeySelector(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), jwkSource);
	}

	private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
		return new JWSHeader.Builder(algorithm).keyID(kid).build();
	}

}
