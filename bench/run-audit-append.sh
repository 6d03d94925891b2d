#!/usr/bin/env bash
# What the tamper-evident audit log costs a sign-in, and how the single chain behaves with many writers:
# pgbench runs bench/audit-append.sql (the append exactly as AuditLog.record issues it: row lock on the chain
# head, INSERT, UPDATE, one transaction) against a throw-away schema built by the auth-server's V6 migration,
# with 1 and with CLIENTS concurrent writers (several server nodes), and prints transactions/s and latency.
# Loopback PostgreSQL only; the schema is dropped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_HOST=${DB_HOST:-127.0.0.1}
SECONDS_EACH=${SECONDS_EACH:-15}
CLIENTS=${CLIENTS:-8}
SCHEMA="bench_audit_$(openssl rand -hex 4)"
psql_test() { psql -h "$DB_HOST" -U postgres -d test -v ON_ERROR_STOP=1 -q -X "$@"; }
trap 'psql_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1' EXIT
psql_test -c "CREATE SCHEMA $SCHEMA"
psql_test -c "SET search_path TO $SCHEMA" -f auth-server/src/main/resources/db/migration/V6__audit.sql
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for clients in 1 "$CLIENTS"; do
	PGOPTIONS="-c search_path=$SCHEMA" pgbench -h "$DB_HOST" -U postgres -n -c "$clients" -j "$clients" \
		-T "$SECONDS_EACH" -r -f bench/audit-append.sql test 2>&1 \
		| grep -E "^(number of clients|number of transactions actually processed|latency average|tps)" \
		| sed "s/^/[$clients writer(s)] /"
	PGOPTIONS="-c search_path=$SCHEMA" pgbench -h "$DB_HOST" -U postgres -n -c "$clients" -j "$clients" \
		-T 5 --log --log-prefix="/tmp/$SCHEMA-$clients" -f bench/audit-append.sql test >/dev/null 2>&1 || true
	cat /tmp/$SCHEMA-$clients* 2>/dev/null | awk '{print $3}' | sort -n \
		| awk -v c="$clients" '{a[NR]=$1} END {if (NR) printf "[%s writer(s)] latency p50 %.2f ms, p99 %.2f ms (%d transactions, 5 s)\n", c, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, NR}'
	rm -f /tmp/$SCHEMA-$clients*
done
echo "chain length $(psql_test -At -c "SELECT last_sequence FROM $SCHEMA.audit_chain_head")," \
	"entries $(psql_test -At -c "SELECT count(*) FROM $SCHEMA.audit_entry")," \
	"gaps $(psql_test -At -c "SELECT count(*) FROM (SELECT sequence - lag(sequence) OVER (ORDER BY sequence) AS step FROM $SCHEMA.audit_entry) s WHERE step <> 1")"
