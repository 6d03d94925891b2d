-- CNIC look-ups timed inside PostgreSQL (bench/run-cnic-lookup.sh): the same query as auth-server's, by blind index,
-- for :lookups random accounts of the :accounts seeded by seed-accounts.sql (one in ten absent), each timed with
-- clock_timestamp() around the query alone. No client, no network, no wake-ups: what is left is the database's own
-- work, and whatever the machine's scheduler takes from this backend.
\set ON_ERROR_STOP on
SET search_path TO :"schema";
CREATE TEMP TABLE lookup_keys AS
WITH key AS (
    SELECT public.hmac(convert_to('cnic-blind-index', 'UTF8') || '\x01'::bytea,
                       public.hmac(decode(:'master_key', 'hex'), convert_to('khyberpass-master-key', 'UTF8'), 'sha256'),
                       'sha256') AS blind_key
), picked AS (
    SELECT CASE WHEN random() < 0.9 THEN 1 + floor(random() * :accounts)::bigint
                ELSE :accounts + 1 + floor(random() * :accounts)::bigint END AS n
    FROM generate_series(1, :lookups)
)
SELECT encode(public.hmac(convert_to((1 + n % 7)::text || lpad(n::text, 12, '0'), 'UTF8'), key.blind_key, 'sha256'),
              'hex') AS blind_index
FROM picked, key;

CREATE TEMP TABLE lookup_times (ms double precision);
DO $$
DECLARE
    k record;
    r accounts%ROWTYPE;
    t0 timestamptz;
BEGIN
    FOR k IN SELECT blind_index FROM lookup_keys LOOP
        t0 := clock_timestamp();
        SELECT * INTO r FROM accounts WHERE cnic_blind_index = k.blind_index;
        INSERT INTO lookup_times VALUES (1000 * extract(epoch FROM clock_timestamp() - t0));
    END LOOP;
END $$;
SELECT format('RESULT scenario=cnic-lookup-in-database lookups=%s p50_ms=%s p99_ms=%s p999_ms=%s max_ms=%s',
              count(*), round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 3),
              round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 3),
              round(percentile_cont(0.999) WITHIN GROUP (ORDER BY ms)::numeric, 3), round(max(ms)::numeric, 3))
FROM lookup_times;
