package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.RecordedRequest;
import pk.gov.kp.khyberpass.sdk.TestOpenIdProvider.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renewals shared by two nodes (two clients) through one {@link SessionRenewals} store,
 * against a token endpoint that rotates refresh tokens and revokes the sign-in when a
 * spent one comes back, as Khyber Pass does: one node presents the refresh token and the
 * other takes its outcome (new tokens or the end of the sign-in); what happens when the
 * presenting node fails, is slow, or the store is down; and what the store holds. Without
 * a store (the default) the second node presents the spent token and the sign-in is
 * revoked.
 */
class SharedSessionRenewalTests {

	private static final URI REDIRECT = URI.create("https://vehicles.kp.gov.pk/login/callback");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final FakeSessionRenewals store = new FakeSessionRenewals(this.provider.clock());

	private final List<KhyberPassClient> clients = new ArrayList<>();

	private final KhyberPassClient nodeA = node();

	private final KhyberPassClient nodeB = node();

	private final AtomicInteger issued = new AtomicInteger();

	private final Map<String, Boolean> liveRefreshTokens = new ConcurrentHashMap<>();

	private volatile boolean revoked;

	private volatile Function<RecordedRequest, Response> refreshes = this::rotate;

	@AfterEach
	void stop() {
		this.clients.forEach(KhyberPassClient::close);
		this.provider.close();
	}

	@Test
	void refreshIfExpiringWhenTwoNodesRenewAtOnceThenOneTokenRequestAndBothGetTheSameTokens() throws Exception {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.provider.tokenDelay(Duration.ofMillis(300));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<SessionTokens> onA = pool.submit(() -> {
				start.await();
				return this.nodeA.refreshIfExpiring(tokens);
			});
			Future<SessionTokens> onB = pool.submit(() -> {
				start.await();
				return this.nodeB.refreshIfExpiring(tokens);
			});

			start.countDown();

			assertThat(onA.get().accessToken()).isEqualTo("access-2").isEqualTo(onB.get().accessToken());
			assertThat(onA.get().refreshToken()).isEqualTo("refresh-2").isEqualTo(onB.get().refreshToken());
			assertThat(onB.get().expiresAt()).isEqualTo(onA.get().expiresAt());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(refreshRequests()).containsExactly("refresh-1");
		assertThat(this.revoked).isFalse();
		assertThat(this.store.holds).allMatch(Duration.ofSeconds(20)::equals);
		assertThat(this.store.keeps).containsExactly(SessionTokenRefresher.REMEMBER_ROTATION);
	}

	@Test
	void refreshIfExpiringWhenAnotherNodeRenewedThenItsTokensWithoutPresentingTheSpentToken() {
		SessionTokens stale = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		SessionTokens renewed = this.nodeA.refreshIfExpiring(stale);
		this.provider.clock().advance(Duration.ofSeconds(5));

		SessionTokens onB = this.nodeB.refreshIfExpiring(stale);

		assertThat(onB.accessToken()).isEqualTo(renewed.accessToken());
		assertThat(onB.refreshToken()).isEqualTo("refresh-2");
		assertThat(this.nodeB.refreshIfExpiring(onB)).isSameAs(onB);
		assertThat(refreshRequests()).containsExactly("refresh-1");
		assertThat(this.revoked).isFalse();
	}

	@Test
	void refreshIfExpiringWhenPerNodeDefaultThenSpentTokenPresentedAgainAndSignInRevoked() {
		KhyberPassClient alone = this.provider.client().build();
		KhyberPassClient otherAlone = this.provider.client().build();
		this.clients.addAll(List.of(alone, otherAlone));
		SessionTokens stale = signIn(alone);
		this.provider.clock().advance(Duration.ofSeconds(290));
		alone.refreshIfExpiring(stale);

		assertThatThrownBy(() -> otherAlone.refreshIfExpiring(stale)).isInstanceOf(SignInRequiredException.class);
		assertThat(refreshRequests()).containsExactly("refresh-1", "refresh-1");
		assertThat(this.revoked).isTrue();
	}

	@Test
	void refreshIfExpiringWhenKhyberPassRefusesOnOneNodeThenOtherNodeSignInRequiredWithoutRequest() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.refreshes = (request) -> Response.json(400, Map.of("error", "invalid_grant"));
		assertThatThrownBy(() -> this.nodeA.refreshIfExpiring(tokens)).isInstanceOf(SignInRequiredException.class);

