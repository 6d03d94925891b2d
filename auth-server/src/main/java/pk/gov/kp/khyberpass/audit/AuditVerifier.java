package pk.gov.kp.khyberpass.audit;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One walk of the chain for {@link AuditLog#verify()}; runs inside a read-only
 * repeatable-read transaction.
 */
final class AuditVerifier {

	private final AuditRepository repository;

	private final AuditCheckpointSigner signer;

	private long expected = 1;

	private String previousHash = AuditChain.GENESIS;

	private AuditVerification.@Nullable Broken broken;

	AuditVerifier(AuditRepository repository, AuditCheckpointSigner signer) {
		this.repository = repository;
		this.signer = signer;
	}

	AuditVerification verify() {
		AuditRepository.Head head = this.repository.head();
		Map<Long, AuditRepository.Checkpoint> checkpoints = new HashMap<>();
		int signed = 0;
		for (AuditRepository.Checkpoint checkpoint : this.repository.checkpoints()) {
			AuditCheckpointSigner.Outcome outcome = this.signer.verify(checkpoint);
			switch (outcome) {
				case VALID -> signed++;
				case UNTRUSTED_KEY -> breakAt(checkpoint.sequence(),
						"checkpoint is signed by a key the internal authority did not certify");
				case MISMATCH -> breakAt(checkpoint.sequence(), "checkpoint does not match what its signature says");
				case BAD_SIGNATURE -> breakAt(checkpoint.sequence(), "checkpoint signature does not verify");
			}
			checkpoints.put(checkpoint.sequence(), checkpoint);
		}
		this.repository.forEachRow(head.sequence(), (row) -> check(row, checkpoints));
		long last = this.expected - 1;
		if (last < head.sequence()) {
			breakAt(last + 1, "entries " + (last + 1) + " to " + head.sequence() + " are missing");
		}
		else if (!head.hash().equals(this.previousHash)) {
			breakAt(head.sequence(), "the chain head does not match the last entry");
		}
		for (long sequence : checkpoints.keySet()) {
			if (sequence > last) {
				breakAt(last + 1, "checkpoint at " + sequence + " is past the end of the chain");
			}
		}
		if (this.broken != null) {
			return this.broken;
		}
		return new AuditVerification.Intact(last, last, signed);
	}

	private void check(AuditRepository.Row row, Map<Long, AuditRepository.Checkpoint> checkpoints) {
		if (this.broken != null && this.broken.firstBrokenSequence() <= this.expected) {
			return;
		}
		long sequence = row.sequence();
		if (sequence != this.expected) {
			breakAt(this.expected, "entry " + this.expected + " is missing (next stored entry is " + sequence + ")");
			return;
		}
		if (!row.prevHash().equals(this.previousHash)) {
			breakAt(sequence, "prev_hash does not match the previous entry (deleted, inserted or reordered)");
			return;
		}
		String recomputed;
		try {
			recomputed = AuditChain.hash(this.previousHash, sequence, row.toEntry(this.repository).event());
		}
		catch (RuntimeException ex) {
			breakAt(sequence, "entry is not well-formed (" + ex.getClass().getSimpleName() + ")");
			return;
		}
		if (!recomputed.equals(row.entryHash())) {
			breakAt(sequence, "entry hash does not recompute (edited)");
			return;
		}
		AuditRepository.Checkpoint checkpoint = checkpoints.get(sequence);
		if (checkpoint != null && !checkpoint.headHash().equals(row.entryHash())) {
			breakAt(sequence, "entry differs from the signed checkpoint at " + sequence);
			return;
		}
		this.previousHash = row.entryHash();
		this.expected++;
	}

	private void breakAt(long sequence, String reason) {
		if (this.broken == null || sequence < this.broken.firstBrokenSequence()) {
			this.broken = new AuditVerification.Broken(sequence, reason);
		}
	}

}
