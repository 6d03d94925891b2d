-- Passkeys (WebAuthn). One random user handle per account, the same for all its passkeys (authenticators
-- keep one discoverable credential per user handle and relying party). Per passkey: the credential id, the
-- COSE public key, the signature counter, transports and AAGUID as the authenticator reported them, and the
-- name the citizen gave it. Nothing here is secret: a public key cannot sign.
CREATE TABLE passkey_user (
    account_id UUID NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    user_handle BYTEA NOT NULL UNIQUE
);

CREATE TABLE passkey_credential (
    id UUID NOT NULL PRIMARY KEY,
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id VARCHAR(1400) NOT NULL UNIQUE,
    public_key_cose BYTEA NOT NULL,
    sign_count BIGINT NOT NULL,
    uv_initialized BOOLEAN NOT NULL,
    backup_eligible BOOLEAN NOT NULL,
    backup_state BOOLEAN NOT NULL,
    transports VARCHAR(200) NOT NULL,
    aaguid VARCHAR(36) NOT NULL,
    name VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX passkey_credential_account ON passkey_credential (account_id);
