package pk.gov.kp.khyberpass.admin;

import org.jspecify.annotations.Nullable;

/**
 * Why an administrator did something: mandatory on every mutating call, stored in the
 * audit log.
 */
final class Reason {

	static final int MIN_LENGTH = 3;

	static final int MAX_LENGTH = 500;

	private Reason() {
	}

	/**
	 * The reason, trimmed.
	 * @throws InvalidFieldException if it is missing, too short or too long
	 */
	static String require(@Nullable String reason) {
		String trimmed = (reason != null) ? reason.strip() : "";
		if (trimmed.length() < MIN_LENGTH || trimmed.length() > MAX_LENGTH) {
			throw new InvalidFieldException("reason",
					"reason is required: " + MIN_LENGTH + " to " + MAX_LENGTH + " characters saying why");
		}
		return trimmed;
	}

}
