package pk.gov.kp.khyberpass.cnic;

/**
 * A Computerised National Identity Card number: 13 digits written {@code 5-7-1}, stored
 * as the bare digits.
 * <p>
 * The constructor accepts the citizen's typing, {@code 17301-1234567-5} or
 * {@code 1730112345675} with surrounding spaces, and nothing else: no other separators,
 * no spaces inside, no digits other than ASCII {@code 0-9}. The first digit names the
 * province of issue (1 to 7); the number carries no check digit, so only the civil
 * registry can catch a typo. {@link #toString()} masks the number so that it is safe in
 * logs.
 *
 * @param digits the 13 ASCII digits
 * @see <a href="https://www.nadra.gov.pk/">NADRA</a>
 */
public record Cnic(String digits) {

	/** Message key: nothing was given. */
	public static final String REQUIRED = "cnic.invalid.required";

	/** Message key: not 13 digits written bare or as 5-7-1. */
	public static final String INVALID_FORMAT = "cnic.invalid.format";

	/** Message key: the first digit is not a province code (1 to 7). */
	public static final String INVALID_REGION = "cnic.invalid.region";

	private static final int LENGTH = 13;

	/**
	 * Longest input worth looking at: the formatted form and a few surrounding spaces.
	 */
	private static final int MAX_INPUT_LENGTH = 40;

	/**
	 * Parses and normalises a CNIC.
	 * @param digits the number as typed
	 * @throws InvalidCnicException if it is not a CNIC
	 */
	public Cnic {
		digits = normalise(digits);
	}

	/**
	 * Parses a CNIC as typed by a citizen.
	 * @param text the number, bare or {@code 5-7-1}
	 * @return the CNIC
	 * @throws InvalidCnicException if it is not a CNIC
	 */
	public static Cnic parse(String text) {
		return new Cnic(text);
	}

	/** The number written {@code 12345-1234567-1}. */
	public String formatted() {
		return this.digits.substring(0, 5) + '-' + this.digits.substring(5, 12) + '-' + this.digits.substring(12);
	}

	/**
	 * The number with its middle seven digits hidden, {@code 12345-*******-1}: safe for
	 * logs and pages.
	 */
	public String masked() {
		return this.digits.substring(0, 5) + "-*******-" + this.digits.substring(12);
	}

	/**
	 * The sex that NADRA encodes in the last digit (odd for men, even for women), for
	 * cross-checks against what the citizen declares. Not to be stored unless a consented
	 * purpose needs it.
	 */
	public RegisteredSex registeredSex() {
		return ((this.digits.charAt(LENGTH - 1) - '0') % 2 == 1) ? RegisteredSex.MALE : RegisteredSex.FEMALE;
	}

	/** The masked form: a CNIC never reaches a log in the clear by accident. */
	@Override
	public String toString() {
		return masked();
	}

	private static String normalise(String text) {
		if (text == null) {
			throw new InvalidCnicException(REQUIRED);
		}
		if (text.length() > MAX_INPUT_LENGTH) {
			throw new InvalidCnicException(INVALID_FORMAT);
		}
		String trimmed = trimSpaces(text);
		if (trimmed.isEmpty()) {
			throw new InvalidCnicException(REQUIRED);
		}
		String digits = switch (trimmed.length()) {
			case LENGTH -> trimmed;
			case LENGTH + 2 -> withoutDashes(trimmed);
			default -> throw new InvalidCnicException(INVALID_FORMAT);
		};
		for (int i = 0; i < LENGTH; i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				throw new InvalidCnicException(INVALID_FORMAT);
			}
		}
		if (digits.charAt(0) < '1' || digits.charAt(0) > '7') {
			throw new InvalidCnicException(INVALID_REGION);
		}
		return digits;
	}

	private static String withoutDashes(String formatted) {
		if (formatted.charAt(5) != '-' || formatted.charAt(13) != '-') {
			throw new InvalidCnicException(INVALID_FORMAT);
		}
		return formatted.substring(0, 5) + formatted.substring(6, 13) + formatted.substring(14);
	}

	private static String trimSpaces(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == ' ') {
			end--;
		}
		return text.substring(start, end);
	}

	/** The sex encoded in the last digit of a CNIC. */
	public enum RegisteredSex {

		/** An odd last digit. */
		MALE,

		/** An even last digit. */
		FEMALE

	}

}
