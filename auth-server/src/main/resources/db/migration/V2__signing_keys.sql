-- Signing keys (keys feature): generation, encrypted storage, rotation with overlap.
-- Runs on PostgreSQL and on H2 in PostgreSQL mode.

-- One row that every node locks (SELECT ... FOR UPDATE) before it bootstraps, rotates or retires keys,
-- so concurrent nodes serialise their changes.
CREATE TABLE signing_key_lock (
	id INT PRIMARY KEY,
	CONSTRAINT signing_key_lock_single CHECK (id = 1)
);
INSERT INTO signing_key_lock (id) VALUES (1);

-- The internal certificate authority that certifies every signing key (x5c). Its private key is sealed
-- with the master key (purpose "signing-key", associated data the authority's id).
CREATE TABLE signing_key_authority (
	id VARCHAR(64) PRIMARY KEY,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	not_after TIMESTAMP WITH TIME ZONE NOT NULL,
	master_key_id VARCHAR(8) NOT NULL,
	private_key BYTEA NOT NULL,
	certificate VARCHAR NOT NULL
);

-- The closed sets of algorithms and states, as lookup tables rather than CHECK (... IN (...)): H2 binds an
-- IN-list check constraint to the connection that created it and rejects every row once that connection
-- closes.
CREATE TABLE signing_key_algorithm (name VARCHAR(10) PRIMARY KEY);
INSERT INTO signing_key_algorithm (name) VALUES ('ES256');
INSERT INTO signing_key_algorithm (name) VALUES ('RS256');

CREATE TABLE signing_key_state (name VARCHAR(10) PRIMARY KEY);
INSERT INTO signing_key_state (name) VALUES ('NEXT');
INSERT INTO signing_key_state (name) VALUES ('ACTIVE');
INSERT INTO signing_key_state (name) VALUES ('RETIRING');
INSERT INTO signing_key_state (name) VALUES ('RETIRED');

-- Signing keys. The private key (PKCS#8) is sealed with the master key (purpose "signing-key",
-- associated data the kid) and erased when the key is retired. current_state repeats state for the
-- NEXT and ACTIVE keys only, so the unique constraint allows one of each per algorithm.
CREATE TABLE signing_key (
	kid VARCHAR(64) PRIMARY KEY,
	algorithm VARCHAR(10) NOT NULL REFERENCES signing_key_algorithm (name),
	state VARCHAR(10) NOT NULL REFERENCES signing_key_state (name),
	current_state VARCHAR(10),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	activated_at TIMESTAMP WITH TIME ZONE,
	retiring_at TIMESTAMP WITH TIME ZONE,
	retire_after TIMESTAMP WITH TIME ZONE,
	retired_at TIMESTAMP WITH TIME ZONE,
	master_key_id VARCHAR(8),
	private_key BYTEA,
	public_jwk VARCHAR NOT NULL,
	certificate_chain VARCHAR NOT NULL,
	authority_id VARCHAR(64) NOT NULL REFERENCES signing_key_authority (id),
	CONSTRAINT signing_key_current_state CHECK (current_state IS NULL
			OR (current_state = state AND state <> 'RETIRING' AND state <> 'RETIRED')),
	CONSTRAINT signing_key_private_key CHECK (state = 'RETIRED' OR private_key IS NOT NULL),
	CONSTRAINT signing_key_one_current UNIQUE (algorithm, current_state)
);

CREATE INDEX signing_key_by_state ON signing_key (state);
