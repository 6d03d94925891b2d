package pk.gov.kp.khyberpass.audit;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import pk.gov.kp.khyberpass.testsupport.KhyberPassIntegrationTest;

/**
 * The dashboard's counting query on PostgreSQL, with entries appended to the real chain;
 * the same cases as {@code AuditCountsTests} on H2.
 */
@KhyberPassIntegrationTest
class AuditCountsIT {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditCounts counts;

	@Test
	void countWhenEntriesOnBucketBoundariesThenEachInTheBucketItStarts() {
		AuditCountsCases.onBoundaries(this.counts, this::append);
	}

	@Test
	void countWhenPeriodStartsInsideTheFirstBucketThenEarlierEntriesLeftOut() {
		AuditCountsCases.periodInsideFirstBucket(this.counts, this::append);
	}

	@Test
	void countWhenBucketsAreDaysThenUtcDays() {
		AuditCountsCases.utcDays(this.counts, this::append);
	}

	private void append(AuditEventType type, Instant at) {
		this.auditLog.record(new AuditEvent(type, "audit-counts-it", "audit-counts-it", null, at, Map.of()));
	}

}
