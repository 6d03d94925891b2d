package pk.gov.kp.khyberpass.account.password;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses passwords that contain the service's name or the citizen's own identifiers
 * (CNIC, mobile number, name parts), which NIST SP 800-63B-4 lists as context-specific
 * words.
 */
final class ContextWordsValidator implements PasswordValidator {

	static final String CONTEXT = "password.context";

	/** Shorter words match too much by chance. */
	private static final int MIN_WORD_LENGTH = 4;

	private static final List<String> SERVICE_WORDS = List.of("khyberpass", "khyber pass");

	@Override
	public Optional<PasswordViolation> validate(PasswordCandidate candidate) {
		String password = candidate.password().toLowerCase(Locale.ROOT);
		boolean found = Stream.concat(SERVICE_WORDS.stream(), candidate.contextWords().stream())
			.map((word) -> word.strip().toLowerCase(Locale.ROOT))
			.filter((word) -> word.length() >= MIN_WORD_LENGTH)
			.anyMatch(password::contains);
		return found ? Optional.of(PasswordViolation.of(CONTEXT)) : Optional.empty();
	}

}
