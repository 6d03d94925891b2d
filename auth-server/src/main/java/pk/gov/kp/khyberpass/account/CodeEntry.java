package pk.gov.kp.khyberpass.account;

import java.util.Optional;
import java.util.function.Function;

/**
 * The "type the code we sent you" step of registration, recovery and the profile changes:
 * the typed code's format first (a badly typed code costs no attempt), then the check,
 * then the field error that names why a code was refused. Each step says which messages a
 * wrong code and a dead challenge show.
 *
 * @param wrongCodeKey the message of a wrong code (the challenge lives on)
 * @param deadKey the message of a dead challenge (expired, used, or too many wrong codes)
 */
public record CodeEntry(String wrongCodeKey, String deadKey) {

	/** The form field, and the request parameter, of the typed code. */
	public static final String FIELD = "code";

	static final String FORMAT_KEY = "register.code.format";

	/**
	 * Checks the typed code; on a badly typed, wrong or dead code, adds the field error.
	 * @param typed the code as the citizen typed it
	 * @param check checks six digits and tells the outcome
	 * @param errors where the field error goes
	 * @return whether the code was accepted
	 */
	public boolean accepts(String typed, Function<String, OtpOutcome> check, FormErrors errors) {
		return check(typed, check, Function.identity(), errors).isPresent();
	}

	/**
	 * As {@link #accepts}, for a check that returns more than the outcome.
	 * @return the check's result when its outcome is {@link OtpOutcome#ACCEPTED},
	 * otherwise empty
	 */
	public <R> Optional<R> check(String typed, Function<String, R> check, Function<R, OtpOutcome> outcomeOf,
			FormErrors errors) {
		Optional<String> digits = OtpChallenges.typedCode(typed);
		if (digits.isEmpty()) {
			errors.add(FIELD, FORMAT_KEY);
			return Optional.empty();
		}
		R result = check.apply(digits.get());
		switch (outcomeOf.apply(result)) {
			case ACCEPTED -> {
				return Optional.of(result);
			}
			case WRONG_CODE -> errors.add(FIELD, this.wrongCodeKey);
			case DEAD -> errors.add(FIELD, this.deadKey);
		}
		return Optional.empty();
	}

}
