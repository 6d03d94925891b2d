-- Citizen accounts (feature package "account"). Runs on PostgreSQL and on H2 in PostgreSQL mode.
-- The CNIC is stored only encrypted (AES-256-GCM under a key derived from the master key, bound to the row id)
-- and found by its keyed blind index (HMAC-SHA-256, 64 hex characters); never in the clear, never unkeyed.

-- The allowed statuses are a lookup table rather than a CHECK constraint: H2 2.4.240 fails string CHECK
-- constraints once the session that created them has closed ("Check constraint invalid").
CREATE TABLE account_statuses (
    status VARCHAR(16) NOT NULL,
    CONSTRAINT account_statuses_pkey PRIMARY KEY (status)
);

INSERT INTO account_statuses (status) VALUES ('ACTIVE'), ('LOCKED'), ('DISABLED');

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
    CONSTRAINT accounts_status_fkey FOREIGN KEY (status) REFERENCES account_statuses (status)
);
