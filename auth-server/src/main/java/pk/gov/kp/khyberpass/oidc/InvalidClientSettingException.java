package pk.gov.kp.khyberpass.oidc;

/**
 * A department client's setting is not acceptable. An {@link IllegalArgumentException},
 * so callers that only report the message need not know it; others can name the setting.
 */
public final class InvalidClientSettingException extends IllegalArgumentException {

	private final String setting;

	/**
	 * @param setting the setting's name as in the seed file ({@code redirect-uris},
	 * {@code min-acr})
	 * @param message what is wrong, for operators
	 */
	public InvalidClientSettingException(String setting, String message) {
		super(message);
		this.setting = setting;
	}

	/** The setting's name as in the seed file, for example {@code redirect-uris}. */
	public String setting() {
		return this.setting;
	}

}
