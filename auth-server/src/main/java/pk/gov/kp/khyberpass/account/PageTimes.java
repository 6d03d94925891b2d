package pk.gov.kp.khyberpass.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Formats moments for the account pages in Pakistan time and the citizen's language.
 */
public final class PageTimes {

	private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");

	private final DateTimeFormatter formatter;

	public PageTimes(Locale locale) {
		this.formatter = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(PAKISTAN);
	}

	public String format(Instant instant) {
		return this.formatter.format(instant);
	}

}
