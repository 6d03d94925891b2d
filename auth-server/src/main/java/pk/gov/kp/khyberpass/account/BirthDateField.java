package pk.gov.kp.khyberpass.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The date of birth a citizen types at registration and in password recovery (field
 * {@code birthDate}): an ISO date, as the browser's date input sends it, not in the
 * future and not before 1900.
 */
public final class BirthDateField {

	/** The form field, and the request parameter. */
	public static final String FIELD = "birthDate";

	private BirthDateField() {
	}

	/**
	 * The typed date, or {@code null} with the field's error added.
	 * @param text the date as typed
	 * @param clock what "today" is
	 * @param errors where the field error goes
	 * @return the date, or {@code null} when it is missing or not a plausible date of
	 * birth
	 */
	public static @Nullable LocalDate parse(String text, Clock clock, FormErrors errors) {
		if (text.isBlank()) {
			errors.add(FIELD, "register.birth-date.required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (!date.isAfter(LocalDate.now(clock)) && date.getYear() >= 1900) {
				return date;
			}
		}
		catch (DateTimeParseException ex) {
			// the same message as an impossible date
		}
		errors.add(FIELD, "register.birth-date.invalid");
		return null;
	}

}
