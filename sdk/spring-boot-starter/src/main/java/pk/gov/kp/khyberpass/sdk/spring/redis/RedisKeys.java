package pk.gov.kp.khyberpass.sdk.spring.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Names the Redis keys of one department client:
 * {@code khyberpass:<client id>:<kind>:<hash>}, the hash being SHA-256 of the value, so
 * keys have a fixed length and show no token id, session id or citizen identifier to
 * whoever reads Redis. Immutable.
 */
final class RedisKeys {

	private final String prefix;

	RedisKeys(String clientId) {
		this.prefix = "khyberpass:" + clientId + ":";
	}

	String key(String kind, String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return this.prefix + kind + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
