package pk.gov.kp.khyberpass.account;

/**
 * A Pakistani mobile number, stored in E.164 form ({@code +923001234567}).
 * <p>
 * The constructor accepts the usual ways of writing one: {@code 0300-1234567},
 * {@code 03001234567}, {@code +92 300 1234567}, {@code 923001234567},
 * {@code 00923001234567} and {@code 300 1234567}, with spaces and dashes between the
 * digits. Numbers move between operators, so the prefix names no operator.
 * {@link #toString()} masks the number so that it is safe in logs.
 *
 * @param e164 the number in E.164 form, {@code +923} and nine digits
 */
public record MobileNumber(String e164) {

	/** Message key: nothing was given. */
	public static final String REQUIRED = "mobile.invalid.required";

	/** Message key: not a Pakistani mobile number. */
	public static final String INVALID_FORMAT = "mobile.invalid.format";

	private static final int MAX_INPUT_LENGTH = 40;

	/** Digits after the country code: 3XX and seven more. */
	private static final int NATIONAL_LENGTH = 10;

	/**
	 * Parses and normalises a mobile number.
	 * @param e164 the number as typed
	 * @throws InvalidMobileNumberException if it is not a Pakistani mobile number
	 */
	public MobileNumber {
		e164 = "+92" + subscriberDigits(e164);
	}

	/**
	 * Parses a mobile number as typed by a citizen.
	 * @throws InvalidMobileNumberException if it is not a Pakistani mobile number
	 */
	public static MobileNumber parse(String text) {
		return new MobileNumber(text);
	}

	/** The national form, {@code 0300-1234567}. */
	public String national() {
		return "0" + this.e164.substring(3, 6) + "-" + this.e164.substring(6);
	}

	/**
	 * The number with all but its prefix and last two digits hidden,
	 * {@code +92300*****67}.
	 */
	public String masked() {
		return this.e164.substring(0, 6) + "*****" + this.e164.substring(11);
	}

	/** The masked form: a mobile number never reaches a log in the clear by accident. */
	@Override
	public String toString() {
		return masked();
	}

	private static String subscriberDigits(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidMobileNumberException(REQUIRED);
		}
		if (text.length() > MAX_INPUT_LENGTH) {
			throw new InvalidMobileNumberException(INVALID_FORMAT);
		}
		String digits = digitsOnly(trimSpaces(text));
		String national = switch (digits.length()) {
			case NATIONAL_LENGTH -> digits;
			case NATIONAL_LENGTH + 1 -> withPrefix(digits, "0");
			case NATIONAL_LENGTH + 2 -> withPrefix(digits, "92");
			case NATIONAL_LENGTH + 4 -> withPrefix(digits, "0092");
			default -> throw new InvalidMobileNumberException(INVALID_FORMAT);
		};
		if (national.charAt(0) != '3') {
			throw new InvalidMobileNumberException(INVALID_FORMAT);
		}
		return national;
	}

	private static String withPrefix(String digits, String prefix) {
		if (!digits.startsWith(prefix)) {
			throw new InvalidMobileNumberException(INVALID_FORMAT);
		}
		return digits.substring(prefix.length());
	}

	/**
	 * The ASCII digits of {@code text}, which may start with {@code +} (then followed by
	 * 92) and have single spaces or dashes between digits; anything else is refused.
	 */
	private static String digitsOnly(String text) {
		StringBuilder digits = new StringBuilder(text.length());
		boolean plus = text.startsWith("+");
		char previous = '+';
		for (int i = plus ? 1 : 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
			else if ((c != ' ' && c != '-') || !(previous >= '0' && previous <= '9')) {
				throw new InvalidMobileNumberException(INVALID_FORMAT);
			}
			previous = c;
		}
		if (previous < '0' || previous > '9' || (plus && !digits.toString().startsWith("92"))
				|| (plus && digits.length() != NATIONAL_LENGTH + 2)) {
			throw new InvalidMobileNumberException(INVALID_FORMAT);
		}
		return digits.toString();
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

}
