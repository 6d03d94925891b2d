-- The tamper-evident audit log. Each entry carries the SHA-256 of its predecessor's hash and its own
-- canonical form (see audit.AuditChain); writers serialise on the one-row chain head (SELECT ... FOR UPDATE)
-- so several nodes append one gap-free chain. Checkpoints are JWS signed with the server's signing keys.
CREATE TABLE audit_chain_head (
    id SMALLINT NOT NULL PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_entry (
    sequence BIGINT NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    type VARCHAR(40) NOT NULL,
    actor VARCHAR(200) NOT NULL,
    subject VARCHAR(200) NOT NULL,
    client_id VARCHAR(200),
    details TEXT NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    entry_hash VARCHAR(64) NOT NULL
);

CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at);
CREATE INDEX audit_entry_subject ON audit_entry (subject);
CREATE INDEX audit_entry_actor ON audit_entry (actor);

CREATE TABLE audit_checkpoint (
    sequence BIGINT NOT NULL PRIMARY KEY,
    head_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature TEXT NOT NULL
);
