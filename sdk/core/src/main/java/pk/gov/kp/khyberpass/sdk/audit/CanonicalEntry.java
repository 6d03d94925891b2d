package pk.gov.kp.khyberpass.sdk.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The audit chain's hash, written from its published definition (docs/security-model.md)
 * rather than shared with the server, so that the verifier is an independent check of the
 * server's arithmetic: {@code entry_hash = SHA-256(prev_hash || canonical(entry))}, the
 * canonical form being a version byte (1), the sequence as 8 big-endian bytes, then
 * occurred-at, type, actor, subject and client id as 4-byte big-endian lengths and UTF-8
 * bytes (length -1 for an absent value), then the number of details and each name and
 * value sorted by name.
 */
final class CanonicalEntry {

	private static final byte VERSION = 1;

	private CanonicalEntry() {
	}

	static String hash(String prevHash, long sequence, String occurredAt, String type, String actor, String subject,
			@Nullable String clientId, Map<String, String> details) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.write(VERSION);
		out.writeBytes(ByteBuffer.allocate(8).putLong(sequence).array());
		field(out, occurredAt);
		field(out, type);
		field(out, actor);
		field(out, subject);
		field(out, clientId);
		Map<String, String> sorted = new TreeMap<>(details);
		out.writeBytes(ByteBuffer.allocate(4).putInt(sorted.size()).array());
		sorted.forEach((name, value) -> {
			field(out, name);
			field(out, value);
		});
		MessageDigest digest = sha256();
		digest.update(HexFormat.of().parseHex(prevHash));
		digest.update(out.toByteArray());
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void field(ByteArrayOutputStream out, @Nullable String value) {
		if (value == null) {
			out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
		out.writeBytes(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
