-- Revocation reaches derived tokens, and back-channel logout survives a node that stops. Runs on PostgreSQL
-- and on H2 in PostgreSQL mode.

-- A family created by token exchange (RFC 8693) names the family whose access token it was exchanged from
-- (always the root, never another exchanged family), so that revoking the root revokes it too.
ALTER TABLE token_family ADD COLUMN parent_family_id VARCHAR(100);
CREATE INDEX token_family_parent ON token_family (parent_family_id);

-- Logout tokens waiting to reach a department's back-channel logout URI. Every node polls the due rows
-- (SELECT ... FOR UPDATE SKIP LOCKED, so two nodes never take the same row at once); a row is deleted when
-- the department accepts the token or after the last attempt. The logout token is a signed JWT without
-- secrets, kept only until then.
CREATE TABLE backchannel_logout_delivery (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    client_id VARCHAR(100) NOT NULL,
    endpoint VARCHAR(2000) NOT NULL,
    logout_token TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX backchannel_logout_delivery_due ON backchannel_logout_delivery (next_attempt_at);
