package pk.gov.kp.khyberpass.account.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies citizens' passwords with Argon2id (RFC 9106) through Bouncy Castle,
 * in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded
 * base64).
 * <p>
 * Passwords are NFKC-normalised and UTF-8 encoded before hashing (NIST SP 800-63B-4
 * §3.1.1.2), so the same password typed on different keyboards verifies. Thread-safe.
 */
public final class PasswordHasher {

	private static final int SALT_LENGTH = 16;

	private static final int HASH_LENGTH = 32;

	/**
	 * Bounds on stored parameters, so that a corrupted row cannot make verification run
	 * for minutes.
	 */
	private static final HashingCost CEILING = new HashingCost(1 << 20, 64, 16);

	private static final Pattern PHC = Pattern.compile(
			"\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{22,88})");

	private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getDecoder();

	private final HashingCost cost;

	private final SecureRandom random;

	public PasswordHasher(HashingCost cost, SecureRandom random) {
		this.cost = cost;
		this.random = random;
	}

	/** Hashes {@code password} with a fresh salt at the configured cost. */
	public String hash(String password) {
		byte[] salt = new byte[SALT_LENGTH];
		this.random.nextBytes(salt);
		byte[] hash = argon2(password, salt, this.cost, HASH_LENGTH);
		String encoded = "$argon2id$v=19$m=" + this.cost.memoryKib() + ",t=" + this.cost.iterations() + ",p="
				+ this.cost.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
		Arrays.fill(hash, (byte) 0);
		return encoded;
	}

	/**
	 * Whether {@code password} matches {@code encoded}, compared in constant time. A
	 * malformed {@code encoded} matches nothing.
	 */
	public boolean verify(String password, String encoded) {
		Optional<Stored> stored = Stored.parse(encoded);
		if (stored.isEmpty()) {
			return false;
		}
		Stored s = stored.get();
		byte[] actual = argon2(password, s.salt(), s.cost(), s.hash().length);
		boolean matches = MessageDigest.isEqual(actual, s.hash());
		Arrays.fill(actual, (byte) 0);
		return matches;
	}

	/**
	 * Whether {@code encoded} should be replaced by a fresh hash: it is malformed, or any
	 * of its parameters is below the configured cost.
	 */
	public boolean needsRehash(String encoded) {
		return Stored.parse(encoded).map((stored) -> stored.cost().isBelow(this.cost)).orElse(true);
	}

	private static byte[] argon2(String password, byte[] salt, HashingCost cost, int length) {
		byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withMemoryAsKB(cost.memoryKib())
			.withIterations(cost.iterations())
			.withParallelism(cost.parallelism())
			.withSalt(salt)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] out = new byte[length];
		generator.generateBytes(secret, out);
		Arrays.fill(secret, (byte) 0);
		return out;
	}

	private record Stored(HashingCost cost, byte[] salt, byte[] hash) {

		static Optional<Stored> parse(String encoded) {
			Matcher matcher = PHC.matcher(encoded);
			if (!matcher.matches()) {
				return Optional.empty();
			}
			try {
				HashingCost cost = new HashingCost(Integer.parseInt(matcher.group(1)),
						Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
				if (CEILING.isBelow(cost)) {
					return Optional.empty();
				}
				byte[] salt = DECODER.decode(matcher.group(4));
				byte[] hash = DECODER.decode(matcher.group(5));
				return (salt.length >= 8 && hash.length >= 16) ? Optional.of(new Stored(cost, salt, hash))
						: Optional.empty();
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}

	}

}
