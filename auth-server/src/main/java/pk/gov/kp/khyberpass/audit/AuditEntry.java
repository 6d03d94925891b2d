package pk.gov.kp.khyberpass.audit;

/**
 * One stored link of the audit chain.
 *
 * @param sequence the position in the chain, from 1, without gaps
 * @param event what was recorded
 * @param prevHash the hash of the previous entry (64 zeros for the first), lower-case hex
 * @param entryHash SHA-256 of {@code prevHash} and the canonical form of this entry,
 * lower-case hex
 */
public record AuditEntry(long sequence, AuditEvent event, String prevHash, String entryHash) {
}
