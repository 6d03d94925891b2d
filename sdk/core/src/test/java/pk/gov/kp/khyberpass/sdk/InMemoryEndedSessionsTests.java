package pk.gov.kp.khyberpass.sdk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryEndedSessionsTests {

	private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

	private final EndedSessions ended = EndedSessions.inMemory(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void isEndedWhenSessionIdRecordedThenOnlyThatSession() {
		this.ended.end(Optional.of("citizen-1"), Optional.of("sso-1"), NOW);

		assertThat(this.ended.isEnded("citizen-1", Optional.of("sso-1"), NOW.minusSeconds(60))).isTrue();
		assertThat(this.ended.isEnded("citizen-1", Optional.of("sso-2"), NOW.minusSeconds(60))).isFalse();
	}

	@Test
	void isEndedWhenSubjectOnlyRecordedThenSessionsBeganBeforeEndButLaterOnesLive() {
		this.ended.end(Optional.of("citizen-1"), Optional.empty(), NOW);

		assertThat(this.ended.isEnded("citizen-1", Optional.of("sso-1"), NOW.minusSeconds(60))).isTrue();
		assertThat(this.ended.isEnded("citizen-1", Optional.of("sso-9"), NOW.plusSeconds(1))).isFalse();
		assertThat(this.ended.isEnded("citizen-2", Optional.empty(), NOW.minusSeconds(60))).isFalse();
	}

	@Test
	void inMemoryWhenRetentionNotPositiveThenThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> EndedSessions.inMemory(Duration.ZERO, Clock.systemUTC()));
	}

}
