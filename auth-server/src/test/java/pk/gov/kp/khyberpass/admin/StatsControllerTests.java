package pk.gov.kp.khyberpass.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import pk.gov.kp.khyberpass.audit.AuditCounts;
import pk.gov.kp.khyberpass.audit.AuditEventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class StatsControllerTests {

	private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");

	private final AuditCounts counts = mock(AuditCounts.class);

	private final StatsController controller = new StatsController(this.counts, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	@SuppressWarnings("unchecked")
	void statsWhenEventsThenCountedPerHourAndSeries() {
		given(this.counts.count(eq(Instant.parse("2026-03-10T10:00:00Z")), eq(NOW),
				eq(Instant.parse("2026-03-10T10:00:00Z")), eq(Duration.ofHours(1)), any()))
			.willReturn(List.of(new AuditCounts.BucketCount(1, AuditEventType.SIGN_IN_SUCCEEDED, 2),
					new AuditCounts.BucketCount(2, AuditEventType.PASSKEY_ASSERTION_FAILED, 1),
					new AuditCounts.BucketCount(2, AuditEventType.SIGN_IN_FAILED, 3),
					new AuditCounts.BucketCount(2, AuditEventType.ACCOUNT_LOCKED, 1),
					new AuditCounts.BucketCount(2, AuditEventType.SECOND_FACTOR_SUCCEEDED, 1)));

		Map<String, Object> stats = this.controller.stats("2026-03-10T10:00:00Z", null, "hour");

		assertThat((List<String>) stats.get("buckets")).containsExactly("2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z",
				"2026-03-10T12:00:00Z");
		Map<String, List<Long>> series = (Map<String, List<Long>>) stats.get("series");
		assertThat(series.get("signIns")).containsExactly(0L, 2L, 0L);
		assertThat(series.get("failures")).containsExactly(0L, 0L, 4L);
		assertThat(series.get("locks")).containsExactly(0L, 0L, 1L);
		assertThat(series.get("mfa")).containsExactly(0L, 0L, 1L);
	}

	@Test
	void statsWhenPeriodStartsInsideADayThenBucketsStartAtMidnightUtcAndOnlyThePeriodCounts() {
		this.controller.stats("2026-03-08T19:30:00Z", null, "day");

		then(this.counts).should()
			.count(eq(Instant.parse("2026-03-08T19:30:00Z")), eq(NOW), eq(Instant.parse("2026-03-08T00:00:00Z")),
					eq(Duration.ofDays(1)),
					eq(EnumSet.of(AuditEventType.SIGN_IN_SUCCEEDED, AuditEventType.SIGN_IN_FAILED,
							AuditEventType.SECOND_FACTOR_FAILED, AuditEventType.PASSKEY_ASSERTION_FAILED,
							AuditEventType.SIGN_IN_LOCKED, AuditEventType.ACCOUNT_LOCKED,
							AuditEventType.SECOND_FACTOR_SUCCEEDED)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void statsWhenNoPeriodThenLastFourteenDaysByDay() {
		Map<String, Object> stats = this.controller.stats(null, null, "day");

		assertThat((List<String>) stats.get("buckets")).hasSize(15).startsWith("2026-02-24T00:00:00Z");
		assertThat(stats.get("to")).isEqualTo(NOW.toString());
	}

	@Test
	void statsWhenBadInputThenInvalidField() {
		assertThatThrownBy(() -> this.controller.stats(null, null, "week")).isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("bucket");
		assertThatThrownBy(() -> this.controller.stats("yesterday", null, "hour"))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("from");
		assertThatThrownBy(() -> this.controller.stats("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "day"))
			.isInstanceOf(InvalidFieldException.class)
			.hasMessageContaining("31 days");
		assertThatThrownBy(() -> this.controller.stats("2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z", "day"))
			.isInstanceOf(InvalidFieldException.class);
	}

}
