package pk.gov.kp.khyberpass.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class BirthDateFieldTests {

	private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

	private final StaticMessageSource messages = new StaticMessageSource();

	BirthDateFieldTests() {
		this.messages.addMessage("register.birth-date.required", Locale.ENGLISH, "required");
		this.messages.addMessage("register.birth-date.invalid", Locale.ENGLISH, "invalid");
	}

	@Test
	void plausibleDatesAreTaken() {
		assertThat(parse(" 1990-04-12 ")).isEqualTo(LocalDate.of(1990, 4, 12));
		assertThat(parse("2026-11-27")).isEqualTo(LocalDate.of(2026, 11, 27));
		assertThat(parse("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
	}

	@Test
	void missingDateIsRequired() {
		assertThat(errorFor("  ")).isEqualTo("required");
	}

	@Test
	void futureAncientAndImpossibleDatesAreInvalid() {
		assertThat(errorFor("2026-11-28")).isEqualTo("invalid");
		assertThat(errorFor("1899-12-31")).isEqualTo("invalid");
		assertThat(errorFor("1990-02-30")).isEqualTo("invalid");
		assertThat(errorFor("12/04/1990")).isEqualTo("invalid");
	}

	private LocalDate parse(String text) {
		FormErrors errors = new FormErrors(this.messages, Locale.ENGLISH);
		LocalDate date = BirthDateField.parse(text, TODAY, errors);
		assertThat(errors.isEmpty()).isTrue();
		return date;
	}

	private String errorFor(String text) {
		FormErrors errors = new FormErrors(this.messages, Locale.ENGLISH);
		assertThat(BirthDateField.parse(text, TODAY, errors)).isNull();
		return errors.byField().get(BirthDateField.FIELD);
	}

}
