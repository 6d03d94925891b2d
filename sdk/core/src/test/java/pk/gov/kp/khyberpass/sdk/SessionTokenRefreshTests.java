package pk.gov.kp.khyberpass.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Renewing a sign-in's access token with its rotating refresh token: when, once per
 * refresh token (concurrent callers and stale copies of the session), and what a refusal
 * means.
 */
class SessionTokenRefreshTests {

	private static final URI REDIRECT = URI.create("https://vehicles.kp.gov.pk/login/callback");

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	private final AtomicInteger issued = new AtomicInteger();

	private volatile Function<RecordedRequest, Response> refreshes = (request) -> tokens(300);

	private volatile long signInLifetime = 300;

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void sessionTokensWhenSignedInThenRefreshTokenKeptButNeverShown() {
		SessionTokens tokens = signIn();

		assertThat(tokens.accessToken()).isEqualTo("access-1");
		assertThat(tokens.refreshable()).isTrue();
		assertThat(tokens.expiresAt()).contains(this.provider.clock().instant().plusSeconds(300));
		assertThat(tokens.toString()).doesNotContain("refresh-1").doesNotContain("access-1");
	}

	@Test
	void refreshIfExpiringWhenOutsideMarginThenSameTokensWithoutRequest() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(269));

		SessionTokens result = this.client.refreshIfExpiring(tokens);

		assertThat(result).isSameAs(tokens);
		assertThat(this.provider.tokenRequests()).hasSize(1);
	}

	@Test
	void refreshIfExpiringWhenWithinMarginThenRotatedTokens() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(271));

		SessionTokens first = this.client.refreshIfExpiring(tokens);
		this.provider.clock().advance(Duration.ofSeconds(300));
		SessionTokens second = this.client.refreshIfExpiring(first);

		assertThat(first.accessToken()).isEqualTo("access-2");
		assertThat(second.accessToken()).isEqualTo("access-3");
		assertThat(this.provider.tokenRequests()).extracting((request) -> request.form().get("refresh_token"))
			.containsExactly(null, "refresh-1", "refresh-2");
		assertThat(this.provider.tokenRequests().get(1).form()).containsEntry("grant_type", "refresh_token");
	}

	@Test
	void refreshIfExpiringWhenMarginConfiguredThenRefreshedThatEarly() {
		KhyberPassClient early = this.provider.client().sessionTokenRefreshMargin(Duration.ofMinutes(2)).build();
		SessionTokens tokens = signIn(early);
		this.provider.clock().advance(Duration.ofSeconds(181));

		SessionTokens result = early.refreshIfExpiring(tokens);

		assertThat(result.accessToken()).isEqualTo("access-2");
		early.close();
	}

	@Test
	void refreshIfExpiringWhenShortLivedTokenThenRefreshedAtHalfItsLife() {
		this.signInLifetime = 20;
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(9));
		assertThat(this.client.refreshIfExpiring(tokens)).isSameAs(tokens);
		this.provider.clock().advance(Duration.ofSeconds(1));

		SessionTokens result = this.client.refreshIfExpiring(tokens);

		assertThat(result.accessToken()).isEqualTo("access-2");
	}

	@Test
	void refreshIfExpiringWhenManyThreadsThenRefreshTokenPresentedOnce() throws Exception {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.provider.tokenDelay(Duration.ofMillis(300));
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<SessionTokens>> results = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return this.client.refreshIfExpiring(tokens);
				}));
			}
			start.countDown();

			for (Future<SessionTokens> result : results) {
				assertThat(result.get().accessToken()).isEqualTo("access-2");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.provider.tokenRequests()).hasSize(2);
	}

	@Test
	void refreshIfExpiringWhenStaleCopyAfterRotationThenRotatedTokensWithoutPresentingSpentToken() {
		SessionTokens stale = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		SessionTokens rotated = this.client.refreshIfExpiring(stale);
		this.provider.clock().advance(Duration.ofSeconds(5));

		SessionTokens result = this.client.refreshIfExpiring(stale);

		assertThat(result).isSameAs(rotated);
		assertThat(this.provider.tokenRequests()).hasSize(2);
	}

	@Test
	void refreshIfExpiringWhenStaleCopyLongAfterRotationThenPresentedAgain() {
		SessionTokens stale = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		this.client.refreshIfExpiring(stale);
		this.provider.clock().advance(SessionTokenRefresher.REMEMBER_ROTATION.plusSeconds(1));
		refreshAnswer((request) -> Response.json(400, Map.of("error", "invalid_grant")));

		assertThatThrownBy(() -> this.client.refreshIfExpiring(stale)).isInstanceOf(SignInRequiredException.class);
	}

	@Test
	void refreshIfExpiringWhenInvalidGrantThenSignInRequired() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		refreshAnswer((request) -> Response.json(400,
				Map.of("error", "invalid_grant", "error_description", "Refresh token family revoked")));

		assertThatThrownBy(() -> this.client.refreshIfExpiring(tokens))
			.isInstanceOfSatisfying(SignInRequiredException.class,
					(ex) -> assertThat(ex.getCause()).isInstanceOfSatisfying(OAuthErrorException.class,
							(cause) -> assertThat(cause.error()).isEqualTo("invalid_grant")))
			.hasMessageNotContaining("refresh-1");
	}

	@Test
	void refreshIfExpiringWhenKhyberPassDownAndTokenStillValidThenCurrentTokens() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		refreshAnswer((request) -> Response.json(503, Map.of()));

		SessionTokens result = this.client.refreshIfExpiring(tokens);

		assertThat(result).isSameAs(tokens);
	}

	@Test
	void refreshIfExpiringWhenKhyberPassDownAndTokenExpiredThenClientExceptionNotSignInRequired() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(301));
		refreshAnswer((request) -> Response.json(503, Map.of()));

		assertThatThrownBy(() -> this.client.refreshIfExpiring(tokens)).isInstanceOf(KhyberPassClientException.class)
			.isNotInstanceOf(SignInRequiredException.class);
	}

	@Test
	void refreshIfExpiringWhenNoRefreshTokenAndExpiredThenSignInRequired() {
		this.signInLifetime = -1;
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		assertThat(this.client.refreshIfExpiring(tokens)).isSameAs(tokens);
		this.provider.clock().advance(Duration.ofSeconds(10));

		assertThatThrownBy(() -> this.client.refreshIfExpiring(tokens)).isInstanceOf(SignInRequiredException.class);
		assertThat(this.provider.tokenRequests()).hasSize(1);
	}

	@Test
	void refreshIfExpiringWhenAnswerNamesAnotherSubjectThenSignInRequired() {
		SessionTokens tokens = signIn();
		this.provider.clock().advance(Duration.ofSeconds(290));
		refreshAnswer((request) -> {
			Map<String, Object> json = new LinkedHashMap<>(tokensJson(300));
			json.put("id_token",
					this.provider.idToken("unused").claim("nonce", null).claim("sub", "someone-else").sign());
			return Response.json(200, json);
		});

		assertThatThrownBy(() -> this.client.refreshIfExpiring(tokens)).isInstanceOf(SignInRequiredException.class);
	}

	@Test
	void ofAccessTokenWhenUsedThenNeverRefreshed() {
		SessionTokens tokens = SessionTokens.ofAccessToken("given-token");
		this.provider.clock().advance(Duration.ofDays(1));

		assertThat(this.client.refreshIfExpiring(tokens)).isSameAs(tokens);
		assertThat(tokens.refreshable()).isFalse();
		assertThat(this.provider.tokenRequests()).isEmpty();
	}

	private SessionTokens signIn() {
		return signIn(this.client);
	}

	/**
	 * The code exchange answers with an ID token for the pending nonce; later grants get
	 * the handler set.
	 */
	private SessionTokens signIn(KhyberPassClient client) {
		PendingAuthorization pending = client.authorizationRequest(REDIRECT).build().pending();
		this.provider.tokenEndpoint((request) -> {
			if (!"authorization_code".equals(request.form().get("grant_type"))) {
				return this.refreshes.apply(request);
			}
			Map<String, Object> json = new LinkedHashMap<>(tokensJson(this.signInLifetime));
			json.put("id_token", this.provider.idToken(pending.nonce()).sign());
			return Response.json(200, json);
		});
		Map<String, String> callback = Map.of("code", "code-1", "state", pending.state(), "iss",
				this.provider.issuer());
		return client.sessionTokens(client.exchangeCode(callback, pending));
	}

	/** Makes the next refresh requests answer this way. */
	private void refreshAnswer(Function<RecordedRequest, Response> answer) {
		this.refreshes = answer;
	}

	private Response tokens(long expiresIn) {
		return Response.json(200, tokensJson(expiresIn));
	}

	/** Numbered tokens; a negative lifetime: 300 seconds and no refresh token. */
	private Map<String, Object> tokensJson(long expiresIn) {
		int n = this.issued.incrementAndGet();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("access_token", "access-" + n);
		json.put("token_type", "Bearer");
		json.put("expires_in", (expiresIn < 0) ? 300 : expiresIn);
		if (expiresIn >= 0) {
			json.put("refresh_token", "refresh-" + n);
		}
		return json;
	}

}
