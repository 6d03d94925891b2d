package pk.gov.kp.khyberpass.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address a citizen typed: surrounding spaces dropped, at most 254 characters,
 * one {@code @} with something before it and a dotted domain after it, and no spaces,
 * control characters, quotes or angle brackets anywhere (they have no place in an address
 * a citizen types and would only help header or markup injection). The domain is
 * lower-cased; the local part is kept as typed. {@link #toString()} masks it.
 *
 * @param value the address
 */
public record EmailAddress(String value) {

	/** RFC 5321's limit on a forward path. */
	public static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern
		.compile("[^@\\s\"<>()\\[\\],;:\\\\]{1,64}@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.[\\p{L}]{2,63}");

	public EmailAddress {
		if (!valid(value)) {
			throw new IllegalArgumentException("Not an e-mail address");
		}
	}

	/** The address in {@code text}, or empty when {@code text} is not one. */
	public static Optional<EmailAddress> parse(String text) {
		String stripped = text.strip();
		int at = stripped.lastIndexOf('@');
		if (at < 0) {
			return Optional.empty();
		}
		String normalised = stripped.substring(0, at) + stripped.substring(at).toLowerCase(Locale.ROOT);
		return valid(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
	}

	private static boolean valid(String value) {
		return value.length() <= MAX_LENGTH && value.chars().noneMatch(Character::isISOControl)
				&& SHAPE.matcher(value).matches();
	}

	/**
	 * Whether this is {@code other} with the local part compared without case, as nearly
	 * all mail hosts do.
	 */
	public boolean sameAs(String other) {
		return this.value.equalsIgnoreCase(other);
	}

	/**
	 * The address with the local part hidden but its first character, for example
	 * {@code j***@example.pk}.
	 */
	public String masked() {
		return this.value.charAt(0) + "***" + this.value.substring(this.value.lastIndexOf('@'));
	}

	@Override
	public String toString() {
		return masked();
	}

}
