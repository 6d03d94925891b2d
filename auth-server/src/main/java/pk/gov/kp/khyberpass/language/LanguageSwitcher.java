package pk.gov.kp.khyberpass.language;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page the links of the language switcher in its masthead: the same page,
 * with its query, in each language. Plain links, so the switcher works without
 * JavaScript; error pages get none (their address is the error dispatch, not a page to
 * come back to).
 */
@ControllerAdvice
final class LanguageSwitcher {

	static final String PARAMETER = "lang";

	@ModelAttribute("languages")
	List<LanguageLink> languages(HttpServletRequest request, Locale current) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return List.of();
		}
		String query = request.getQueryString();
		String page = request.getRequestURI() + ((query != null) ? "?" + query : "");
		return CitizenLanguages.SUPPORTED.stream()
			.map((language) -> new LanguageLink(language.toLanguageTag(),
					UriComponentsBuilder.fromUriString(page)
						.replaceQueryParam(PARAMETER, language.toLanguageTag())
						.build()
						.toUriString(),
					language.getLanguage().equals(current.getLanguage())))
			.toList();
	}

	/**
	 * One entry of the switcher.
	 *
	 * @param tag the BCP 47 tag, also the message key suffix of the language's own name
	 * @param href the current page in that language
	 * @param current whether the page is in that language already
	 */
	record LanguageLink(String tag, String href, boolean current) {
	}

}
