package pk.gov.kp.khyberpass.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A department API scope ({@code vehicles.read}) and what the consent page tells citizens
 * it lets a department do, as the security team registers it: in English, and optionally
 * in Urdu and Pashto (each falls back to English). Descriptions are trimmed; an empty
 * Urdu or Pashto one counts as absent.
 *
 * @param name the scope: two to four dot-separated parts of lower-case letters, digits
 * and dashes, each starting with a letter (the rule for API scopes in clients'
 * {@code scopes})
 * @param descriptionEn the English description, 1 to {@value #MAX_DESCRIPTION} characters
 * @param descriptionUr the Urdu description, or {@code null}
 * @param descriptionPs the Pashto description, or {@code null}
 */
public record ApiScope(String name, String descriptionEn, @Nullable String descriptionUr,
		@Nullable String descriptionPs) {

	/**
	 * Scopes of OpenID Connect and of Khyber Pass itself: the consent page describes them
	 * from the message bundles, so they cannot be registered as API scopes.
	 */
	public static final Set<String> STANDARD = Set.of("openid", "profile", "email", "phone", "address", "cnic",
			"offline_access");

	/**
	 * The name of an API scope: {@code vehicles.read}, {@code police.clearance.write}.
	 */
	public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}(\\.[a-z][a-z0-9-]{0,40}){1,3}");

	/** The longest description, in characters. */
	public static final int MAX_DESCRIPTION = 200;

	public ApiScope {
		Objects.requireNonNull(name, "name is required");
		if (STANDARD.contains(name)) {
			throw new InvalidApiScopeException("name", "'" + name + "' is a standard scope: the consent page "
					+ "describes it in Khyber Pass's own words, so it cannot be registered as an API scope");
		}
		if (!isApiScopeName(name)) {
			throw new InvalidApiScopeException("name", "name must be 2 to 4 parts separated by dots, each of "
					+ "1 to 41 lower-case letters, digits or dashes starting with a letter, such as vehicles.read");
		}
		descriptionEn = required("description-en", descriptionEn);
		descriptionUr = optional("description-ur", descriptionUr);
		descriptionPs = optional("description-ps", descriptionPs);
	}

	/**
	 * Whether {@code scope} has the form of an API scope's name (not whether one is
	 * registered).
	 */
	public static boolean isApiScopeName(String scope) {
		return NAME.matcher(scope).matches();
	}

	/**
	 * The description in the language of {@code locale} (Urdu, Pashto), or English when
	 * there is none in that language.
	 */
	public String description(Locale locale) {
		String own = switch (locale.getLanguage()) {
			case "ur" -> this.descriptionUr;
			case "ps" -> this.descriptionPs;
			default -> this.descriptionEn;
		};
		return (own != null) ? own : this.descriptionEn;
	}

	/**
	 * Whether {@link #description(Locale)} is in the language of {@code locale}, not the
	 * English fallback.
	 */
	public boolean isDescribedIn(Locale locale) {
		return switch (locale.getLanguage()) {
			case "ur" -> this.descriptionUr != null;
			case "ps" -> this.descriptionPs != null;
			default -> true;
		};
	}

	/**
	 * The descriptions that differ from {@code before}'s, by component name
	 * ({@code descriptionUr}).
	 */
	public List<String> changedFrom(ApiScope before) {
		List<String> changed = new ArrayList<>();
		if (!this.descriptionEn.equals(before.descriptionEn)) {
			changed.add("descriptionEn");
		}
		if (!Objects.equals(this.descriptionUr, before.descriptionUr)) {
			changed.add("descriptionUr");
		}
		if (!Objects.equals(this.descriptionPs, before.descriptionPs)) {
			changed.add("descriptionPs");
		}
		return changed;
	}

	/** The languages it is described in, {@code en ur ps} order. */
	public List<String> languages() {
		List<String> languages = new ArrayList<>(List.of("en"));
		if (this.descriptionUr != null) {
			languages.add("ur");
		}
		if (this.descriptionPs != null) {
			languages.add("ps");
		}
		return languages;
	}

	private static String required(String setting, @Nullable String description) {
		String text = optional(setting, description);
		if (text == null) {
			throw new InvalidApiScopeException(setting, setting + " is required");
		}
		return text;
	}

	private static @Nullable String optional(String setting, @Nullable String description) {
		if (description == null || description.isBlank()) {
			return null;
		}
		String text = description.strip();
		if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
			throw new InvalidApiScopeException(setting,
					setting + " must have at most " + MAX_DESCRIPTION + " characters");
		}
		if (text.codePoints().anyMatch(ApiScope::forbidden)) {
			throw new InvalidApiScopeException(setting,
					setting + " must be one line of text, without control or bidirectional override characters");
		}
		return text;
	}

	/**
	 * Control characters (line breaks included), and the bidirectional embeddings,
	 * overrides and isolates that could make the text read differently from what it is.
	 * Joiners and direction marks stay: Urdu and Pashto need them.
	 */
	private static boolean forbidden(int codePoint) {
		return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029
				|| (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

}
