package pk.gov.kp.khyberpass.oidc;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * What the citizen pages call a scope: a standard scope's words from the message bundles,
 * an API scope's description as the security team registered it (English when the page's
 * language has none), or else the scope's own name.
 *
 * @param text the words to show
 * @param language the language of {@code text} when it differs from the page's
 * ({@code en} on an Urdu page), for the element's {@code lang}; {@code null} when it is
 * the page's language or a scope name
 */
record ScopeLabel(String text, @Nullable String language) {

	/**
	 * The label of {@code scope} on a page in {@code locale}.
	 * @param described the registered API scopes among those on the page
	 * ({@link ApiScopes#describedAmong})
	 */
	static ScopeLabel of(String scope, Map<String, ApiScope> described, MessageSource messages, Locale locale) {
		ApiScope api = described.get(scope);
		if (api != null) {
			return new ScopeLabel(api.description(locale), api.isDescribedIn(locale) ? null : "en");
		}
		return new ScopeLabel(messages.getMessage("consent.scope." + scope, null, scope, locale), null);
	}

}
