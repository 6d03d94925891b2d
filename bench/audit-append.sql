-- One audit append as AuditLog.record does it (AuditRepository): lock the chain head, insert the entry with the
-- next sequence, move the head, in one transaction. The hash is a fixed 64-character string here: computing
-- SHA-256 of one entry in the server costs microseconds and is not what serialises the writers.
BEGIN;
SELECT last_sequence FROM audit_chain_head WHERE id = 1 FOR UPDATE \gset
INSERT INTO audit_entry (sequence, occurred_at, type, actor, subject, client_id, details, prev_hash, entry_hash)
VALUES (:last_sequence + 1, now(), 'SIGN_IN_SUCCEEDED', 'account-bench', 'account-bench', 'bench-client',
        '{"addressPrefix":"127.0.0","addressHash":"bench"}', (SELECT last_hash FROM audit_chain_head WHERE id = 1),
        '1111111111111111111111111111111111111111111111111111111111111111');
UPDATE audit_chain_head SET last_sequence = :last_sequence + 1,
        last_hash = '1111111111111111111111111111111111111111111111111111111111111111' WHERE id = 1;
COMMIT;
