package pk.gov.kp.khyberpass.admin;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import pk.gov.kp.khyberpass.account.AccountId;
import pk.gov.kp.khyberpass.oidc.OidcProperties;
import pk.gov.kp.khyberpass.testsupport.ClockedEphemeralStore;
import pk.gov.kp.khyberpass.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenCutoffTests {

	private static final AccountId ADMIN = new AccountId(UUID.fromString("7b0e8c1e-2f4a-4d6b-9a51-3c7f1e2d4a10"));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));

	private final AccessTokenCutoff cutoff = new AccessTokenCutoff(new ClockedEphemeralStore(this.clock),
			new OidcProperties(URI.create("https://id.kp.gov.pk"), Duration.ofMinutes(5), Duration.ofSeconds(60),
					Duration.ofSeconds(30)),
			this.clock);

	@Test
	void isCutOffWhenNoSignOutThenFalse() {
		assertThat(this.cutoff.isCutOff(token(this.clock.instant()))).isFalse();
	}

	@Test
	void isCutOffWhenIssuedAtOrBeforeSignOutThenTrue() {
		Jwt earlier = token(this.clock.instant().minusSeconds(60));
		Jwt sameSecond = token(this.clock.instant());

		this.cutoff.cutOff(ADMIN);

		assertThat(this.cutoff.isCutOff(earlier)).isTrue();
		assertThat(this.cutoff.isCutOff(sameSecond)).isTrue();
	}

	@Test
	void isCutOffWhenIssuedAfterSignOutThenFalse() {
		this.cutoff.cutOff(ADMIN);
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.cutoff.isCutOff(token(this.clock.instant()))).isFalse();
	}

	@Test
	void isCutOffWhenLongestClientLifetimeNotOverThenStillTrue() {
		// a client may have its own access-token lifetime of up to an hour
		Jwt earlier = token(this.clock.instant());
		this.cutoff.cutOff(ADMIN);

		this.clock.advance(Duration.ofMinutes(60));

		assertThat(this.cutoff.isCutOff(earlier)).isTrue();
	}

	@Test
	void isCutOffWhenMarkerOutlivedTheLongestAccessTokenLifetimeThenForgotten() {
		Jwt earlier = token(this.clock.instant());
		this.cutoff.cutOff(ADMIN);

		this.clock.advance(Duration.ofMinutes(62));

		assertThat(this.cutoff.isCutOff(earlier)).isFalse();
	}

	private static Jwt token(Instant issuedAt) {
		return new Jwt("token", issuedAt, issuedAt.plusSeconds(300), Map.of("alg", "ES256"),
				Map.of("sub", ADMIN.toString()));
	}

}
