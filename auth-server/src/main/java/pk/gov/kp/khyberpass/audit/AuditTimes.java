package pk.gov.kp.khyberpass.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one textual form of instants in the audit chain: UTC, always six fractional digits.
 */
final class AuditTimes {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditTimes() {
	}

	static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
