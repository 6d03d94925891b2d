package pk.gov.kp.khyberpass.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident audit log: appends {@link AuditEvent}s to a SHA-256 hash chain (one
 * chain for all nodes, serialised on the chain head's row lock), signs checkpoints with
 * the server's keys, verifies the chain, searches it and exports it. Thread-safe.
 */
public final class AuditLog {

	/** The most entries one search returns. */
	public static final int MAX_RESULTS = 1000;

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final AuditRepository repository;

	private final AuditCheckpointSigner signer;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditRepository repository, AuditCheckpointSigner signer, TransactionTemplate writes,
			TransactionTemplate reads, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.signer = signer;
		this.writes = writes;
		this.reads = reads;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Appends {@code event} to the chain in its own transaction (one row lock, one
	 * INSERT, one UPDATE). Features normally publish the event instead of calling this.
	 * @return the stored entry
	 */
	public AuditEntry record(AuditEvent event) {
		AuditEntry entry = this.writes.execute((status) -> {
			AuditRepository.Head head = this.repository.lockHead();
			long sequence = head.sequence() + 1;
			AuditEntry next = new AuditEntry(sequence, event, head.hash(),
					AuditChain.hash(head.hash(), sequence, event));
			this.repository.insert(next);
			return next;
		});
		return Objects.requireNonNull(entry);
	}

	/**
	 * Signs a checkpoint of the chain as it ends now, unless the last checkpoint already
	 * covers it.
	 * @return the sequence checkpointed, or empty if there was nothing new
	 */
	public Optional<Long> checkpoint() {
		try {
			return Optional.ofNullable(this.writes.execute((status) -> {
				AuditRepository.Head head = this.repository.head();
				if (head.sequence() == 0 || head.sequence() <= this.repository.lastCheckpointSequence()) {
					return null;
				}
				Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
				String signature = this.signer.sign(head.sequence(), head.hash(), at);
				this.repository
					.insertCheckpoint(new AuditRepository.Checkpoint(head.sequence(), head.hash(), at, signature));
				log.info("Signed audit checkpoint at sequence {}", head.sequence());
				return head.sequence();
			}));
		}
		catch (DuplicateKeyException ex) {
			// another node checkpointed the same head a moment ago
			return Optional.empty();
		}
	}

	/**
	 * Walks the whole chain in one consistent snapshot: every sequence from 1 without
	 * gaps, every {@code prev_hash} equal to the previous entry's hash, every hash
	 * recomputed, the chain head equal to the last entry, and every checkpoint signed by
	 * a key the internal authority certified (retired keys too) and equal to the chain at
	 * its sequence.
	 */
	public AuditVerification verify() {
		return Objects
			.requireNonNull(this.reads.execute((status) -> new AuditVerifier(this.repository, this.signer).verify()));
	}

	/**
	 * Entries matching every given filter ({@code null} matches all), newest first.
	 * @param from inclusive lower bound of {@code occurredAt}
	 * @param to exclusive upper bound of {@code occurredAt}
	 * @param limit at most this many (capped at {@link #MAX_RESULTS})
	 */
	public List<AuditEntry> search(@Nullable Instant from, @Nullable Instant to, @Nullable AuditEventType type,
			@Nullable String actor, @Nullable String subject, @Nullable String clientId, int limit) {
		int capped = Math.max(0, Math.min(limit, MAX_RESULTS));
		return this.repository.search(from, to, type, actor, subject, clientId, capped);
	}

	/**
	 * Writes every entry, in sequence order, as one JSON object per line with the fields
	 * {@code sequence,
	 * occurredAt, type, actor, subject, clientId, details, prevHash, entryHash} as stored
	 * (so an external tool can recompute the chain), then one line {@code {"checkpoint":
	 * {sequence, headHash, createdAt, signature, x5c}}} per signed checkpoint,
	 * {@code x5c} being the signing key's certificate chain up to the internal authority
	 * (base64 DER), so that an offline verifier that pins the authority's certificate can
	 * check every signature, even of keys long retired.
	 */
	public void exportJsonLines(Writer writer) throws IOException {
		try {
			this.reads.executeWithoutResult((status) -> {
				AuditRepository.Head head = this.repository.head();
				this.repository.forEachRow(head.sequence(), (row) -> write(writer, row));
				this.repository.checkpoints()
					.stream()
					.filter((checkpoint) -> checkpoint.sequence() <= head.sequence())
					.forEach((checkpoint) -> write(writer, checkpoint));
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
	}

	private void write(Writer writer, AuditRepository.Checkpoint checkpoint) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("sequence", checkpoint.sequence());
		fields.put("headHash", checkpoint.headHash());
		fields.put("createdAt", AuditTimes.format(checkpoint.createdAt()));
		fields.put("signature", checkpoint.signature());
		fields.put("x5c", this.signer.chainOf(checkpoint.signature()).stream().map(AuditLog::derBase64).toList());
		writeLine(writer, Map.of("checkpoint", fields));
	}

	private static String derBase64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("Could not encode a stored certificate", ex);
		}
	}

	private void write(Writer writer, AuditRepository.Row row) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("sequence", row.sequence());
		line.put("occurredAt", AuditTimes.format(row.occurredAt()));
		line.put("type", row.type());
		line.put("actor", row.actor());
		line.put("subject", row.subject());
		line.put("clientId", row.clientId());
		line.put("details", this.repository.parseDetails(row.details()));
		line.put("prevHash", row.prevHash());
		line.put("entryHash", row.entryHash());
		writeLine(writer, line);
	}

	private void writeLine(Writer writer, Map<String, Object> line) {
		try {
			writer.write(this.json.writeValueAsString(line));
			writer.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
