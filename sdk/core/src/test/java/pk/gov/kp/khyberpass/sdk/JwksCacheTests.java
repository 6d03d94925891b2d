package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fetching, caching, refreshing and rate-limiting the issuer's keys.
 */
class JwksCacheTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private KhyberPassClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		this.provider.close();
	}

	@Test
	void verifyWhenCalledManyTimesThenKeysFetchedOnce() {
		this.client = this.provider.client().build();

		for (int i = 0; i < 20; i++) {
			this.client.verifyAccessToken(this.provider.accessToken().sign());
		}

		assertThat(this.provider.discoveryRequests()).isEqualTo(1);
		assertThat(this.provider.jwksRequests()).isEqualTo(1);
	}

	@Test
	void buildWhenNothingVerifiedThenNoRequest() {
		this.client = this.provider.client().build();

		assertThat(this.provider.discoveryRequests()).isZero();
		assertThat(this.provider.jwksRequests()).isZero();
	}

	@Test
	void verifyWhenUnknownKidAfterRefetchIntervalThenRefetchAndAcceptRotatedKey() {
		this.client = this.provider.client().build();
		this.client.verifyAccessToken(this.provider.accessToken().sign());
		ECKey rotated = TestOpenIdProvider.generateEc("ec-2");
		this.provider.publish(rotated, this.provider.ecKey(), this.provider.rsaKey());
		this.provider.clock().advance(Duration.ofSeconds(31));

		VerifiedAccessToken token = this.client
			.verifyAccessToken(this.provider.accessToken().key(rotated).kid("ec-2").sign());

		assertThat(token.subject()).isEqualTo("citizen-123");
		assertThat(this.provider.jwksRequests()).isEqualTo(2);
	}

	@Test
	void verifyWhenForgedKidsFloodThenAtMostOneRefetchPerInterval() {
		this.client = this.provider.client().jwksRefetchInterval(Duration.ofSeconds(10)).build();
		this.client.verifyAccessToken(this.provider.accessToken().sign());
		ECKey attacker = TestOpenIdProvider.generateEc("attacker");

		for (int second = 0; second < 25; second++) {
			for (int i = 0; i < 20; i++) {
				String forged = this.provider.accessToken().key(attacker).kid("forged-" + second + "-" + i).sign();
				assertThatThrownBy(() -> this.client.verifyAccessToken(forged)).isInstanceOfSatisfying(
						InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_KEY));
			}
			this.provider.clock().advance(Duration.ofSeconds(1));
		}

		// the initial fetch plus one refetch at 10 s and one at 20 s
		assertThat(this.provider.jwksRequests()).isEqualTo(3);
	}

	@Test
	void verifyWhenManyThreadsStartColdThenOneDiscoveryAndOneJwksFetch() throws Exception {
		this.provider.jwksDelay(Duration.ofMillis(300));
		this.client = this.provider.client().build();
		String token = this.provider.accessToken().sign();
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<VerifiedAccessToken>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Callable<VerifiedAccessToken> task = () -> {
					start.await();
					return this.client.verifyAccessToken(token);
				};
				results.add(pool.submit(task));
			}
			start.countDown();

			for (Future<VerifiedAccessToken> result : results) {
				assertThat(result.get().subject()).isEqualTo("citizen-123");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.provider.discoveryRequests()).isEqualTo(1);
		assertThat(this.provider.jwksRequests()).isEqualTo(1);
	}

	@Test
	void verifyWhenMaxAgeShortThenKeysRefreshedInBackground() throws Exception {
		this.provider.jwksCacheControl("max-age=1");
		this.client = this.provider.client().jwksCacheLifetime(Duration.ofSeconds(1), Duration.ofHours(1)).build();
		this.client.verifyAccessToken(this.provider.accessToken().sign());

		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.provider.jwksRequests() < 3 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}

		assertThat(this.provider.jwksRequests()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void verifyWhenKeyRemovedAndCacheExpiredThenRejected() {
		this.client = this.provider.client().build();
		this.client.verifyAccessToken(this.provider.accessToken().sign());
		this.provider.publish(this.provider.rsaKey());
		this.provider.clock().advance(Duration.ofMinutes(6));
		String token = this.provider.accessToken()
			.times(this.provider.clock().instant(), this.provider.clock().instant().plusSeconds(60))
			.sign();

		assertThatThrownBy(() -> this.client.verifyAccessToken(token)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_KEY));
	}

	@Test
	void verifyWhenRefreshFailsThenLastKeysStayInUse() {
		this.client = this.provider.client().build();
		this.client.verifyAccessToken(this.provider.accessToken().sign());
		this.provider.jwksStatus(503);
		this.provider.clock().advance(Duration.ofMinutes(6));

		VerifiedAccessToken token = this.client.verifyAccessToken(this.provider.accessToken().sign());

		assertThat(token.subject()).isEqualTo("citizen-123");
		assertThat(this.provider.jwksRequests()).isEqualTo(2);
	}

	@Test
	void verifyWhenJwksUnavailableOnFirstUseThenClientException() {
		this.provider.jwksStatus(503);
		this.client = this.provider.client().build();
		String token = this.provider.accessToken().sign();

		assertThatThrownBy(() -> this.client.verifyAccessToken(token)).isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("HTTP 503");
	}

	@Test
	void ttlWhenCacheControlGivenThenClampedToFloorAndCeiling() {
		JwksCache cache = new JwksCache(() -> null, null, this.provider.clock(), new JwksCache.Settings(
				Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15), Duration.ofSeconds(30)), null);

		assertThat(cache.ttl("public, max-age=5")).isEqualTo(Duration.ofMinutes(1));
		assertThat(cache.ttl("max-age=600")).isEqualTo(Duration.ofMinutes(10));
		assertThat(cache.ttl("max-age=999999")).isEqualTo(Duration.ofHours(1));
		assertThat(cache.ttl("no-store")).isEqualTo(Duration.ofMinutes(1));
		assertThat(cache.ttl("")).isEqualTo(Duration.ofMinutes(15));
	}

}
