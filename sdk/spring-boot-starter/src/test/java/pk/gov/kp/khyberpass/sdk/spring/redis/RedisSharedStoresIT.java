package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.data.redis.core.StringRedisTemplate;

import pk.gov.kp.khyberpass.sdk.ClientAuthentication;
import pk.gov.kp.khyberpass.sdk.EndedSessions;
import pk.gov.kp.khyberpass.sdk.InvalidTokenException;
import pk.gov.kp.khyberpass.sdk.KhyberPassClient;
import pk.gov.kp.khyberpass.sdk.ReplayStore;
import pk.gov.kp.khyberpass.sdk.spring.TestOpenIdProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Redis stores against a real Redis ({@code KHYBERPASS_IT_REDIS_URL}, default
 * {@code redis://127.0.0.1:6379}), each "node" with its own connection: a logout token id
 * recorded by one node is refused by another and expires with the token; a logout
 * recorded by one node ends the session on another. Skips with one line when Redis is
 * absent, unless {@code KHYBERPASS_IT_REQUIRED=true}, where it fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisSharedStoresIT {

	private RealRedis redis;

	private final String clientId = "it-" + UUID.randomUUID();

	private StringRedisTemplate nodeA;

	private StringRedisTemplate nodeB;

	@BeforeAll
	void connect() {
		this.redis = RealRedis.reachableOrSkip();
		this.nodeA = this.redis.template();
		this.nodeB = this.redis.template();
	}

	@AfterEach
	void cleanUp() {
		Set<String> keys = this.nodeA.keys("khyberpass:" + this.clientId + ":*");
		if (keys != null && !keys.isEmpty()) {
			this.nodeA.delete(keys);
		}
	}

	@AfterAll
	void disconnect() {
		if (this.redis != null) {
			this.redis.close();
		}
	}

	@Test
	void firstUseWhenRecordedByAnotherNodeThenRefused() {
		Instant expiresAt = Instant.now().plusSeconds(130);
		ReplayStore onA = new RedisReplayStore(this.nodeA, this.clientId, Clock.systemUTC());
		ReplayStore onB = new RedisReplayStore(this.nodeB, this.clientId, Clock.systemUTC());

		assertThat(onA.firstUse("jti-1", expiresAt)).isTrue();

		assertThat(onB.firstUse("jti-1", expiresAt)).isFalse();
		assertThat(onB.firstUse("jti-2", expiresAt)).isTrue();
	}

	@Test
	void firstUseWhenRecordedThenKeyExpiresWithTheTokenAndNamesNoJti() {
		ReplayStore store = new RedisReplayStore(this.nodeA, this.clientId, Clock.systemUTC());

		store.firstUse("jti-secret-looking", Instant.now().plusSeconds(130));

		String key = new RedisKeys(this.clientId).key("logout-jti", "jti-secret-looking");
		assertThat(key).doesNotContain("jti-secret-looking").startsWith("khyberpass:" + this.clientId + ":logout-jti:");
		assertThat(this.nodeA.getExpire(key, TimeUnit.SECONDS)).isBetween(120L, 130L);
	}

	@Test
	void firstUseWhenAnotherDepartmentRecordedTheIdThenIndependent() {
		Instant expiresAt = Instant.now().plusSeconds(130);
		new RedisReplayStore(this.nodeA, this.clientId, Clock.systemUTC()).firstUse("jti-1", expiresAt);

		boolean first = new RedisReplayStore(this.nodeB, this.clientId + "-other", Clock.systemUTC()).firstUse("jti-1",
				expiresAt);

		assertThat(first).isTrue();
		this.nodeA.delete(new RedisKeys(this.clientId + "-other").key("logout-jti", "jti-1"));
	}

	@Test
	void verifyLogoutTokenWhenReplayedToAnotherNodeThenRefused() {
		try (TestOpenIdProvider provider = TestOpenIdProvider.start();
				KhyberPassClient onA = client(provider, this.nodeA);
				KhyberPassClient onB = client(provider, this.nodeB)) {
			String logoutToken = provider.logoutToken(provider.sessionId());
			onA.verifyLogoutToken(logoutToken);

			assertThatThrownBy(() -> onB.verifyLogoutToken(logoutToken)).isInstanceOfSatisfying(
					InvalidTokenException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.REPLAY));
		}
	}

	@Test
	void isEndedWhenSessionEndedByAnotherNodeThenOnlyThatSessionAndKeptForTheRetention() {
		EndedSessions onA = new RedisEndedSessions(this.nodeA, this.clientId, Duration.ofHours(24));
		EndedSessions onB = new RedisEndedSessions(this.nodeB, this.clientId, Duration.ofHours(24));
		Instant signedIn = Instant.now().minusSeconds(600);

		onA.end(Optional.of("citizen-1"), Optional.of("sso-1"), Instant.now());

		assertThat(onB.isEnded("citizen-1", Optional.of("sso-1"), signedIn)).isTrue();
		assertThat(onB.isEnded("citizen-1", Optional.of("sso-2"), signedIn)).isFalse();
		assertThat(onB.isEnded("citizen-1", Optional.empty(), signedIn)).isFalse();
		assertThat(this.nodeA.getExpire(new RedisKeys(this.clientId).key("ended-sid", "sso-1"), TimeUnit.SECONDS))
			.isBetween(Duration.ofHours(24).toSeconds() - 60, Duration.ofHours(24).toSeconds());
	}

	@Test
	void isEndedWhenSubjectOnlyLogoutThenEarlierSessionsEndedLaterOnesLive() {
		EndedSessions onA = new RedisEndedSessions(this.nodeA, this.clientId, Duration.ofHours(24));
		EndedSessions onB = new RedisEndedSessions(this.nodeB, this.clientId, Duration.ofHours(24));
		Instant loggedOut = Instant.now().minusSeconds(60);

		onA.end(Optional.of("citizen-1"), Optional.empty(), loggedOut);
		onA.end(Optional.of("citizen-1"), Optional.empty(), loggedOut.minusSeconds(300));

		assertThat(onB.isEnded("citizen-1", Optional.of("sso-1"), loggedOut.minusSeconds(120))).isTrue();
		assertThat(onB.isEnded("citizen-1", Optional.of("sso-1"), loggedOut)).isTrue();
		assertThat(onB.isEnded("citizen-1", Optional.of("sso-9"), loggedOut.plusSeconds(1))).isFalse();
		assertThat(onB.isEnded("citizen-2", Optional.empty(), loggedOut.minusSeconds(120))).isFalse();
	}

	/** A node's client, its replay store over its own Redis connection. */
	private KhyberPassClient client(TestOpenIdProvider provider, StringRedisTemplate node) {
		return KhyberPassClient
			.builder(URI.create(provider.issuer()), TestOpenIdProvider.CLIENT_ID,
					ClientAuthentication.clientSecretBasic(TestOpenIdProvider.CLIENT_SECRET))
			.logoutReplayStore(new RedisReplayStore(node, this.clientId, Clock.systemUTC()))
			.build();
	}

}
