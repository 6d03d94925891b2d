package pk.gov.kp.khyberpass.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import pk.gov.kp.khyberpass.audit.AuditCounts.BucketCount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bucket-boundary cases of {@link AuditCounts}, run on H2 ({@code AuditCountsTests})
 * and on PostgreSQL ({@code AuditCountsIT}). Each case uses its own year, far from any
 * other test's entries.
 */
final class AuditCountsCases {

	private static final EnumSet<AuditEventType> COUNTED = EnumSet.of(AuditEventType.SIGN_IN_SUCCEEDED,
			AuditEventType.SIGN_IN_FAILED);

	private AuditCountsCases() {
	}

	/** Writes one entry of {@code type} at {@code at}. */
	@FunctionalInterface
	interface Entries {

		void add(AuditEventType type, Instant at);

	}

	/**
	 * Hour buckets from 2001-01-01T10:00Z: an entry exactly on an hour goes to the hour
	 * it starts.
	 */
	static void onBoundaries(AuditCounts counts, Entries entries) {
		Instant first = Instant.parse("2001-01-01T10:00:00Z");
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, first);
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2001-01-01T10:59:59.999999Z"));
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2001-01-01T11:00:00Z"));
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2001-01-01T11:00:00Z"));
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2001-01-01T12:59:59.999999Z"));
		// not counted: before the period, at its exclusive end, and a type not asked for
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2001-01-01T09:59:59.999999Z"));
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2001-01-01T13:00:00Z"));
		entries.add(AuditEventType.ACCOUNT_LOCKED, Instant.parse("2001-01-01T11:30:00Z"));

		List<BucketCount> counted = counts.count(first, Instant.parse("2001-01-01T13:00:00Z"), first,
				Duration.ofHours(1), COUNTED);

		assertThat(counted).containsExactlyInAnyOrder(new BucketCount(0, AuditEventType.SIGN_IN_SUCCEEDED, 2),
				new BucketCount(1, AuditEventType.SIGN_IN_SUCCEEDED, 1),
				new BucketCount(1, AuditEventType.SIGN_IN_FAILED, 1),
				new BucketCount(2, AuditEventType.SIGN_IN_FAILED, 1));
	}

	/**
	 * The period starts at 10:30, its first bucket at 10:00: what happened from 10:00 to
	 * 10:30 is left out.
	 */
	static void periodInsideFirstBucket(AuditCounts counts, Entries entries) {
		Instant first = Instant.parse("2002-01-01T10:00:00Z");
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2002-01-01T10:29:59Z"));
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2002-01-01T10:30:00Z"));
		entries.add(AuditEventType.SIGN_IN_SUCCEEDED, Instant.parse("2002-01-01T11:15:00Z"));

		List<BucketCount> counted = counts.count(Instant.parse("2002-01-01T10:30:00Z"),
				Instant.parse("2002-01-01T11:20:00Z"), first, Duration.ofHours(1), COUNTED);

		assertThat(counted).containsExactlyInAnyOrder(new BucketCount(0, AuditEventType.SIGN_IN_SUCCEEDED, 1),
				new BucketCount(1, AuditEventType.SIGN_IN_SUCCEEDED, 1));
	}

	/**
	 * Day buckets are UTC days: 23:59:59 and 00:00:00 fall on different days whatever the
	 * database's zone.
	 */
	static void utcDays(AuditCounts counts, Entries entries) {
		Instant first = Instant.parse("2003-03-01T00:00:00Z");
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2003-03-01T23:59:59Z"));
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2003-03-02T00:00:00Z"));
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2003-03-02T18:59:59Z"));
		entries.add(AuditEventType.SIGN_IN_FAILED, Instant.parse("2003-03-02T19:00:00Z"));

		List<BucketCount> counted = counts.count(first, Instant.parse("2003-03-04T00:00:00Z"), first,
				Duration.ofDays(1), COUNTED);

		assertThat(counted).containsExactlyInAnyOrder(new BucketCount(0, AuditEventType.SIGN_IN_FAILED, 1),
				new BucketCount(1, AuditEventType.SIGN_IN_FAILED, 3));
	}

}
