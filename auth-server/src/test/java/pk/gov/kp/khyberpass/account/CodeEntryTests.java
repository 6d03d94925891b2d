package pk.gov.kp.khyberpass.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class CodeEntryTests {

	private final CodeEntry entry = new CodeEntry("wrong.key", "dead.key");

	private final List<String> checked = new ArrayList<>();

	private final StaticMessageSource messages = new StaticMessageSource();

	CodeEntryTests() {
		this.messages.addMessage("register.code.format", Locale.ENGLISH, "six digits");
		this.messages.addMessage("wrong.key", Locale.ENGLISH, "wrong");
		this.messages.addMessage("dead.key", Locale.ENGLISH, "dead");
	}

	@Test
	void badlyTypedCodeIsNotCheckedAndNamesTheFormat() {
		FormErrors errors = errors();
		assertThat(this.entry.accepts("12a456", this::answer, errors)).isFalse();
		assertThat(this.checked).isEmpty();
		assertThat(errors.byField()).containsExactly(Map.entry(CodeEntry.FIELD, "six digits"));
	}

	@Test
	void typedCodeIsCheckedAsDigitsOnly() {
		FormErrors errors = errors();
		assertThat(this.entry.accepts(" 123-456 ", (digits) -> answer(digits, OtpOutcome.ACCEPTED), errors)).isTrue();
		assertThat(this.checked).containsExactly("123456");
		assertThat(errors.isEmpty()).isTrue();
	}

	@Test
	void wrongAndDeadCodesShowTheStepsMessages() {
		FormErrors wrong = errors();
		assertThat(this.entry.accepts("123456", (digits) -> answer(digits, OtpOutcome.WRONG_CODE), wrong)).isFalse();
		assertThat(wrong.byField()).containsEntry(CodeEntry.FIELD, "wrong");
		FormErrors dead = errors();
		assertThat(this.entry.accepts("123456", (digits) -> answer(digits, OtpOutcome.DEAD), dead)).isFalse();
		assertThat(dead.byField()).containsEntry(CodeEntry.FIELD, "dead");
	}

	@Test
	void checkReturnsTheResultOfAnAcceptedCode() {
		record Result(OtpOutcome outcome, String account) {
		}
		Optional<Result> accepted = this.entry.check("654321", (digits) -> new Result(OtpOutcome.ACCEPTED, "a-1"),
				Result::outcome, errors());
		assertThat(accepted).map(Result::account).contains("a-1");
		assertThat(this.entry.check("654321", (digits) -> new Result(OtpOutcome.DEAD, null), Result::outcome, errors()))
			.isEmpty();
	}

	private OtpOutcome answer(String digits) {
		return answer(digits, OtpOutcome.WRONG_CODE);
	}

	private OtpOutcome answer(String digits, OtpOutcome outcome) {
		this.checked.add(digits);
		return outcome;
	}

	private FormErrors errors() {
		return new FormErrors(this.messages, Locale.ENGLISH);
	}

}
