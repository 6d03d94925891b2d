package pk.gov.kp.khyberpass.sdk.audit;

/**
 * What {@link AuditExportVerifier} found: the export is intact, or the first entry where
 * it is not.
 */
public sealed interface AuditExportVerification {

	/**
	 * Every entry links to its predecessor and recomputes, and every checkpoint is signed
	 * by a key the pinned authority certified and matches the chain.
	 *
	 * @param entries the number of entries checked
	 * @param checkpoints the number of signed checkpoints checked
	 */
	record Intact(long entries, int checkpoints) implements AuditExportVerification {
	}

	/**
	 * The first entry (by sequence) at which the export stops being trustworthy.
	 *
	 * @param firstBrokenSequence the sequence of that entry
	 * @param reason what was wrong there, in words for an operator
	 */
	record Broken(long firstBrokenSequence, String reason) implements AuditExportVerification {
	}

}
