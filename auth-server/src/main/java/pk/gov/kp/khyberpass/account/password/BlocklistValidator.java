package pk.gov.kp.khyberpass.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses passwords found on a list of commonly used or compromised ones, compared
 * without regard to case.
 */
final class BlocklistValidator implements PasswordValidator {

	static final String BLOCKED = "password.blocked";

	static final String DEFAULT_LIST = "/account/common-passwords.txt";

	private final Set<String> blocked;

	BlocklistValidator(Set<String> blocked) {
		this.blocked = blocked.stream().map(BlocklistValidator::fold).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * The list shipped with Khyber Pass: one password a line, {@code #} starts a comment.
	 */
	static BlocklistValidator shipped() {
		try (InputStream in = BlocklistValidator.class.getResourceAsStream(DEFAULT_LIST)) {
			if (in == null) {
				throw new IllegalStateException("The password blocklist " + DEFAULT_LIST + " is missing");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			return new BlocklistValidator(reader.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toSet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int size() {
		return this.blocked.size();
	}

	@Override
	public Optional<PasswordViolation> validate(PasswordCandidate candidate) {
		return this.blocked.contains(fold(candidate.password())) ? Optional.of(PasswordViolation.of(BLOCKED))
				: Optional.empty();
	}

	private static String fold(String password) {
		return password.toLowerCase(Locale.ROOT);
	}

}
