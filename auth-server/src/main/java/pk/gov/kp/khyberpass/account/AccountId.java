package pk.gov.kp.khyberpass.account;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * The stable, non-personal identifier of a citizen account; the authenticated principal's
 * name.
 *
 * @param value the random (version 4) UUID
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	/** A fresh random id drawn from {@code random}. */
	public static AccountId generate(SecureRandom random) {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (bytes[i] & 0xff);
			least = (least << 8) | (bytes[i + 8] & 0xff);
		}
		return new AccountId(new UUID(most, least));
	}

	/**
	 * Parses the string form.
	 * @throws IllegalArgumentException if {@code text} is not a UUID
	 */
	public static AccountId parse(String text) {
		return new AccountId(UUID.fromString(text));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
