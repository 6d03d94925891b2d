package pk.gov.kp.khyberpass.oidc;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ApiScopeTests {

	private static final Locale URDU = Locale.forLanguageTag("ur-PK");

	private static final Locale PASHTO = Locale.forLanguageTag("ps");

	@ParameterizedTest
	@ValueSource(strings = { "vehicles.read", "police.clearance.write", "a.b", "excise-taxation.read.v2" })
	void newWhenApiScopeNameThenAccepted(String name) {
		assertThat(new ApiScope(name, "Your records", null, null).name()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "openid", "profile", "email", "phone", "address", "cnic", "offline_access" })
	void newWhenStandardScopeThenRefusedNamingName(String name) {
		assertThatExceptionOfType(InvalidApiScopeException.class)
			.isThrownBy(() -> new ApiScope(name, "Everything about you", null, null))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("name"))
			.withMessageContaining("standard scope");
	}

	@ParameterizedTest
	@ValueSource(strings = { "vehicles", "Vehicles.Read", "vehicles.read!", "a.", ".read", "1vehicles.read",
			"a.b.c.d.e", "vehicles read", "" })
	void newWhenNotAnApiScopeNameThenRefusedNamingName(String name) {
		assertThatExceptionOfType(InvalidApiScopeException.class)
			.isThrownBy(() -> new ApiScope(name, "Your records", null, null))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("name"));
	}

	@Test
	void newWhenDescriptionsPaddedOrBlankThenTrimmedAndBlankIsAbsent() {
		ApiScope scope = new ApiScope("vehicles.read", "  Your vehicles ", " ", "");

		assertThat(scope.descriptionEn()).isEqualTo("Your vehicles");
		assertThat(scope.descriptionUr()).isNull();
		assertThat(scope.descriptionPs()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void newWhenEnglishMissingThenRefusedNamingIt(String english) {
		assertThatExceptionOfType(InvalidApiScopeException.class)
			.isThrownBy(() -> new ApiScope("vehicles.read", english, "آپ کی گاڑیاں", null))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("description-en"));
	}

	@Test
	void newWhenDescriptionTooLongThenRefusedNamingIt() {
		assertThat(new ApiScope("vehicles.read", "x".repeat(200), null, null).descriptionEn()).hasSize(200);
		assertThatExceptionOfType(InvalidApiScopeException.class)
			.isThrownBy(() -> new ApiScope("vehicles.read", "Your vehicles", "ی".repeat(201), null))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("description-ur"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "two\nlines", "tab\there", "bell\u0007", "\u202Eelbairav", "isolate\u2066x\u2069",
			"line\u2028separator" })
	void newWhenControlOrBidiOverrideCharacterThenRefused(String text) {
		assertThatExceptionOfType(InvalidApiScopeException.class)
			.isThrownBy(() -> new ApiScope("vehicles.read", "Your vehicles", null, text))
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo("description-ps"));
	}

	@Test
	void newWhenUrduWithJoinersAndDirectionMarksThenKept() {
		String urdu = "آپ کی\u200Cگاڑیاں \u200F(MVR)";

		assertThat(new ApiScope("vehicles.read", "Your vehicles", urdu, null).descriptionUr()).isEqualTo(urdu);
	}

	@Test
	void descriptionWhenLanguageDescribedThenThatLanguageElseEnglish() {
		ApiScope scope = new ApiScope("vehicles.read", "Your vehicles", "آپ کی گاڑیاں", null);

		assertThat(scope.description(Locale.ENGLISH)).isEqualTo("Your vehicles");
		assertThat(scope.description(URDU)).isEqualTo("آپ کی گاڑیاں");
		assertThat(scope.description(PASHTO)).isEqualTo("Your vehicles");
		assertThat(scope.isDescribedIn(URDU)).isTrue();
		assertThat(scope.isDescribedIn(PASHTO)).isFalse();
		assertThat(scope.isDescribedIn(Locale.ENGLISH)).isTrue();
	}

	@Test
	void changedFromWhenDescriptionsDifferThenNamesThemInOrder() {
		ApiScope before = new ApiScope("vehicles.read", "Your vehicles", "آپ کی گاڑیاں", null);
		ApiScope after = new ApiScope("vehicles.read", "Your vehicles", null, "ستاسو ګاډي");

		assertThat(after.changedFrom(before)).containsExactly("descriptionUr", "descriptionPs");
		assertThat(after.changedFrom(after)).isEmpty();
		assertThat(after.languages()).containsExactly("en", "ps");
	}

}
