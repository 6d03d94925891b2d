package pk.gov.kp.khyberpass.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "junaid@example.pk|junaid@example.pk",
					"  Junaid.Y+kp@Mail.Example.PK  |Junaid.Y+kp@mail.example.pk", "a@b.co|a@b.co",
					"o'brien@example.test|o'brien@example.test", "زینب@مثال.پاکستان|زینب@مثال.پاکستان" })
	void parseWhenAddressThenStrippedAndDomainLowerCased(String text, String expected) {
		assertThat(EmailAddress.parse(text))
			.hasValueSatisfying((email) -> assertThat(email.value()).isEqualTo(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "not an address", "junaid", "@example.pk", "junaid@", "junaid@example",
			"junaid@example.p", "junaid@@example.pk", "jun aid@example.pk", "junaid@exa mple.pk",
			"junaid@example.pk\r\nBcc: everyone@example.pk", "junaid@example.pk\nX: y", "\"junaid\"@example.pk",
			"<script>alert(1)</script>@example.pk", "junaid@example.pk>", "a,b@example.pk", "a;b@example.pk",
			"junaid@example..pk", "junaid@.example.pk", "junaid@example.pk.", "junaid\u0000@example.pk",
			"junaid@example.pk\u0085", "' OR 1=1 --@example.pk", "junaid@[127.0.0.1]" })
	void parseWhenNotAnAddressOrHostileThenEmpty(String text) {
		assertThat(EmailAddress.parse(text)).isEmpty();
	}

	@Test
	void parseWhenTooLongThenEmpty() {
		String domain = "@" + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".pk";
		String fits = "l".repeat(EmailAddress.MAX_LENGTH - domain.length()) + domain;

		assertThat(fits).hasSize(EmailAddress.MAX_LENGTH);
		assertThat(EmailAddress.parse("l".repeat(64) + "@example.pk")).isPresent();
		assertThat(EmailAddress.parse("l".repeat(65) + "@example.pk")).isEmpty();
		assertThat(EmailAddress.parse("x".repeat(10_000) + "@example.pk")).isEmpty();
		assertThat(EmailAddress.parse("a@" + "b".repeat(300) + ".pk")).isEmpty();
	}

	@Test
	void constructorWhenNotAnAddressThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("junaid@example.pk\r\n"));
	}

	@Test
	void toStringWhenLoggedThenMasked() {
		EmailAddress email = EmailAddress.parse("junaid.yousafzai@example.pk").orElseThrow();

		assertThat(email.toString()).isEqualTo("j***@example.pk").doesNotContain("yousafzai");
		assertThat(email.masked()).isEqualTo("j***@example.pk");
	}

	@Test
	void sameAsWhenOnlyCaseDiffersThenSame() {
		EmailAddress email = EmailAddress.parse("Junaid@example.pk").orElseThrow();

		assertThat(email.sameAs("junaid@EXAMPLE.pk")).isTrue();
		assertThat(email.sameAs("junaid2@example.pk")).isFalse();
	}

}
