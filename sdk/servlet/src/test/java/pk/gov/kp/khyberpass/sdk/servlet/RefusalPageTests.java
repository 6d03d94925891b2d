package pk.gov.kp.khyberpass.sdk.servlet;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refusal pages' texts in English, Urdu and Pashto, and their HTML.
 */
class RefusalPageTests {

	private static final Set<String> KEYS = keys();

	@Test
	void bundlesWhenLoadedThenEachHasEveryKeyAndNoOther() {
		for (PageLanguage language : PageLanguage.values()) {
			assertThat(language.texts().keySet()).as("keys of %s", language).containsExactlyInAnyOrderElementsOf(KEYS);
		}
	}

	@Test
	void bundlesWhenLoadedThenNoTextIsEmpty() {
		for (PageLanguage language : PageLanguage.values()) {
			assertThat(language.texts()).as("texts of %s", language)
				.allSatisfy((key, text) -> assertThat(text).isNotBlank());
		}
	}

	@Test
	void bundlesWhenUrduOrPashtoThenTranslatedInArabicScript() {
		for (PageLanguage language : new PageLanguage[] { PageLanguage.UR, PageLanguage.PS }) {
			for (String key : KEYS) {
				String text = language.text(key);
				assertThat(text).as("%s %s", language, key)
					.isNotEqualTo(PageLanguage.EN.text(key))
					.matches(
							(value) -> value.codePoints()
								.anyMatch((ch) -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.ARABIC),
							"Arabic script");
			}
			assertThat(language.direction()).isEqualTo("rtl");
		}
		assertThat(PageLanguage.EN.direction()).isEqualTo("ltr");
	}

	@Test
	void htmlWhenUrduThenLangDirAndEscapedText() {
		String page = RefusalPage.html(PageLanguage.UR, Refusal.LOGOUT_NOT_POSTED);

		assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"ur\" dir=\"rtl\">")
			.contains("<title>خیبر پاس</title>")
			.contains("<p>سائن آؤٹ کرنے کے لیے سروس کا &quot;سائن آؤٹ&quot; بٹن استعمال کریں۔</p>")
			.doesNotContain("<script", "<style", "<link", "<img", "src=", "href=", "style=");
	}

	@Test
	void escapeWhenMarkupThenText() {
		assertThat(RefusalPage.escape("<b>\"Tom\" & 'Jerry'</b>"))
			.isEqualTo("&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
	}

	private static Set<String> keys() {
		Set<String> keys = new LinkedHashSet<>();
		keys.add("page.title");
		Arrays.stream(Refusal.values()).map(Refusal::key).forEach(keys::add);
		return keys;
	}

}
