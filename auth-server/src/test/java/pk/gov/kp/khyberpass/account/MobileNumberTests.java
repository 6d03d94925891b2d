package pk.gov.kp.khyberpass.account;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileNumberTests {

	static Stream<Arguments> validInputs() {
		return Stream.of(Arguments.of("0300-1234567"), Arguments.of("03001234567"), Arguments.of("+92 300 1234567"),
				Arguments.of("+923001234567"), Arguments.of("923001234567"), Arguments.of("00923001234567"),
				Arguments.of("0092 300 1234567"), Arguments.of("+92-300-1234567"), Arguments.of("0300 123 4567"),
				Arguments.of("  0300-1234567  "), Arguments.of("300 1234567"), Arguments.of("3001234567"));
	}

	@ParameterizedTest
	@MethodSource("validInputs")
	void parseWhenValidThenStoresE164(String input) {
		assertThat(MobileNumber.parse(input).e164()).isEqualTo("+923001234567");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0300-123456", "0300-12345678", "04235761234", "+9242123456789", "+442071234567",
			"+1 300 1234567", "+0300 1234567", "0300--1234567", "0300 - 1234567", "-03001234567", "03001234567-",
			"(0300) 1234567", "0300.1234567", "0300/1234567", "+ 92 300 1234567", "++923001234567", "٠٣٠٠١٢٣٤٥٦٧",
			"۰۳۰۰۱۲۳۴۵۶۷", "０３００１２３４５６７", "0300\u20131234567", "0300\u00a01234567", "0300\u00001234567",
			"03001234567\u0000", "0300123456a", "03001234567' OR '1'='1", "<b>03001234567</b>", "92 3001234567 0",
			"9230012345678" })
	void parseWhenInvalidThenThrowsFormat(String input) {
		assertThatThrownBy(() -> MobileNumber.parse(input)).isInstanceOfSatisfying(InvalidMobileNumberException.class,
				(ex) -> {
					assertThat(ex.messageKey()).isEqualTo(MobileNumber.INVALID_FORMAT);
					assertThat(ex.getMessage()).doesNotContain("1234567");
				});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void parseWhenBlankThenThrowsRequired(String input) {
		assertThatThrownBy(() -> MobileNumber.parse(input)).isInstanceOfSatisfying(InvalidMobileNumberException.class,
				(ex) -> assertThat(ex.messageKey()).isEqualTo(MobileNumber.REQUIRED));
	}

	@Test
	void parseWhenOverLongThenThrowsFormat() {
		assertThatThrownBy(() -> MobileNumber.parse("0".repeat(100_000)))
			.isInstanceOf(InvalidMobileNumberException.class);
	}

	@Test
	void nationalWhenCalledThenDashedNationalForm() {
		assertThat(MobileNumber.parse("+92 345 7654321").national()).isEqualTo("0345-7654321");
	}

	@Test
	void toStringWhenCalledThenMasked() {
		MobileNumber mobile = MobileNumber.parse("0300-1234567");

		assertThat(mobile).hasToString("+92300*****67");
		assertThat(mobile.masked()).doesNotContain("12345");
	}

	@Test
	void equalsWhenSameNumberWrittenDifferentlyThenEqual() {
		assertThat(MobileNumber.parse("0300-1234567")).isEqualTo(MobileNumber.parse("+92 300 1234567"));
	}

}
