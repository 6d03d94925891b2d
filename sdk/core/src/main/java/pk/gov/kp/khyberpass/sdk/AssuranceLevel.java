package pk.gov.kp.khyberpass.sdk;

import java.util.Optional;

/**
 * The ordered authentication assurance levels of Khyber Pass ({@code acr} values). Enum
 * constants are immutable and thread-safe.
 */
public enum AssuranceLevel {

	/** {@code urn:kp:loa:1}: password. */
	LOA1("urn:kp:loa:1"),

	/** {@code urn:kp:loa:2}: multi-factor. */
	LOA2("urn:kp:loa:2"),

	/** {@code urn:kp:loa:3}: phishing-resistant (a passkey). */
	LOA3("urn:kp:loa:3");

	private final String value;

	AssuranceLevel(String value) {
		this.value = value;
	}

	/**
	 * Returns the {@code acr} value, such as {@code urn:kp:loa:2}.
	 * @return the value, never {@code null}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Returns whether this level satisfies the given minimum.
	 * @param minimum the required level, not {@code null}
	 * @return {@code true} if this level is the same as or stronger than {@code minimum}
	 */
	public boolean isAtLeast(AssuranceLevel minimum) {
		return compareTo(minimum) >= 0;
	}

	/**
	 * Finds the level for an {@code acr} value.
	 * @param acr the claim value, not {@code null}
	 * @return the level, or empty when the value is not a Khyber Pass level
	 */
	public static Optional<AssuranceLevel> fromValue(String acr) {
		for (AssuranceLevel level : values()) {
			if (level.value.equals(acr)) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

}
