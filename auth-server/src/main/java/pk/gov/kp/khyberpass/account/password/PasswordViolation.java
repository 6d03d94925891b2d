package pk.gov.kp.khyberpass.account.password;

import java.util.List;

/**
 * One rule a proposed password breaks, as a message key and its arguments for the
 * citizen's language.
 *
 * @param messageKey the message bundle key, for example {@code password.too-short}
 * @param arguments the message arguments, for example the minimum length
 */
public record PasswordViolation(String messageKey, List<Object> arguments) {

	public PasswordViolation {
		arguments = List.copyOf(arguments);
	}

	static PasswordViolation of(String messageKey, Object... arguments) {
		return new PasswordViolation(messageKey, List.of(arguments));
	}

}
