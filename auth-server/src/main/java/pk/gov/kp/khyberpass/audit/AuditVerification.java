package pk.gov.kp.khyberpass.audit;

/**
 * The outcome of {@link AuditLog#verify()}.
 */
public sealed interface AuditVerification {

	/**
	 * Every entry links to its predecessor, every hash recomputes and every checkpoint
	 * matches its signature.
	 *
	 * @param entries how many entries were checked
	 * @param lastSequence the sequence of the last entry (0 when the log is empty)
	 * @param checkpoints how many signed checkpoints were checked
	 */
	record Intact(long entries, long lastSequence, int checkpoints) implements AuditVerification {
	}

	/**
	 * The chain is broken: an entry was edited, deleted, reordered or inserted, or a
	 * checkpoint does not match.
	 *
	 * @param firstBrokenSequence the first sequence that does not verify
	 * @param reason what was found, for operators
	 */
	record Broken(long firstBrokenSequence, String reason) implements AuditVerification {
	}

}
