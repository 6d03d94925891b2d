package pk.gov.kp.khyberpass.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import pk.gov.kp.khyberpass.audit.AuditCounts;
import pk.gov.kp.khyberpass.audit.AuditEventType;

/**
 * Counts for the console's dashboard: sign-ins, failures, locks and second-factor use per
 * hour or per day (UTC), counted by the database over the audit log
 * ({@link AuditCounts}). Aggregates only, so every admin role may read them.
 */
@RestController
final class StatsController {

	/** The longest period one request may cover. */
	static final Duration MAX_PERIOD = Duration.ofDays(31);

	static final Map<String, Set<AuditEventType>> SERIES = series();

	private final AuditCounts counts;

	private final Clock clock;

	StatsController(AuditCounts counts, Clock clock) {
		this.counts = counts;
		this.clock = clock;
	}

	@GetMapping("/admin/api/stats")
	Map<String, Object> stats(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "hour") String bucket) {
		ChronoUnit unit = switch (bucket) {
			case "hour" -> ChronoUnit.HOURS;
			case "day" -> ChronoUnit.DAYS;
			default -> throw new InvalidFieldException("bucket", "bucket must be hour or day");
		};
		Instant end = (to != null) ? instant("to", to) : this.clock.instant();
		Instant start = (from != null) ? instant("from", from)
				: end.minus((unit == ChronoUnit.HOURS) ? Duration.ofHours(24) : Duration.ofDays(14));
		if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
			throw new InvalidFieldException("from", "from must be before to, at most 31 days apart");
		}
		Instant first = start.truncatedTo(unit);
		List<Instant> buckets = new ArrayList<>();
		for (Instant at = first; at.isBefore(end); at = at.plus(1, unit)) {
			buckets.add(at);
		}
		Map<String, long[]> values = new LinkedHashMap<>();
		SERIES.keySet().forEach((name) -> values.put(name, new long[buckets.size()]));
		EnumSet<AuditEventType> types = EnumSet.noneOf(AuditEventType.class);
		SERIES.values().forEach(types::addAll);
		for (AuditCounts.BucketCount counted : this.counts.count(start, end, first, unit.getDuration(), types)) {
			SERIES.forEach((name, members) -> {
				if (members.contains(counted.type()) && counted.bucket() >= 0 && counted.bucket() < buckets.size()) {
					values.get(name)[counted.bucket()] += counted.count();
				}
			});
		}
		Map<String, Object> series = new LinkedHashMap<>();
		values.forEach((name, counted) -> series.put(name, java.util.Arrays.stream(counted).boxed().toList()));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("from", start.toString());
		result.put("to", end.toString());
		result.put("bucket", bucket);
		result.put("buckets", buckets.stream().map(Instant::toString).toList());
		result.put("series", series);
		return result;
	}

	private static Map<String, Set<AuditEventType>> series() {
		Map<String, Set<AuditEventType>> series = new LinkedHashMap<>();
		series.put("signIns", EnumSet.of(AuditEventType.SIGN_IN_SUCCEEDED));
		series.put("failures", EnumSet.of(AuditEventType.SIGN_IN_FAILED, AuditEventType.SECOND_FACTOR_FAILED,
				AuditEventType.PASSKEY_ASSERTION_FAILED));
		series.put("locks", EnumSet.of(AuditEventType.SIGN_IN_LOCKED, AuditEventType.ACCOUNT_LOCKED));
		series.put("mfa", EnumSet.of(AuditEventType.SECOND_FACTOR_SUCCEEDED));
		return java.util.Collections.unmodifiableMap(series);
	}

	private static Instant instant(String field, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidFieldException(field, field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
		}
	}

}
