package pk.gov.kp.khyberpass.oidc;

/**
 * An API scope's name or description is not acceptable. An
 * {@link IllegalArgumentException}, so callers that only report the message need not know
 * it; others can name the setting.
 */
public final class InvalidApiScopeException extends IllegalArgumentException {

	private final String setting;

	/**
	 * @param setting the setting's name as in the seed file ({@code name},
	 * {@code description-en})
	 * @param message what is wrong, for operators
	 */
	public InvalidApiScopeException(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/** The setting's name as in the seed file, for example {@code description-ur}. */
	public String setting() {
		return this.setting;
	}

}
