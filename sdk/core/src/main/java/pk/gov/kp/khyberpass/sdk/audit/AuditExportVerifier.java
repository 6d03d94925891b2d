package pk.gov.kp.khyberpass.sdk.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.jspecify.annotations.Nullable;

/**
 * Checks an export of the Khyber Pass audit log (the admin API's JSON-lines export) away
 * from the server: every entry's hash recomputed and linked to its predecessor from
 * sequence 1 without gaps, and every signed checkpoint verified with the certificate
 * chain it carries, which must lead to the internal authority's certificate that the
 * caller pins (taken once from the issuer's JWKS, the last {@code x5c} entry, and kept
 * with the security team's records). Editing, deleting, inserting or reordering an entry
 * is named by its sequence; so is cutting the tail behind a checkpoint.
 * <p>
 * Command line: {@code java -cp khyberpass-sdk-core.jar:nimbus-jose-jwt.jar
 * pk.gov.kp.khyberpass.sdk.audit.AuditExportVerifier export.jsonl authority.pem}; exit
 * status 0 intact, 1 broken, 2 unusable input. Immutable and thread-safe.
 */
public final class AuditExportVerifier {

	private static final String GENESIS = "0".repeat(64);

	private final X509Certificate authority;

	private AuditExportVerifier(X509Certificate authority) {
		this.authority = authority;
	}

	/**
	 * A verifier that trusts checkpoints signed by keys that {@code authority} certified.
	 */
	public static AuditExportVerifier trusting(X509Certificate authority) {
		return new AuditExportVerifier(Objects.requireNonNull(authority, "authority"));
	}

	/** Reads one PEM or DER certificate, e.g. the pinned internal authority. */
	public static X509Certificate readCertificate(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		catch (GeneralSecurityException ex) {
			throw new IOException(file + " does not hold an X.509 certificate", ex);
		}
	}

