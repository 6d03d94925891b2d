package pk.gov.kp.khyberpass.keys;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.X509CertChainUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link SigningKeys}: the rotation state machine over H2 in PostgreSQL mode,
 * with a hand-moved clock.
 */
class SigningKeysTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private DataSource database;

	private TestKeyNode node;

	@BeforeEach
	void startNode() {
		this.database = TestKeyNode.h2();
		this.node = TestKeyNode.started(this.database, this.clock);
	}

	@Test
	void startWhenFirstNodeThenOneActiveAndOneNextKeyPerAlgorithm() {
		List<SigningKey> keys = this.node.keys.list();

		assertThat(keys).hasSize(4);
		for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
			assertThat(keys).filteredOn((key) -> key.algorithm() == algorithm)
				.extracting(SigningKey::state)
				.containsExactlyInAnyOrder(SigningKeyState.ACTIVE, SigningKeyState.NEXT);
		}
	}

	@Test
	void startWhenKeysExistThenNoKeysAdded() {
		TestKeyNode.started(this.database, this.clock);

		assertThat(this.node.keys.list()).hasSize(4);
	}

	@Test
	void rotateWhenCalledThenNextSignsActiveRetiresAndFreshNextPublished() {
		Map<SigningKeyState, SigningKey> before = current(SigningAlgorithm.ES256);
		this.clock.advance(Duration.ofDays(1));

		SigningKeyRotated rotated = this.node.keys.rotate(SigningAlgorithm.ES256).orElseThrow();

		Instant now = this.clock.instant();
		assertThat(rotated.activeKid()).isEqualTo(before.get(SigningKeyState.NEXT).kid());
		assertThat(rotated.retiringKid()).isEqualTo(before.get(SigningKeyState.ACTIVE).kid());
		assertThat(rotated.retireAfter()).isEqualTo(now.plus(Duration.ofHours(25)));
		SigningKey retiring = key(rotated.retiringKid());
		assertThat(retiring.state()).isEqualTo(SigningKeyState.RETIRING);
		assertThat(retiring.retiringAt()).isEqualTo(now);
		assertThat(retiring.retireAfter()).isEqualTo(rotated.retireAfter());
		assertThat(key(rotated.activeKid()).state()).isEqualTo(SigningKeyState.ACTIVE);
		assertThat(key(rotated.activeKid()).activatedAt()).isEqualTo(now);
		assertThat(key(rotated.nextKid()).state()).isEqualTo(SigningKeyState.NEXT);
		assertThat(this.node.keys.active(SigningAlgorithm.ES256).kid()).isEqualTo(rotated.activeKid());
		assertThat(publishedKids()).contains(rotated.activeKid(), rotated.retiringKid(), rotated.nextKid());
		assertThat(this.node.events(SigningKeyRotated.class)).containsExactly(rotated);
	}

	@Test
	void rotateWhenAllAlgorithmsThenEachRotatedOnce() {
		List<SigningKeyRotated> rotations = this.node.keys.rotate();

		assertThat(rotations).extracting(SigningKeyRotated::algorithm)
			.containsExactlyInAnyOrder(SigningAlgorithm.ES256, SigningAlgorithm.RS256);
		assertThat(this.node.keys.list()).hasSize(6);
	}

	@Test
	void rotateWhenAnotherNodeRotatedFirstThenNoRotation() {
		TestKeyNode other = TestKeyNode.started(this.database, this.clock);
		other.keys.rotate(SigningAlgorithm.ES256).orElseThrow();

		assertThat(this.node.keys.rotate(SigningAlgorithm.ES256)).isEmpty();
		assertThat(this.node.keys.list()).filteredOn((key) -> key.algorithm() == SigningAlgorithm.ES256).hasSize(3);
		assertThat(this.node.events(SigningKeyRotated.class)).isEmpty();
	}

	@Test
	void refreshWhenAnotherNodeRotatedThenThisNodeSignsWithTheNewActiveKey() {
		TestKeyNode other = TestKeyNode.started(this.database, this.clock);
		SigningKeyRotated rotated = other.keys.rotate(SigningAlgorithm.RS256).orElseThrow();

		this.node.keys.refresh();

		assertThat(this.node.keys.active(SigningAlgorithm.RS256).kid()).isEqualTo(rotated.activeKid());
		assertThat(publishedKids()).contains(rotated.nextKid());
	}

	@Test
	void maintainWhenRotationNotDueThenNothingChanges() {
		this.clock.advance(Duration.ofDays(29));

		this.node.keys.maintain();

		assertThat(this.node.keys.list()).hasSize(4);
		assertThat(this.node.events).isEmpty();
	}

	@Test
	void maintainWhenRotationPeriodPassedThenEachAlgorithmRotated() {
		this.clock.advance(Duration.ofDays(30));

		this.node.keys.maintain();

		assertThat(this.node.events(SigningKeyRotated.class)).hasSize(2);
		assertThat(this.node.keys.list()).filteredOn((key) -> key.state() == SigningKeyState.RETIRING).hasSize(2);
	}

	@Test
	void maintainWhenRetentionPassedThenRetiringKeyRetiredUnpublishedAndErased() {
		SigningKeyRotated rotated = this.node.keys.rotate(SigningAlgorithm.ES256).orElseThrow();
		this.clock.advance(Duration.ofHours(25));

		this.node.keys.maintain();

		SigningKey retired = key(rotated.retiringKid());
		assertThat(retired.state()).isEqualTo(SigningKeyState.RETIRED);
		assertThat(retired.retiredAt()).isEqualTo(this.clock.instant());
		assertThat(publishedKids()).doesNotContain(rotated.retiringKid()).contains(rotated.activeKid());
		assertThat(sealedPrivateKey(rotated.retiringKid())).isNull();
		assertThat(this.node.events(SigningKeyRetired.class)).containsExactly(new SigningKeyRetired(
				rotated.retiringKid(), SigningAlgorithm.ES256, SigningKeyRetired.Reason.EXPIRED, this.clock.instant()));
	}

	@Test
	void maintainWhenRetentionNotPassedThenRetiringKeyStaysPublished() {
		SigningKeyRotated rotated = this.node.keys.rotate(SigningAlgorithm.ES256).orElseThrow();
		this.clock.advance(Duration.ofHours(24));

		this.node.keys.maintain();

		assertThat(key(rotated.retiringKid()).state()).isEqualTo(SigningKeyState.RETIRING);
		assertThat(publishedKids()).contains(rotated.retiringKid());
	}

	@Test
	void retireWhenActiveKeyThenNextSignsAndKeyWithdrawnAtOnce() {
		Map<SigningKeyState, SigningKey> before = current(SigningAlgorithm.RS256);
		String activeKid = before.get(SigningKeyState.ACTIVE).kid();

		SigningKey retired = this.node.keys.retire(activeKid).orElseThrow();

		assertThat(retired.state()).isEqualTo(SigningKeyState.RETIRED);
		assertThat(this.node.keys.active(SigningAlgorithm.RS256).kid())
			.isEqualTo(before.get(SigningKeyState.NEXT).kid());
		assertThat(publishedKids()).doesNotContain(activeKid);
		assertThat(current(SigningAlgorithm.RS256)).containsKeys(SigningKeyState.ACTIVE, SigningKeyState.NEXT);
		assertThat(this.node.events(SigningKeyRetired.class)).extracting(SigningKeyRetired::reason)
			.containsExactly(SigningKeyRetired.Reason.REVOKED);
	}

	@Test
	void retireWhenNextKeyThenFreshNextPublished() {
		String nextKid = current(SigningAlgorithm.ES256).get(SigningKeyState.NEXT).kid();

		this.node.keys.retire(nextKid).orElseThrow();

		String freshKid = current(SigningAlgorithm.ES256).get(SigningKeyState.NEXT).kid();
		assertThat(freshKid).isNotEqualTo(nextKid);
		assertThat(publishedKids()).contains(freshKid).doesNotContain(nextKid);
	}

	@Test
	void retireWhenUnknownKidThenEmpty() {
		assertThat(this.node.keys.retire("no-such-key")).isEmpty();
		assertThat(this.node.events).isEmpty();
	}

	@Test
	void publishedWhenLoadedThenPublicSigningKeysWithX5cChainedToTheInternalCa() throws Exception {
		List<JWK> published = this.node.keys.published().getKeys();

		assertThat(published).hasSize(4);
		X509Certificate authority = null;
		for (JWK jwk : published) {
			assertThat(jwk.isPrivate()).isFalse();
			assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
			assertThat(jwk.getKeyID()).isEqualTo(jwk.computeThumbprint().toString());
			assertThat(jwk.getAlgorithm().getName()).isIn("ES256", "RS256");
			List<X509Certificate> chain = X509CertChainUtils.parse(jwk.getX509CertChain());
			assertThat(chain).hasSize(2);
			X509Certificate leaf = chain.get(0);
			PublicKey jwkKey = ((AsymmetricJWK) jwk).toPublicKey();
			assertThat(leaf.getPublicKey().getEncoded()).isEqualTo(jwkKey.getEncoded());
			assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + jwk.getKeyID());
			assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
			authority = (authority != null) ? authority : chain.get(1);
			assertThat(chain.get(1)).isEqualTo(authority);
			X509Certificate ca = authority;
			assertThatNoException().isThrownBy(() -> leaf.verify(ca.getPublicKey()));
			assertThatNoException().isThrownBy(() -> leaf.checkValidity(Date.from(this.clock.instant())));
		}
		X509Certificate ca = authority;
		assertThatNoException().isThrownBy(() -> ca.verify(ca.getPublicKey()));
		assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void listWhenStoredThenPrivateKeySealedUnderTheMasterKeyAndBoundToTheKid() {
		SigningKey key = this.node.keys.list().get(0);
		byte[] sealed = sealedPrivateKey(key.kid());

		byte[] pkcs8 = TestKeyNode.MASTER_KEY.open("signing-key", sealed, key.kid().getBytes(StandardCharsets.UTF_8));

		assertThat(pkcs8).isNotEmpty();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(pkcs8, StandardCharsets.ISO_8859_1));
	}

	private Map<SigningKeyState, SigningKey> current(SigningAlgorithm algorithm) {
		return this.node.keys.list()
			.stream()
			.filter((key) -> key.algorithm() == algorithm)
			.filter((key) -> key.state() == SigningKeyState.ACTIVE || key.state() == SigningKeyState.NEXT)
			.collect(Collectors.toMap(SigningKey::state, Function.identity()));
	}

	private SigningKey key(String kid) {
		return this.node.keys.list().stream().filter((key) -> key.kid().equals(kid)).findFirst().orElseThrow();
	}

	private List<String> publishedKids() {
		return this.node.keys.published().getKeys().stream().map(JWK::getKeyID).toList();
	}

	private byte[] sealedPrivateKey(String kid) {
		return JdbcClient.create(this.database)
			.sql("SELECT private_key FROM signing_key WHERE kid = ?")
			.param(kid)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

}
