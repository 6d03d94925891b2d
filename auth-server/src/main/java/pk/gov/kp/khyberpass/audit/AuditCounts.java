package pk.gov.kp.khyberpass.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts events of some types per time bucket, for the admin dashboard. The database
 * groups and counts ({@code GROUP BY} bucket and type over {@code audit_entry}, served by
 * its {@code occurred_at} index), so a busy month costs one row per bucket and type, not
 * one per sign-in. Only counts leave the log: no actor, subject or detail.
 */
@Component
public class AuditCounts {

	/*
	 * The buckets are given as a VALUES list of [start, end) pairs and joined to the
	 * entries by range: no time arithmetic in SQL, so the result depends neither on the
	 * database session's time zone (Pakistan is UTC+5, so its days are not UTC days) nor
	 * on how the database rounds a division, and the same statement runs on PostgreSQL
	 * and on H2 in PostgreSQL mode. PostgreSQL answers it with one range scan of the
	 * occurred_at index per bucket.
	 */
	private static final String COUNT = """
			SELECT b.n, e.type, COUNT(*)
			FROM (VALUES %s) AS b (n, bucket_start, bucket_end)
			JOIN audit_entry e ON e.occurred_at >= b.bucket_start AND e.occurred_at < b.bucket_end
			WHERE e.occurred_at >= ? AND e.occurred_at < ? AND e.type IN (%s)
			GROUP BY b.n, e.type
			""";

	/**
	 * At most 31 days of hours, with room: a guard against a runaway statement, not a
	 * product limit.
	 */
	static final int MAX_BUCKETS = 1000;

	private final JdbcClient jdbc;

	AuditCounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many entries of each of {@code types} fall in each bucket: bucket {@code n}
	 * covers {@code [first + n * width, first + (n + 1) * width)}, and only entries in
	 * {@code [from, to)} count. Buckets and types without entries are left out.
	 * @param from inclusive lower bound of the entries' time, not before {@code first}
	 * @param to exclusive upper bound of the entries' time
	 * @param first where bucket 0 starts
	 * @param width the length of every bucket
	 * @param types the event types to count
	 */
	public List<BucketCount> count(Instant from, Instant to, Instant first, Duration width,
			Collection<AuditEventType> types) {
		if (width.isNegative() || width.isZero() || from.isBefore(first)) {
			throw new IllegalArgumentException("Buckets must have a width and start at or before from");
		}
		if (types.isEmpty() || !from.isBefore(to)) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		List<String> buckets = new ArrayList<>();
		for (Instant start = first; start.isBefore(to); start = start.plus(width)) {
			if (buckets.size() == MAX_BUCKETS) {
				throw new IllegalArgumentException("At most " + MAX_BUCKETS + " buckets");
			}
			params.add(buckets.size());
			params.add(utc(start));
			params.add(utc(start.plus(width)));
			buckets
				.add("(CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))");
		}
		params.add(utc(from));
		params.add(utc(to));
		types.forEach((type) -> params.add(type.name()));
		String marks = String.join(", ", types.stream().map((type) -> "?").toList());
		return this.jdbc.sql(COUNT.formatted(String.join(", ", buckets), marks))
			.params(params)
			.query((rs, row) -> new BucketCount(rs.getInt(1), AuditEventType.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/**
	 * How many entries of one type fell in one bucket.
	 *
	 * @param bucket the bucket's index, from 0
	 * @param type the event type
	 * @param count how many entries
	 */
	public record BucketCount(int bucket, AuditEventType type, long count) {
	}

}
