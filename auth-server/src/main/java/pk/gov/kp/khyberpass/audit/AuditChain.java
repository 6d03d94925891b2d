package pk.gov.kp.khyberpass.audit;

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
 * The hash chain's arithmetic:
 * {@code entry_hash = SHA-256(prev_hash || canonical(entry))}.
 * <p>
 * The canonical form is unambiguous without escaping: a version byte, the sequence as 8
 * big-endian bytes, then each field as a 4-byte big-endian length and its UTF-8 bytes
 * (length -1 for an absent client id): occurred-at (ISO-8601 UTC with microseconds,
 * {@code 2026-11-26T21:53:23.123456Z}), type name, actor, subject, client id, then the
 * number of details and each name and value, sorted by name (by UTF-16 code units, as
 * {@link String#compareTo}). {@code prev_hash} enters as its 32 raw bytes.
 */
final class AuditChain {

	/** The {@code prev_hash} of the first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final byte VERSION = 1;

	private AuditChain() {
	}

	static String hash(String prevHash, long sequence, AuditEvent event) {
		MessageDigest digest = sha256();
		digest.update(HexFormat.of().parseHex(prevHash));
		digest.update(canonical(sequence, event));
		return HexFormat.of().formatHex(digest.digest());
	}

	static byte[] canonical(long sequence, AuditEvent event) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		out.write(VERSION);
		out.writeBytes(ByteBuffer.allocate(8).putLong(sequence).array());
		field(out, AuditTimes.format(event.occurredAt()));
		field(out, event.type().name());
		field(out, event.actor());
		field(out, event.subject());
		field(out, event.clientId());
		Map<String, String> details = new TreeMap<>(event.details());
		out.writeBytes(ByteBuffer.allocate(4).putInt(details.size()).array());
		details.forEach((name, value) -> {
			field(out, name);
			field(out, value);
		});
		return out.toByteArray();
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
