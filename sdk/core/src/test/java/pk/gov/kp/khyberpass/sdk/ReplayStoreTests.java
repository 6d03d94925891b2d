package pk.gov.kp.khyberpass.sdk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.sdk.InvalidTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pluggable store of logout token ids: per node by default, shared when given one,
 * and refusing (never accepting) when a shared store fails.
 */
class ReplayStoreTests {

	private final TestOpenIdProvider provider = TestOpenIdProvider.start();

	private final List<KhyberPassClient> nodes = new ArrayList<>();

	@AfterEach
	void stop() {
		this.nodes.forEach(KhyberPassClient::close);
		this.provider.close();
	}

	@Test
	void verifyLogoutTokenWhenSharedStoreThenReplayToAnotherNodeRefused() {
		ReplayStore shared = ReplayStore.inMemory(1000, this.provider.clock());
		KhyberPassClient nodeA = node(this.provider.client().logoutReplayStore(shared));
		KhyberPassClient nodeB = node(this.provider.client().logoutReplayStore(shared));
		String logoutToken = this.provider.logoutToken("jti-1").sign();
		nodeA.verifyLogoutToken(logoutToken);

		assertThatThrownBy(() -> nodeB.verifyLogoutToken(logoutToken)).isInstanceOfSatisfying(
				InvalidTokenException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.REPLAY));
	}

	@Test
	void verifyLogoutTokenWhenDefaultStoresThenEachNodeKnowsOnlyItsOwn() {
		KhyberPassClient nodeA = node(this.provider.client());
		KhyberPassClient nodeB = node(this.provider.client());
		String logoutToken = this.provider.logoutToken("jti-1").sign();
		nodeA.verifyLogoutToken(logoutToken);

		VerifiedLogoutToken replayed = nodeB.verifyLogoutToken(logoutToken);

		assertThat(replayed.jwtId()).isEqualTo("jti-1");
	}

	@Test
	void verifyLogoutTokenWhenStoreGivenThenKeptUntilExpiryPlusSkew() {
		List<Instant> expiries = new ArrayList<>();
		KhyberPassClient node = node(this.provider.client().logoutReplayStore((id, expiresAt) -> {
			expiries.add(expiresAt);
			return true;
		}));

		node.verifyLogoutToken(this.provider.logoutToken("jti-1").sign());

		assertThat(expiries).containsExactly(this.provider.clock().instant().plusSeconds(120 + 10));
	}

	@Test
	void verifyLogoutTokenWhenStoreFailsThenClientExceptionAndNotAccepted() {
		KhyberPassClient node = node(this.provider.client().logoutReplayStore((id, expiresAt) -> {
			throw new IllegalStateException("connection refused");
		}));

		assertThatThrownBy(() -> node.verifyLogoutToken(this.provider.logoutToken("jti-1").sign()))
			.isInstanceOf(KhyberPassClientException.class)
			.hasMessageContaining("replay store")
			.hasCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void inMemoryWhenFewerThanHundredEntriesThenClientException() {
		assertThatThrownBy(() -> ReplayStore.inMemory(99, this.provider.clock()))
			.isInstanceOf(KhyberPassClientException.class);
	}

	private KhyberPassClient node(KhyberPassClient.Builder builder) {
		KhyberPassClient client = builder.build();
		this.nodes.add(client);
		return client;
	}

}
