package pk.gov.kp.khyberpass.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import pk.gov.kp.khyberpass.audit.AuditCounts.BucketCount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's counting query on H2 in PostgreSQL mode (the development default);
 * {@code AuditCountsIT} runs the same cases on PostgreSQL.
 */
class AuditCountsTests {

	@Test
	void countWhenEntriesOnBucketBoundariesThenEachInTheBucketItStarts() {
		DataSource h2 = migratedH2();
		AuditCountsCases.onBoundaries(new AuditCounts(jdbc(h2)), rowWriter(h2));
	}

	@Test
	void countWhenPeriodStartsInsideTheFirstBucketThenEarlierEntriesLeftOut() {
		DataSource h2 = migratedH2();
		AuditCountsCases.periodInsideFirstBucket(new AuditCounts(jdbc(h2)), rowWriter(h2));
	}

	@Test
	void countWhenBucketsAreDaysThenUtcDays() {
		DataSource h2 = migratedH2();
		AuditCountsCases.utcDays(new AuditCounts(jdbc(h2)), rowWriter(h2));
	}

	@Test
	void countWhenBucketsStartAfterThePeriodOrHaveNoWidthThenRefused() {
		AuditCounts counts = new AuditCounts(jdbc(migratedH2()));
		Instant from = Instant.parse("2001-01-01T00:00:00Z");

		assertThatThrownBy(() -> counts.count(from, from.plusSeconds(60), from.plusMillis(1), Duration.ofHours(1),
				EnumSet.of(AuditEventType.SIGN_IN_SUCCEEDED)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> counts.count(from, from.plusSeconds(60), from, Duration.ZERO,
				EnumSet.of(AuditEventType.SIGN_IN_SUCCEEDED)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void countWhenNoTypesThenNothingAsked() {
		Instant from = Instant.parse("2001-01-01T00:00:00Z");

		List<BucketCount> counted = new AuditCounts(jdbc(migratedH2())).count(from, from.plusSeconds(3600), from,
				Duration.ofHours(1), EnumSet.noneOf(AuditEventType.class));

		assertThat(counted).isEmpty();
	}

	private static DataSource migratedH2() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		return dataSource;
	}

	private static JdbcClient jdbc(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

	/** Rows written straight into the table: the counting query reads nothing else. */
	private static AuditCountsCases.Entries rowWriter(DataSource dataSource) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		long[] sequence = { 0 };
		return (type, at) -> jdbc.sql(
				"INSERT INTO audit_entry (sequence, occurred_at, type, actor, subject, details, prev_hash, entry_hash) "
						+ "VALUES (?, ?, ?, 'test', 'test', '{}', 'x', 'x')")
			.params(++sequence[0], OffsetDateTime.ofInstant(at, ZoneOffset.UTC), type.name())
			.update();
	}

}
