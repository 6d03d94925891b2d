package pk.gov.kp.khyberpass.sdk.servlet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of refusal pages, from {@code Accept-Language}.
 */
class PageLanguageTests {

	@Test
	void preferredByWhenNoHeaderThenEnglish() {
		assertThat(PageLanguage.preferredBy(null)).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenUrduThenUrdu() {
		assertThat(PageLanguage.preferredBy("ur")).isEqualTo(PageLanguage.UR);
	}

	@Test
	void preferredByWhenRegionalPashtoThenPashto() {
		assertThat(PageLanguage.preferredBy("ps-AF")).isEqualTo(PageLanguage.PS);
	}

	@Test
	void preferredByWhenAPashtoIndividualLanguageThenPashto() {
		assertThat(PageLanguage.preferredBy("pbu-PK, en;q=0.5")).isEqualTo(PageLanguage.PS);
		assertThat(PageLanguage.preferredBy("pbt")).isEqualTo(PageLanguage.PS);
		assertThat(PageLanguage.preferredBy("pst;q=0.9, en;q=0.1")).isEqualTo(PageLanguage.PS);
	}

	@Test
	void preferredByWhenCaseDiffersThenStillMatched() {
		assertThat(PageLanguage.preferredBy("UR-pk")).isEqualTo(PageLanguage.UR);
	}

	@Test
	void preferredByWhenUnknownLanguageThenEnglish() {
		assertThat(PageLanguage.preferredBy("de-DE, fr;q=0.8")).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenEnglishWeighsMoreThenEnglish() {
		assertThat(PageLanguage.preferredBy("ur;q=0.1, en;q=0.9")).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenPashtoWeighsMoreThenPashto() {
		assertThat(PageLanguage.preferredBy("en;q=0.2, ps;q=0.8, ur;q=0.5")).isEqualTo(PageLanguage.PS);
	}

	@Test
	void preferredByWhenFirstChoiceUnsupportedThenNextSupported() {
		assertThat(PageLanguage.preferredBy("fr-FR, fr;q=0.9, ur;q=0.5, en;q=0.3")).isEqualTo(PageLanguage.UR);
	}

	@Test
	void preferredByWhenEqualWeightsThenEarliest() {
		assertThat(PageLanguage.preferredBy("ps, en")).isEqualTo(PageLanguage.PS);
	}

	@Test
	void preferredByWhenWeightZeroThenRefused() {
		assertThat(PageLanguage.preferredBy("ur;q=0, *")).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenWildcardOutweighsUrduThenEnglish() {
		assertThat(PageLanguage.preferredBy("ur;q=0.1, *;q=0.5")).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenAllRefusedThenEnglish() {
		assertThat(PageLanguage.preferredBy("en;q=0, ur;q=0, ps;q=0")).isEqualTo(PageLanguage.EN);
	}

	@Test
	void preferredByWhenWeightMalformedThenElementIgnored() {
		assertThat(PageLanguage.preferredBy("ur;q=2, ps;q=0.5x, en;q=0.1")).isEqualTo(PageLanguage.EN);
		assertThat(PageLanguage.preferredBy("ur;q=0.1, <script>, ps;q=0.2")).isEqualTo(PageLanguage.PS);
	}

}
