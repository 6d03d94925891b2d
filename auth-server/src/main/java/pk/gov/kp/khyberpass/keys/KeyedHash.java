package pk.gov.kp.khyberpass.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA-256 under a key derived from the master key for one purpose: how Khyber Pass
 * stores or looks up values without keeping them (client secrets, recovery codes, the
 * CNIC blind index) and derives stable pseudonyms (pairwise subjects, throttling keys).
 * Without the master key the outputs cannot be recomputed, which is what makes them safe
 * for low-entropy inputs such as CNICs. Thread-safe.
 */
public final class KeyedHash {

	/**
	 * Initialised once; each MAC works on a clone, cheaper than a provider look-up and
	 * key set-up per call.
	 */
	private final Mac initialised;

	KeyedHash(SecretKey key) {
		try {
			this.initialised = Mac.getInstance("HmacSHA256");
			this.initialised.init(key);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

	/** The raw 32-byte MAC of {@code data}. */
	public byte[] of(byte[] data) {
		try {
			return ((Mac) this.initialised.clone()).doFinal(data);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the HMAC-SHA-256 provider cannot clone a MAC", ex);
		}
	}

	/**
	 * The MAC of the UTF-8 bytes of {@code text}, base64url without padding (43
	 * characters).
	 */
	public String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(of(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The MAC of the UTF-8 bytes of {@code text}, lower-case hex (64 characters). */
	public String hex(String text) {
		return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
	}

}
