package pk.gov.kp.khyberpass.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The stored form of a token: SHA-256, which is safe unkeyed because every token we issue carries at least
 * 256 bits of entropy. A stored authorization holds these in place of token values.
 */
final class TokenHash {

	static final String PREFIX = "sha256:";

	private TokenHash() {
	}

	/** The hash of {@code tokenValue}, or the value itself when it already is a hash. */
	static String of(String tokenValue) {
		if (isHash(tokenValue)) {
			return tokenValue;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenValue.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	static boolean isHash(String value) {
		return value.startsWith(PREFIX);
	}

}
