#!/usr/bin/env bash
# Sign-in throughput on one core: JMH measures one Argon2id hash (auth-server's parameters) on core 0, then the
# server runs on core 0 alone (production profile, PostgreSQL and Redis on loopback) and SignInLoad, on core 1,
# signs the bench citizen in over and over (GET /login, POST /login) with CLIENTS closed-loop clients. The ratio
# of sign-ins/s to hashes/s says how much of a sign-in is the password hash. Writes bench/results/signin-latest.md.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SERVER_CORE=0
LOAD_CORE=1
CLIENTS=${CLIENTS:-4}
WARMUP=${WARMUP:-15}
SECONDS_MEASURED=${SECONDS_MEASURED:-30}
DB_HOST=127.0.0.1
SERVER_JAR=auth-server/target/khyberpass-auth-server-0.1.0-SNAPSHOT.jar
BENCH_JAR=bench/target/benchmarks.jar
SCHEMA="bench_$(openssl rand -hex 6)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/khyberpass-signin.XXXXXX")
SERVER_PID=""
psql_test() { psql -h "$DB_HOST" -U postgres -d test -v ON_ERROR_STOP=1 -q -X "$@"; }
log() { printf '[run-signin %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

cleanup() {
	local status=$?
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$SERVER_PID" 2>/dev/null || true
	fi
	psql_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || true
	[[ $status -eq 0 ]] || tail -n 30 "$WORK/server.log" >&2 2>/dev/null || true
	rm -rf "$WORK"
	exit $status
}
trap cleanup EXIT

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	timeout 300 ./mvnw -q -B -o -DskipTests package -pl auth-server,bench -am \
		|| timeout 300 ./mvnw -q -B -DskipTests package -pl auth-server,bench -am
fi

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log "JMH: Argon2id on core $SERVER_CORE (load average $LOAD_START)"
taskset -c "$SERVER_CORE" java -Djmh.ignoreLock=true -jar "$BENCH_JAR" PasswordHashBenchmark -p cost=19456/2/1 -bm avgt -tu ms \
	-f 1 -wi 3 -w 3s -i 5 -r 3s -jvmArgs "-XX:ActiveProcessorCount=1" -rf csv -rff "$WORK/jmh.csv" \
	>"$WORK/jmh.log" 2>&1 || { tail -n 20 "$WORK/jmh.log" >&2; exit 1; }
HASH_MS=$(awk -F, 'NR == 2 { gsub(/"/, ""); printf "%.2f", $5 }' "$WORK/jmh.csv")
HASH_ERR=$(awk -F, 'NR == 2 { gsub(/"/, ""); printf "%.2f", $6 }' "$WORK/jmh.csv")
HASHES_PER_S=$(awk -v ms="$HASH_MS" 'BEGIN { printf "%.1f", 1000 / ms }')
log "Argon2id m=19456 t=2 p=1: $HASH_MS ± $HASH_ERR ms per hash, $HASHES_PER_S hashes/s"
HASH_CPU=$(taskset -c "$SERVER_CORE" java -XX:ActiveProcessorCount=1 -cp "$BENCH_JAR" \
	pk.gov.kp.khyberpass.bench.PasswordHashCpuTime 100 | grep '^RESULT ')
log "$HASH_CPU"

PORT=$((20000 + RANDOM % 12000))
BASE="http://127.0.0.1:$PORT"
psql_test -c "CREATE SCHEMA $SCHEMA"
SPRING_PROFILES_ACTIVE=production \
	KHYBERPASS_DATABASE_URL="jdbc:postgresql://$DB_HOST:5432/test?currentSchema=$SCHEMA" \
	KHYBERPASS_DATABASE_USERNAME=postgres \
	KHYBERPASS_REDIS_URL=redis://127.0.0.1:6379 \
	KHYBERPASS_ISSUER="$BASE" \
	KHYBERPASS_MASTER_KEY="$(openssl rand -base64 32)" \
	KHYBERPASS_SEED="file:$ROOT/bench/seed.yml" \
	KHYBERPASS_SMS_ENDPOINT=http://127.0.0.1:9/never-called KHYBERPASS_SMS_API_KEY=bench-unused \
	KHYBERPASS_CIVIL_REGISTRY_ENDPOINT=http://127.0.0.1:9/never-called \
	SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 \
	taskset -c "$SERVER_CORE" java -Xmx512m -XX:ActiveProcessorCount=1 -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 1800); do
	kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited before it was ready" >&2; exit 1; }
	curl -fsS --max-time 1 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
	sleep 0.1
