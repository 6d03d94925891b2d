package pk.gov.kp.khyberpass.admin.console;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;

import pk.gov.kp.khyberpass.testsupport.ClockedEphemeralStore;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleTokenRefreshTests {

	private static final ClientRegistration REGISTRATION = ClientRegistration
		.withRegistrationId(ConsoleSecurityConfiguration.REGISTRATION_ID)
		.clientId("khyberpass-admin-console")
		.clientSecret("secret")
		.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
		.redirectUri("https://id.kp.gov.pk/admin/callback")
		.authorizationUri("https://id.kp.gov.pk/oauth2/authorize")
		.tokenUri("https://id.kp.gov.pk/oauth2/token")
		.build();

	private static final TestingAuthenticationToken ADMIN = new TestingAuthenticationToken("admin-account", null);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));

	private final ClockedEphemeralStore store = new ClockedEphemeralStore(this.clock);

	/** What the server was asked: the refresh tokens presented, in order. */
	private final List<String> presented = new CopyOnWriteArrayList<>();

	private final AtomicInteger issued = new AtomicInteger();

	/**
	 * The token endpoint: rotates the refresh token, a one-minute access token each time.
	 */
	private final OAuth2AuthorizedClientProvider server = (context) -> {
		this.presented.add(context.getAuthorizedClient().getRefreshToken().getTokenValue());
		int n = this.issued.incrementAndGet();
		return client("access-" + n, "refresh-" + n, this.clock.instant(), Duration.ofMinutes(1));
	};

	@Test
	void authorizeWhenAccessTokenFreshThenNothingToDo() {
		OAuth2AuthorizedClient fresh = client("access-0", "refresh-0", this.clock.instant(), Duration.ofMinutes(5));

		assertThat(refresh(this.server).authorize(context(fresh))).isNull();
		assertThat(this.presented).isEmpty();
	}

	@Test
	void authorizeWhenManyRequestsOnTwoNodesAtOnceThenOneRenewalThatAllUse() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		OAuth2AuthorizedClientProvider slowServer = (context) -> {
			await(release);
			return this.server.authorize(context);
		};
		ConsoleTokenRefresh nodeOne = refresh(slowServer);
		ConsoleTokenRefresh nodeTwo = refresh(slowServer);
		OAuth2AuthorizedClient expired = expired();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<OAuth2AuthorizedClient>> results = new ArrayList<>();

		for (int i = 0; i < 8; i++) {
			ConsoleTokenRefresh node = (i % 2 == 0) ? nodeOne : nodeTwo;
			results.add(pool.submit(() -> node.authorize(context(expired))));
		}
		Thread.sleep(200);
		release.countDown();

		for (Future<OAuth2AuthorizedClient> result : results) {
			OAuth2AuthorizedClient client = result.get(10, TimeUnit.SECONDS);
			assertThat(client.getAccessToken().getTokenValue()).isEqualTo("access-1");
			assertThat(client.getRefreshToken().getTokenValue()).isEqualTo("refresh-1");
			assertThat(client.getPrincipalName()).isEqualTo("admin-account");
		}
		pool.shutdown();
		assertThat(this.presented).containsExactly("refresh-0");
	}

	@Test
	void authorizeWhenSessionStillHoldsTheReplacedTokenThenTheStoredRenewalIsUsed() {
		ConsoleTokenRefresh refresh = refresh(this.server);
		OAuth2AuthorizedClient expired = expired();
		OAuth2AuthorizedClient renewed = refresh.authorize(context(expired));
		this.clock.advance(Duration.ofSeconds(30));

		OAuth2AuthorizedClient late = refresh(this.server).authorize(context(expired));

		assertThat(late.getAccessToken().getTokenValue()).isEqualTo(renewed.getAccessToken().getTokenValue());
		assertThat(late.getAccessToken().getExpiresAt()).isEqualTo(renewed.getAccessToken().getExpiresAt());
		assertThat(this.presented).containsExactly("refresh-0");
	}

	@Test
	void authorizeWhenStoredRenewalHasExpiredToThenRenewedWithItsRefreshTokenNotTheSpentOne() {
		ConsoleTokenRefresh refresh = refresh(this.server);
		OAuth2AuthorizedClient expired = expired();
		refresh.authorize(context(expired));
		this.clock.advance(Duration.ofSeconds(90));

		OAuth2AuthorizedClient late = refresh.authorize(context(expired));

		assertThat(late.getAccessToken().getTokenValue()).isEqualTo("access-2");
		assertThat(this.presented).containsExactly("refresh-0", "refresh-1");
	}

	@Test
	void authorizeWhenRenewalRefusedThenTheOtherRequestsFailWithoutSpendingTheTokenAgain() {
		OAuth2AuthorizedClientProvider refusing = (context) -> {
			this.presented.add(context.getAuthorizedClient().getRefreshToken().getTokenValue());
			throw new ClientAuthorizationException(new OAuth2Error("invalid_grant"), REGISTRATION.getRegistrationId());
		};
		OAuth2AuthorizedClient expired = expired();
		assertThatThrownBy(() -> refresh(refusing).authorize(context(expired)))
			.isInstanceOf(ClientAuthorizationException.class);

		assertThatThrownBy(() -> refresh(refusing).authorize(context(expired)))
			.isInstanceOf(ClientAuthorizationException.class)
			.hasMessageContaining("invalid_grant");
		assertThat(this.presented).containsExactly("refresh-0");
	}

	@Test
	void authorizeWhenRenewalStoredThenNoTokenInTheClear() {
		refresh(this.server).authorize(context(expired()));

		Set<String> keys = this.store.keys();
		assertThat(keys).hasSize(2).noneMatch((key) -> key.contains("refresh-") || key.contains("access-"));
		keys.forEach((key) -> assertThat(new String(this.store.get(key).orElseThrow(), StandardCharsets.ISO_8859_1))
			.doesNotContain("refresh-1", "access-1"));
	}

	private ConsoleTokenRefresh refresh(OAuth2AuthorizedClientProvider server) {
		return new ConsoleTokenRefresh(server, this.store, new SecureRandom(), this.clock);
	}

	/** A session whose access token expired a minute ago, holding {@code refresh-0}. */
	private OAuth2AuthorizedClient expired() {
		return client("access-0", "refresh-0", this.clock.instant().minus(Duration.ofMinutes(6)),
				Duration.ofMinutes(5));
	}

	private static OAuth2AuthorizedClient client(String access, String refresh, Instant issuedAt, Duration lifetime) {
		return new OAuth2AuthorizedClient(
				REGISTRATION, ADMIN.getName(), new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, access,
						issuedAt, issuedAt.plus(lifetime), Set.of("openid")),
				new OAuth2RefreshToken(refresh, issuedAt));
	}

	private static OAuth2AuthorizationContext context(OAuth2AuthorizedClient client) {
		return OAuth2AuthorizationContext.withAuthorizedClient(client).principal(ADMIN).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
