package pk.gov.kp.khyberpass.cnic;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CnicTests {

	static Stream<Arguments> validInputs() {
		return Stream.of(Arguments.of("17301-1234567-5", "1730112345675"),
				Arguments.of("1730112345675", "1730112345675"), Arguments.of("  17301-1234567-5  ", "1730112345675"),
				Arguments.of(" 1730112345675", "1730112345675"), Arguments.of("21501-7654321-2", "2150176543212"),
				Arguments.of("35202-1111111-1", "3520211111111"), Arguments.of("42101-2222222-4", "4210122222224"),
				Arguments.of("54400-3333333-3", "5440033333333"), Arguments.of("61101-4444444-6", "6110144444446"),
				Arguments.of("71501-5555555-7", "7150155555557"));
	}

	static Stream<Arguments> invalidInputs() {
		return Stream.of(Arguments.of("", Cnic.REQUIRED), Arguments.of("     ", Cnic.REQUIRED),
				Arguments.of("173011234567", Cnic.INVALID_FORMAT), Arguments.of("17301123456751", Cnic.INVALID_FORMAT),
				Arguments.of("1730-11234567-5", Cnic.INVALID_FORMAT),
				Arguments.of("173011-234567-5", Cnic.INVALID_FORMAT),
				Arguments.of("17301-123456-75", Cnic.INVALID_FORMAT),
				Arguments.of("17301_1234567_5", Cnic.INVALID_FORMAT),
				Arguments.of("17301.1234567.5", Cnic.INVALID_FORMAT),
				Arguments.of("17301/1234567/5", Cnic.INVALID_FORMAT),
				Arguments.of("17301-12345675-", Cnic.INVALID_FORMAT),
				Arguments.of("-173011234567-5", Cnic.INVALID_FORMAT),
				Arguments.of("173011234567a", Cnic.INVALID_FORMAT), Arguments.of("+1730112345675", Cnic.INVALID_FORMAT),
				Arguments.of("0730112345675", Cnic.INVALID_REGION),
				Arguments.of("87301-1234567-5", Cnic.INVALID_REGION),
				Arguments.of("9730112345675", Cnic.INVALID_REGION));
	}

	static Stream<Arguments> hostileInputs() {
		return Stream.of(Arguments.of("arabic-indic digits", "١٧٣٠١١٢٣٤٥٦٧٥"),
				Arguments.of("extended arabic-indic digits", "۱۷۳۰۱-۱۲۳۴۵۶۷-۵"),
				Arguments.of("fullwidth digits", "１７３０１１２３４５６７５"), Arguments.of("devanagari digits", "१७३०११२३४५६७५"),
				Arguments.of("mixed arabic-indic digit", "1730112345٦75"),
				Arguments.of("en dashes", "17301\u20131234567\u20135"),
				Arguments.of("minus signs", "17301\u22121234567\u22125"),
				Arguments.of("non-breaking hyphens", "17301\u20111234567\u20115"),
				Arguments.of("space inside", "17301 1234567 5"), Arguments.of("space between digits", "173011 2345675"),
				Arguments.of("tab inside", "17301\t12345675"), Arguments.of("newline at end", "1730112345675\n"),
				Arguments.of("tab around", "\t1730112345675\t"),
				Arguments.of("no-break space around", "\u00a01730112345675"),
				Arguments.of("ideographic space around", "\u30001730112345675"),
				Arguments.of("zero-width space inside", "17301\u200b1234567"),
				Arguments.of("null byte inside", "17301\u00001234567-5"),
				Arguments.of("null byte at end", "1730112345675\u0000"),
				Arguments.of("over-long digits", "1".repeat(10_000)),
				Arguments.of("over-long spaces", " ".repeat(100) + "1730112345675"),
				Arguments.of("sql injection", "17301-1234567-5' OR '1'='1"),
				Arguments.of("sql comment", "1730112345675--"), Arguments.of("html", "<script>alert(1)</script>"),
				Arguments.of("html entity", "&#49;730112345675"), Arguments.of("url encoded", "17301%2D1234567%2D5"),
				Arguments.of("exponent", "1.730112345675E12"),
				Arguments.of("surrogate pair", "\ud835\udfcf730112345675"));
	}

	@ParameterizedTest
	@MethodSource("validInputs")
	void parseWhenValidThenNormalisesToThirteenDigits(String input, String digits) {
		Cnic cnic = Cnic.parse(input);

		assertThat(cnic.digits()).isEqualTo(digits);
	}

	@ParameterizedTest
	@MethodSource("invalidInputs")
	void parseWhenInvalidThenThrowsWithMessageKey(String input, String messageKey) {
		assertThatThrownBy(() -> Cnic.parse(input)).isInstanceOfSatisfying(InvalidCnicException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo(messageKey));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void parseWhenHostileThenThrowsWithoutEchoingInput(String description, String input) {
		assertThatThrownBy(() -> Cnic.parse(input)).isInstanceOfSatisfying(InvalidCnicException.class, (ex) -> {
			assertThat(ex.messageKey()).startsWith("cnic.invalid.");
			assertThat(ex.getMessage()).doesNotContain(input.strip()).hasSizeLessThan(60);
		});
	}

	@Test
	void parseWhenNullThenThrowsRequired() {
		assertThatThrownBy(() -> new Cnic(null)).isInstanceOfSatisfying(InvalidCnicException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo(Cnic.REQUIRED));
	}

	@Test
	void parseWhenFormattedAndBareThenEqual() {
		assertThat(Cnic.parse("17301-1234567-5")).isEqualTo(Cnic.parse("1730112345675"))
			.hasSameHashCodeAs(Cnic.parse(" 1730112345675 "));
	}

	@Test
	void formattedWhenParsedBareThenHasDashes() {
		assertThat(Cnic.parse("1730112345675").formatted()).isEqualTo("17301-1234567-5");
	}

	@Test
	void maskedWhenCalledThenHidesMiddleSevenDigits() {
		assertThat(Cnic.parse("1730112345675").masked()).isEqualTo("17301-*******-5");
	}

	@Test
	void toStringWhenCalledThenMasked() {
		Cnic cnic = Cnic.parse("17301-1234567-5");

		assertThat(cnic).hasToString("17301-*******-5");
		assertThat(String.valueOf(cnic)).doesNotContain("1234567");
	}

	@Test
	void registeredSexWhenLastDigitOddThenMale() {
		assertThat(Cnic.parse("17301-1234567-5").registeredSex()).isEqualTo(Cnic.RegisteredSex.MALE);
		assertThat(Cnic.parse("17301-1234567-1").registeredSex()).isEqualTo(Cnic.RegisteredSex.MALE);
	}

	@Test
	void registeredSexWhenLastDigitEvenThenFemale() {
		assertThat(Cnic.parse("17301-1234567-4").registeredSex()).isEqualTo(Cnic.RegisteredSex.FEMALE);
		assertThat(Cnic.parse("17301-1234567-0").registeredSex()).isEqualTo(Cnic.RegisteredSex.FEMALE);
	}

}
