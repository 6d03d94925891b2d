package pk.gov.kp.khyberpass.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the citizen pages speak, English first (the default). Only these are ever
 * remembered or rendered, so a page's {@code lang} attribute always names a bundle that
 * exists.
 */
public final class CitizenLanguages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale URDU = Locale.forLanguageTag("ur");

	public static final Locale PASHTO = Locale.forLanguageTag("ps");

	public static final List<Locale> SUPPORTED = List.of(ENGLISH, URDU, PASHTO);

	private CitizenLanguages() {
	}

	/**
	 * The supported language of a BCP 47 tag ({@code ur}, {@code ur-PK}, {@code ps-AF}),
	 * matched by language.
	 */
	public static Optional<Locale> of(String languageTag) {
		String language = Locale.forLanguageTag(languageTag.strip()).getLanguage();
		return SUPPORTED.stream().filter((supported) -> supported.getLanguage().equals(language)).findFirst();
	}

	/**
	 * The first supported language of an OpenID Connect {@code ui_locales} value: tags
	 * separated by spaces, in order of preference.
	 * @see <a href=
	 * "https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core
	 * §3.1.2.1</a>
	 */
	public static Optional<Locale> firstOf(String uiLocales) {
		for (String tag : uiLocales.strip().split("\\s+")) {
			Optional<Locale> language = of(tag);
			if (language.isPresent()) {
				return language;
			}
		}
		return Optional.empty();
	}

}
