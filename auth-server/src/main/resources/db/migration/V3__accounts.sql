-- Citizen accounts (feature package "account"). Runs on PostgreSQL and on H2 in PostgreSQL mode.
-- The CNIC is stored only encrypted (AES-256-GCM under a key derived from the master key, bound to the row id)
-- and found by its keyed blind index (HMAC-SHA-256, 64 hex characters); never in the clear, never unkeyed.
CREATE TABLE accounts (
    id                  UUID                     NOT NULL,
    cnic_ciphertext     BYTEA                    NOT NULL,
    cnic_key_id         VARCHAR(16)              NOT NULL,
    cnic_blind_index    VARCHAR(64)              NOT NULL,
    full_name           VARCHAR(200)             NOT NULL,
    birth_date          DATE                     NOT NULL,
    mobile_e164         VARCHAR(16),
    email               VARCHAR(320),
    password_hash       VARCHAR(200)             NOT NULL,
    status              VARCHAR(16)              DEFAULT 'ACTIVE' NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT accounts_pkey PRIMARY KEY (id),
    CONSTRAINT accounts_cnic_blind_index_key UNIQUE (cnic_blind_index),
    CONSTRAINT accounts_mobile_e164_key UNIQUE (mobile_e164),
    CONSTRAINT accounts_status_check CHECK (status IN ('ACTIVE', 'LOCKED', 'DISABLED'))
);
