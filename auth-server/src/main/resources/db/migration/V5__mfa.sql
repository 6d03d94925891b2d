-- Second factors. TOTP secrets are sealed under the master key (bound to the account id); recovery codes
-- are stored only as keyed hashes and each can be used once.
CREATE TABLE totp_credential (
    account_id UUID NOT NULL PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    secret_sealed BYTEA NOT NULL,
    master_key_id VARCHAR(16) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE recovery_code (
    account_id UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);