	/**
	 * Verifies the export at {@code file}, reading it twice (checkpoints, then the chain)
	 * so that memory stays flat however long the log is.
	 * @throws IOException if the file cannot be read
	 */
	public AuditExportVerification verify(Path file) throws IOException {
		Map<Long, ExportedCheckpoint> checkpoints = new LinkedHashMap<>();
		Broken broken = new Broken();
		long lineNumber = 0;
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				lineNumber++;
				Map<String, Object> parsed = parse(line, lineNumber);
				if (parsed.get("checkpoint") instanceof Map<?, ?> fields) {
					ExportedCheckpoint checkpoint = ExportedCheckpoint.from(fieldsOf(fields));
					String problem = checkpoint.problem(this.authority);
					if (problem != null) {
						broken.at(checkpoint.sequence(), problem);
					}
					checkpoints.put(checkpoint.sequence(), checkpoint);
				}
			}
		}
		ChainWalk walk = new ChainWalk(checkpoints, broken);
		lineNumber = 0;
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				lineNumber++;
				Map<String, Object> parsed = parse(line, lineNumber);
				if (!parsed.containsKey("checkpoint")) {
					walk.check(parsed);
				}
			}
		}
		long last = walk.expected - 1;
		for (long sequence : checkpoints.keySet()) {
			if (sequence > last) {
				broken.at(last + 1, "entries up to the checkpoint at " + sequence + " are missing");
			}
		}
		if (broken.sequence != Long.MAX_VALUE) {
			return new AuditExportVerification.Broken(broken.sequence, Objects.requireNonNull(broken.reason));
		}
		return new AuditExportVerification.Intact(last, checkpoints.size());
	}

	private static Map<String, Object> parse(String line, long lineNumber) throws IOException {
		try {
			return JSONObjectUtils.parse(line);
		}
		catch (ParseException ex) {
			throw new IOException("line " + lineNumber + " is not a JSON object", ex);
		}
	}

	private static Map<String, Object> fieldsOf(Map<?, ?> map) {
		Map<String, Object> fields = new HashMap<>();
		map.forEach((key, value) -> fields.put(String.valueOf(key), value));
		return fields;
	}

	/**
	 * Runs the verifier from the command line.
	 * @param args the export file and the pinned authority certificate
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2) {
			err.println("usage: AuditExportVerifier <export.jsonl> <authority-certificate.pem>");
			return 2;
		}
		try {
			AuditExportVerification result = trusting(readCertificate(Path.of(args[1]))).verify(Path.of(args[0]));
			if (result instanceof AuditExportVerification.Intact intact) {
				out.println(
						"Intact: " + intact.entries() + " entries, " + intact.checkpoints() + " signed checkpoints");
				return 0;
			}
			AuditExportVerification.Broken brokenAt = (AuditExportVerification.Broken) result;
			out.println("Broken at entry " + brokenAt.firstBrokenSequence() + ": " + brokenAt.reason());
			return 1;
		}
		catch (IOException | IllegalArgumentException ex) {
			err.println("Cannot verify: " + ex.getMessage());
			return 2;
		}
	}

	/** The earliest break found so far. */
	private static final class Broken {

		private long sequence = Long.MAX_VALUE;

		private @Nullable String reason;

		void at(long at, String why) {
			if (at < this.sequence) {
				this.sequence = at;
				this.reason = why;
			}
		}

	}

	/** The walk of the entry lines in file order. */
	private static final class ChainWalk {

		private final Map<Long, ExportedCheckpoint> checkpoints;

		private final Broken broken;

		private long expected = 1;

		private String previousHash = GENESIS;

		private boolean stopped;

		ChainWalk(Map<Long, ExportedCheckpoint> checkpoints, Broken broken) {
			this.checkpoints = checkpoints;
			this.broken = broken;
		}

		void check(Map<String, Object> entry) {
			if (this.stopped) {
				return;
			}
			long sequence;
			String recomputed;
			String prevHash;
			String entryHash;
			try {
				sequence = ExportLines.number(entry, "sequence");
				prevHash = ExportLines.text(entry, "prevHash");
				entryHash = ExportLines.text(entry, "entryHash");
				if (sequence != this.expected) {
					stop(this.expected,
							"entry " + this.expected + " is missing or out of order (found " + sequence + ")");
					return;
				}
				if (!prevHash.equals(this.previousHash)) {
					stop(sequence, "prevHash does not match the previous entry (deleted, inserted or reordered)");
					return;
				}
				recomputed = CanonicalEntry.hash(prevHash, sequence, ExportLines.text(entry, "occurredAt"),
						ExportLines.text(entry, "type"), ExportLines.text(entry, "actor"),
						ExportLines.text(entry, "subject"), ExportLines.optionalText(entry, "clientId"),
						details(entry));
			}
			catch (IllegalArgumentException ex) {
				stop(this.expected, "entry is not well-formed (" + ex.getMessage() + ")");
				return;
			}
			if (!recomputed.equals(entryHash)) {
				stop(sequence, "entry hash does not recompute (edited)");
				return;
			}
			ExportedCheckpoint checkpoint = this.checkpoints.get(sequence);
			if (checkpoint != null && !checkpoint.headHash().equals(entryHash)) {
				stop(sequence, "entry differs from the signed checkpoint at " + sequence);
				return;
			}
			this.previousHash = entryHash;
			this.expected++;
		}

		private void stop(long sequence, String reason) {
			this.broken.at(sequence, reason);
			this.stopped = true;
		}

		private static Map<String, String> details(Map<String, Object> entry) {
			Object details = entry.get("details");
			if (!(details instanceof Map<?, ?> map)) {
				throw new IllegalArgumentException("details is not an object");
			}
			Map<String, String> values = new HashMap<>();
			map.forEach((name, value) -> {
				if (!(value instanceof String text)) {
					throw new IllegalArgumentException("detail " + name + " is not text");
				}
				values.put(String.valueOf(name), text);
			});
			return values;
		}

	}

}