done
log "server ready on $BASE"

run() {
	taskset -c "$LOAD_CORE" java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -cp "$BENCH_JAR" \
		pk.gov.kp.khyberpass.bench.SignInLoad "$BASE" 17301-9876543-1 bench-citizen-passphrase-0123 "$1" "$WARMUP" \
		"$SECONDS_MEASURED" | grep '^RESULT '
}
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }
# CPU time the server process spends (all its threads: request, GC, JIT, Redis and JDBC clients), from
# /proc/<pid>/stat, so that the cost of a sign-in does not depend on how much of the core the server was given.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
# The busy run first: it also warms the JIT for the single-client run.
TICKS_BEFORE=$(cpu_ticks)
MANY=$(run "$CLIENTS")
TICKS_AFTER=$(cpu_ticks)
log "$MANY"
ONE=$(run 1)
log "$ONE"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
SHARE=$(awk -v s="$(field "$MANY" rps)" -v h="$HASHES_PER_S" 'BEGIN { printf "%.0f", 100 * s / h }')
# Every sign-in in the window, warm-up included, used server CPU: count them from the rate over the whole run.
SIGNIN_CPU_MS=$(awk -v t=$((TICKS_AFTER - TICKS_BEFORE)) -v hz="$(getconf CLK_TCK)" -v r="$(field "$MANY" rps)" \
	-v s=$((WARMUP + SECONDS_MEASURED)) 'BEGIN { printf "%.1f", 1000 * t / hz / (r * s) }')
HASH_CPU_MS=$(field "$HASH_CPU" cpu_ms)
PER_CORE=$(awk -v c="$SIGNIN_CPU_MS" 'BEGIN { printf "%.1f", 1000 / c }')
HASH_SHARE=$(awk -v h="$HASH_CPU_MS" -v c="$SIGNIN_CPU_MS" 'BEGIN { printf "%.0f", 100 * h / c }')

mkdir -p bench/results
{
	echo "# Khyber Pass sign-in run, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "$(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo); load average at start"
	echo "$LOAD_START, at end $LOAD_END. Server on core $SERVER_CORE alone (\`-XX:ActiveProcessorCount=1\`), load on core $LOAD_CORE."
	echo
	echo "| Figure | value |"
	echo "|---|---:|"
	echo "| Argon2id m=19456 KiB, t=2, p=1, one hash on core $SERVER_CORE (JMH, BC) | $HASH_MS ± $HASH_ERR ms |"
	echo "| hashes/s on that core | $HASHES_PER_S |"
	echo "| sign-ins/s, 1 client (p50 / p99 ms) | $(field "$ONE" rps) ($(field "$ONE" p50_ms) / $(field "$ONE" p99_ms)) |"
	echo "| sign-ins/s, $CLIENTS clients (p50 / p99 ms) | $(field "$MANY" rps) ($(field "$MANY" p50_ms) / $(field "$MANY" p99_ms)) |"
	echo "| sign-ins/s as a share of hashes/s | $SHARE % |"
	echo "| errors (1 client, $CLIENTS clients) | $(field "$ONE" errors), $(field "$MANY" errors) |"
	echo "| Argon2id CPU time per hash (thread CPU clock; wall) | $HASH_CPU_MS ms ($(field "$HASH_CPU" wall_ms) ms) |"
	echo "| server CPU time per sign-in ($CLIENTS clients, GET + POST /login, all server threads) | $SIGNIN_CPU_MS ms |"
	echo "| sign-ins per second per fully available core (1000 / CPU ms per sign-in) | $PER_CORE |"
	echo "| the Argon2id hash as a share of a sign-in's CPU | $HASH_SHARE % |"
} >bench/results/signin-latest.md
cat bench/results/signin-latest.md
