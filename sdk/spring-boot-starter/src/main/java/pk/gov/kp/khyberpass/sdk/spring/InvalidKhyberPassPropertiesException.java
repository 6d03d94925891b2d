package pk.gov.kp.khyberpass.sdk.spring;

/**
 * Thrown at start-up when a {@code khyberpass.*} property is missing or wrong; the
 * message names the property and what to set.
 * {@link InvalidKhyberPassPropertiesFailureAnalyzer} turns it into Spring Boot's
 * "APPLICATION FAILED TO START" report.
 */
public final class InvalidKhyberPassPropertiesException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates an exception.
	 * @param property the property, such as {@code khyberpass.issuer}
	 * @param problem what is wrong with it, such as {@code is not set}
	 * @param action what to do about it
	 */
	public InvalidKhyberPassPropertiesException(String property, String problem, String action) {
		super("Khyber Pass is not configured: " + property + " " + problem + ". " + action + ".");
		this.property = property;
		this.action = action;
	}

	/**
	 * Returns the property at fault.
	 * @return the property name, never {@code null}
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Returns what to set.
	 * @return the action, never {@code null}
	 */
	public String action() {
		return this.action;
	}

}