		assertThatThrownBy(() -> this.nodeB.refreshIfExpiring(tokens)).isInstanceOf(SignInRequiredException.class)
			.hasMessageContaining("invalid_grant")
			.hasMessageNotContaining("refresh-1");
		assertThat(refreshRequests()).hasSize(1);
	}

	@Test
	void refreshIfExpiringWhenKhyberPassDownThenNodesKeepCurrentTokensAndOneRetriesAfterThePause() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.refreshes = (request) -> Response.json(503, Map.of());
		assertThat(this.nodeA.refreshIfExpiring(tokens)).isSameAs(tokens);

		SessionTokens onB = this.nodeB.refreshIfExpiring(tokens);
		this.refreshes = this::rotate;
		this.provider.clock().advance(SharedRenewal.RETRY_AFTER.plusSeconds(1));
		SessionTokens later = this.nodeB.refreshIfExpiring(tokens);

		assertThat(onB).isSameAs(tokens);
		assertThat(later.accessToken()).isEqualTo("access-2");
		assertThat(refreshRequests()).hasSize(2);
	}

	@Test
	void refreshIfExpiringWhenAnotherNodeHoldsTheClaimAndNeverPublishesThenCurrentTokensWithoutRequest() {
		KhyberPassClient impatient = node(Duration.ofMillis(200));
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.store.claimElsewhere("refresh-1");
		long started = System.nanoTime();

		SessionTokens result = impatient.refreshIfExpiring(tokens);

		assertThat(result).isSameAs(tokens);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(190),
				Duration.ofSeconds(3));
		assertThat(refreshRequests()).isEmpty();
	}

	@Test
	void refreshIfExpiringWhenAnotherNodeHoldsTheClaimAndTokenExpiredThenClientExceptionNotSignInRequired() {
		KhyberPassClient impatient = node(Duration.ofMillis(200));
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(301));
		this.store.claimElsewhere("refresh-1");

		assertThatThrownBy(() -> impatient.refreshIfExpiring(tokens)).isInstanceOf(KhyberPassClientException.class)
			.isNotInstanceOf(SignInRequiredException.class)
			.hasMessageContaining("Another node");
		assertThat(refreshRequests()).isEmpty();
	}

	@Test
	void refreshIfExpiringWhenStoreDownThenRenewedOnThisNodeAlone() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.store.down = true;

		SessionTokens result = this.nodeA.refreshIfExpiring(tokens);

		assertThat(result.accessToken()).isEqualTo("access-2");
		assertThat(refreshRequests()).containsExactly("refresh-1");
	}

	@Test
	void refreshIfExpiringWhenStoreFailsWhileWaitingThenCurrentTokensAndTokenNotPresented() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.store.claimElsewhere("refresh-1");
		this.store.downAfterRefusedClaim = true;

		SessionTokens result = this.nodeB.refreshIfExpiring(tokens);

		assertThat(result).isSameAs(tokens);
		assertThat(refreshRequests()).isEmpty();
	}

	@Test
	void refreshIfExpiringWhenRenewedThenStoreHoldsNoTokenAndOutcomeOpensOnlyWithTheOldRefreshToken() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));

		this.nodeA.refreshIfExpiring(tokens);

		assertThat(this.store.contents()).doesNotContain("access-1", "access-2", "refresh-1", "refresh-2");
		String sealed = this.store.rawOutcome("refresh-1").orElseThrow();
		assertThat(sealed.split("\\.")).hasSize(5);
		assertThatThrownBy(() -> RenewalSeal.of("refresh-2").open(sealed, tokens))
			.isInstanceOf(KhyberPassClientException.class)
			.hasMessageNotContaining("refresh-1")
			.hasMessageNotContaining("refresh-2");
	}

	@Test
	void refreshIfExpiringWhenOutcomeTamperedThenCurrentTokensWithoutPresentingTheToken() {
		SessionTokens tokens = signIn(this.nodeA);
		this.provider.clock().advance(Duration.ofSeconds(290));
		String forged = RenewalSeal.of("someone-elses-token")
			.seal(new RenewalOutcome.Refused(new SignInRequiredException("forged")));
		this.store.overwrite("refresh-1", forged);

		SessionTokens result = this.nodeB.refreshIfExpiring(tokens);

		assertThat(result).isSameAs(tokens);
		assertThat(refreshRequests()).isEmpty();
	}

	private KhyberPassClient node() {
		return node(Duration.ofSeconds(5));
	}

	private KhyberPassClient node(Duration wait) {
		KhyberPassClient client = this.provider.client().sessionRenewals(this.store).sessionRenewalWait(wait).build();
		this.clients.add(client);
		return client;
	}

	/** Signs in on this node; later grants go to the rotating handler. */
	private SessionTokens signIn(KhyberPassClient client) {
		PendingAuthorization pending = client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> {
			if (!"authorization_code".equals(request.form().get("grant_type"))) {
				return this.refreshes.apply(request);
			}
			Map<String, Object> json = tokensJson();
			json.put("id_token", this.provider.idToken(pending.nonce()).sign());
			return Response.json(200, json);
		});
		Map<String, String> callback = Map.of("code", "code-1", "state", pending.state(), "iss",
				this.provider.issuer());
		return client.sessionTokens(client.exchangeCode(callback, pending));
	}

	/** As Khyber Pass: each refresh token works once; a spent one revokes the sign-in. */
	private Response rotate(RecordedRequest request) {
		if (this.revoked || this.liveRefreshTokens.remove(request.form().getOrDefault("refresh_token", "")) == null) {
			this.revoked = true;
			return Response.json(400, Map.of("error", "invalid_grant"));
		}
		return Response.json(200, tokensJson());
	}

	private Map<String, Object> tokensJson() {
		int n = this.issued.incrementAndGet();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", "access-" + n);
		json.put("token_type", "Bearer");
		json.put("expires_in", 300);
		json.put("refresh_token", "refresh-" + n);
		this.liveRefreshTokens.put("refresh-" + n, Boolean.TRUE);
		return json;
	}

	/** The refresh tokens presented, in order. */
	private List<String> refreshRequests() {
		return this.provider.tokenRequests()
			.stream()
			.filter((request) -> "refresh_token".equals(request.form().get("grant_type")))
			.map((request) -> request.form().get("refresh_token"))
			.toList();
	}

}
