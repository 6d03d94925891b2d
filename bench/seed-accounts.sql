-- Synthetic citizen accounts for the CNIC look-up benchmark (bench/run-cnic-lookup.sh), in the schema named by
-- the psql variable :schema, whose accounts table the script creates with auth-server's own migration
-- (V3__accounts.sql). Bench only: made-up people, a fixed bench master key, never a real CNIC.
--
-- Account n has CNIC digits (1 + n % 7) || lpad(n, 12, '0') (CnicLookupBenchmark.SyntheticCnics) and the blind
-- index auth-server computes: HMAC-SHA-256 of the 13 digits under the key HKDF-SHA-256 derives from the master key
-- for 'cnic-blind-index' (MasterKey.derive), in lower-case hex. The ciphertext is random bytes of the real length
-- (12-byte nonce + 13 bytes + 16-byte tag): pgcrypto has no AES-GCM, and a look-up never decrypts.
\set ON_ERROR_STOP on
SET search_path TO :"schema";
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

ALTER TABLE accounts DROP CONSTRAINT accounts_cnic_blind_index_key;
ALTER TABLE accounts DROP CONSTRAINT accounts_mobile_e164_key;

WITH key AS (
    SELECT public.hmac(convert_to('cnic-blind-index', 'UTF8') || '\x01'::bytea,
                       public.hmac(decode(:'master_key', 'hex'), convert_to('khyberpass-master-key', 'UTF8'), 'sha256'),
                       'sha256') AS blind_key
)
INSERT INTO accounts (id, cnic_ciphertext, cnic_key_id, cnic_blind_index, full_name, birth_date, mobile_e164,
                      password_hash, status, created_at, updated_at, password_changed_at)
SELECT public.gen_random_uuid(),
       public.gen_random_bytes(41),
       'bench',
       encode(public.hmac(convert_to((1 + n % 7)::text || lpad(n::text, 12, '0'), 'UTF8'), key.blind_key, 'sha256'), 'hex'),
       'Synthetic Citizen ' || n,
       DATE '1950-01-01' + (n % 20000)::int,
       '+923' || lpad(n::text, 9, '0'),
       '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaGJlbmNoYg$YmVuY2hiZW5jaGJlbmNoYmVuY2hiZW5jaGJlbmNoYmU',
       'ACTIVE', now(), now(), now()
FROM generate_series(1, :accounts) AS n, key;

-- The constraints back, as the migration defines them (building the indexes once is much faster than
-- maintaining them row by row).
ALTER TABLE accounts ADD CONSTRAINT accounts_cnic_blind_index_key UNIQUE (cnic_blind_index);
ALTER TABLE accounts ADD CONSTRAINT accounts_mobile_e164_key UNIQUE (mobile_e164);
VACUUM ANALYZE accounts;
