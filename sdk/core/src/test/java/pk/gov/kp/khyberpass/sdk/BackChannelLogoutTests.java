package pk.gov.kp.khyberpass.sdk;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Back-channel logout token validation (OIDC Back-Channel Logout 1.0 §2.6).
 */
class BackChannelLogoutTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final KhyberPassClient client = this.provider.client().build();

	@AfterEach
	void stop() {
		this.client.close();
		this.provider.close();
	}

	@Test
	void verifyLogoutTokenWhenValidThenSubjectAndSession() {
		VerifiedLogoutToken token = this.client.verifyLogoutToken(this.provider.logoutToken("jti-1").sign());

		assertThat(token.subject()).contains("citizen-123");
		assertThat(token.sessionId()).contains("session-1");
		assertThat(token.jwtId()).isEqualTo("jti-1");
	}

	@Test
	void verifyLogoutTokenWhenUntypedThenAccepted() {
		VerifiedLogoutToken token = this.client.verifyLogoutToken(this.provider.logoutToken("jti-1").typ(null).sign());

		assertThat(token.jwtId()).isEqualTo("jti-1");
	}

	@Test
	void verifyLogoutTokenWhenReplayedThenRejected() {
		String logoutToken = this.provider.logoutToken("jti-1").sign();
		this.client.verifyLogoutToken(logoutToken);

		assertThatThrownBy(() -> this.client.verifyLogoutToken(logoutToken)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.REPLAY));
	}

	@Test
	void verifyLogoutTokenWhenNonceThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").claim("nonce", "n-1").sign(), Reason.NONCE);
	}

	@Test
	void verifyLogoutTokenWhenEventMissingThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").claim("events", null).sign(), Reason.LOGOUT_EVENT);
	}

	@Test
	void verifyLogoutTokenWhenOtherEventThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1")
			.claim("events", Map.of("https://schemas.openid.net/secevent/risc/event-type/account-disabled", Map.of()))
			.sign(), Reason.LOGOUT_EVENT);
	}

	@Test
	void verifyLogoutTokenWhenNeitherSubNorSidThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").claim("sub", null).claim("sid", null).sign(),
				Reason.MISSING_CLAIM);
	}

	@Test
	void verifyLogoutTokenWhenJtiMissingThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").claim("jti", null).sign(), Reason.MISSING_CLAIM);
	}

	@Test
	void verifyLogoutTokenWhenAccessTokenTypeThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").typ("at+jwt").sign(), Reason.TYPE);
	}

	@Test
	void verifyLogoutTokenWhenOtherAudienceThenRejected() {
		assertRejected(this.provider.logoutToken("jti-1").claim("aud", "other-app").sign(), Reason.AUDIENCE);
	}

	@Test
	void verifyLogoutTokenWhenIdTokenPresentedThenRejected() {
		assertRejected(this.provider.idToken("n-1").sign(), Reason.LOGOUT_EVENT);
	}

	@Test
	void firstUseWhenEntryExpiredThenIdAcceptedAgainAndCacheStaysBounded() {
		TestClock clock = new TestClock(TestOpenIdProvider.START);
		InMemoryReplayStore cache = new InMemoryReplayStore(clock, 100);
		assertThat(cache.firstUse("jti-1", clock.instant().plusSeconds(120))).isTrue();
		clock.advance(Duration.ofSeconds(121));

		assertThat(cache.firstUse("jti-1", clock.instant().plusSeconds(120))).isTrue();
		for (int i = 0; i < 500; i++) {
			cache.firstUse("flood-" + i, clock.instant().plusSeconds(120));
		}
		assertThat(cache.size()).isEqualTo(100);
	}

	private void assertRejected(String logoutToken, Reason reason) {
		assertThatThrownBy(() -> this.client.verifyLogoutToken(logoutToken))
			.isInstanceOfSatisfying(InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
