#!/usr/bin/env bash
# Account look-up by CNIC with many accounts in PostgreSQL: creates a throw-away schema in database "test",
# builds the accounts table with auth-server's migration, seeds ACCOUNTS synthetic accounts (bench/seed-accounts.sql,
# 1 million by default), then times look-ups by blind index (CnicLookupBenchmark) in RUNS repeated runs, and drops
# the schema. KEEP=1 keeps the schema (its name is printed) for another run with SCHEMA=<name>. NICENESS=-15 (as
# root) runs the benchmark and its PostgreSQL backend at that priority, to see past other work on a shared machine.
set -euo pipefail

cd "$(dirname "$0")/.."
ACCOUNTS=${ACCOUNTS:-1000000}
LOOKUPS=${LOOKUPS:-20000}
WARMUP=${WARMUP:-5000}
RUNS=${RUNS:-3}
DB_HOST=${DB_HOST:-127.0.0.1}
BENCH_JAR=bench/target/benchmarks.jar
MASTER_KEY=${BENCH_MASTER_KEY:-000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f}
psql_test() { psql -h "$DB_HOST" -U postgres -d test -v ON_ERROR_STOP=1 -q -X "$@"; }
log() { printf '[cnic-lookup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	timeout 300 ./mvnw -q -B -o -DskipTests package -pl bench || timeout 300 ./mvnw -q -B -DskipTests package -pl bench
fi

if [[ -z "${SCHEMA:-}" ]]; then
	SCHEMA="bench_cnic_$(openssl rand -hex 4)"
	[[ "${KEEP:-0}" == 1 ]] || trap 'psql_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null' EXIT
	psql_test -c "CREATE SCHEMA $SCHEMA"
	psql_test -c "SET search_path TO $SCHEMA" -f auth-server/src/main/resources/db/migration/V3__accounts.sql
	log "seeding $ACCOUNTS accounts into schema $SCHEMA"
	SEED_START=$(date +%s)
	psql_test -v schema="$SCHEMA" -v accounts="$ACCOUNTS" -v master_key="$MASTER_KEY" -f bench/seed-accounts.sql
	log "seeded in $(($(date +%s) - SEED_START)) s; table and indexes: $(psql_test -tAc \
		"SELECT pg_size_pretty(pg_total_relation_size('$SCHEMA.accounts'))")"
fi

log "plan: $(psql_test -tAc "SET search_path TO $SCHEMA; EXPLAIN SELECT id FROM accounts WHERE cnic_blind_index = 'x'" \
	| tr '\n' ' ')"
log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
	java -cp "$BENCH_JAR" pk.gov.kp.khyberpass.bench.CnicLookupBenchmark \
		"jdbc:postgresql://$DB_HOST:5432/test?currentSchema=$SCHEMA" postgres "$MASTER_KEY" "$ACCOUNTS" "$WARMUP" "$LOOKUPS" \
		${NICENESS:-} | sed "s/\$/ niceness=${NICENESS:-0}/"
done
for run in $(seq 1 "$RUNS"); do
	psql_test -tA -v schema="$SCHEMA" -v accounts="$ACCOUNTS" -v lookups="$LOOKUPS" -v master_key="$MASTER_KEY" \
		-f bench/lookup-in-database.sql
done
log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
# What PostgreSQL itself spends on one look-up (no network, no scheduling of the client): account 1.
BLIND=$(psql_test -tAc "SET search_path TO $SCHEMA; SELECT cnic_blind_index FROM accounts WHERE mobile_e164 = '+923000000001'")
log "server side: $(psql_test -tAc "SET search_path TO $SCHEMA; EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM accounts \
	WHERE cnic_blind_index = '$BLIND'" | grep -E 'Buffers|Execution' | tr -s ' ' | tr '\n' ' ')"
