package pk.gov.kp.khyberpass.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HMAC-SHA-256 under a key derived from the master key for one purpose: how Khyber Pass stores or looks
 * up values without keeping them (client secrets, recovery codes, the CNIC blind index) and derives
 * stable pseudonyms (pairwise subjects, throttling keys). Without the master key the outputs cannot be
 * recomputed, which is what makes them safe for low-entropy inputs such as CNICs. Thread-safe.
 */
public final class KeyedHash {

	private final SecretKey key;

	KeyedHash(SecretKey key) {
		this.key = key;
	}

	/** The raw 32-byte MAC of {@code data}. */
	public byte[] of(byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA-256 is not available", ex);
		}
	}

	/** The MAC of the UTF-8 bytes of {@code text}, base64url without padding (43 characters). */
	public String base64Url(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(of(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The MAC of the UTF-8 bytes of {@code text}, lower-case hex (64 characters). */
	public String hex(String text) {
		return HexFormat.of().formatHex(of(text.getBytes(StandardCharsets.UTF_8)));
	}

}
