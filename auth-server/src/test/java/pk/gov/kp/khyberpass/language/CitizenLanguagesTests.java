package pk.gov.kp.khyberpass.language;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenLanguagesTests {

	@ParameterizedTest
	@CsvSource({ "en, en", "en-GB, en", "ur, ur", "ur-PK, ur", "UR-pk, ur", "ps, ps", "ps-AF, ps", "' ps ', ps" })
	void ofWhenSupportedLanguageThenThatLanguage(String tag, String language) {
		assertThat(CitizenLanguages.of(tag)).contains(Locale.forLanguageTag(language));
	}

	@ParameterizedTest
	@ValueSource(strings = { "fr", "ar", "", "x-klingon", "ur_PK\u0000", "<script>", "urdu", "../../etc/passwd" })
	void ofWhenUnsupportedOrMalformedThenEmpty(String tag) {
		assertThat(CitizenLanguages.of(tag)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "'ur', ur", "'fr-FR ps en', ps", "'de  ur-PK', ur", "'en ur', en", "'  ps  ', ps" })
	void firstOfWhenUiLocalesThenFirstSupportedInOrder(String uiLocales, String language) {
		assertThat(CitizenLanguages.firstOf(uiLocales)).contains(Locale.forLanguageTag(language));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "fr de", "zz-ZZ" })
	void firstOfWhenNothingSupportedThenEmpty(String uiLocales) {
		assertThat(CitizenLanguages.firstOf(uiLocales)).isEmpty();
	}

}
