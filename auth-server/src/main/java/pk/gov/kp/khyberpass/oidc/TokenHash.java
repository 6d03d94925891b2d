package pk.gov.kp.khyberpass.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The stored form of a token: SHA-256, which is safe unkeyed because every token we issue
 * carries at least 256 bits of entropy. A stored authorization holds these in place of
 * token values.
 */
final class TokenHash {

	static final String PREFIX = "sha256:";

	private TokenHash() {
	}

	/** The hash of {@code tokenValue}, or the value itself when it already is a hash. */
	static String of(String tokenValue) {
		return isHash(tokenValue) ? tokenValue : PREFIX + sha256(tokenValue);
	}

	/** SHA-256 of the UTF-8 bytes of {@code value}, base64url without padding. */
	static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static boolean isHash(String value) {
		return value.startsWith(PREFIX);
	}

}
