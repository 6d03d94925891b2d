#!/usr/bin/env bash
# Load benchmark of Khyber Pass (docs/performance.md): the server pinned to core 0, the load generator to
# core 1, against the PostgreSQL and Redis on 127.0.0.1, plus the raw Bouncy Castle signing rate (JMH) on
# core 0 in the same run. Prints a summary and writes it to bench/results/latest.md. Loopback only.
#
#   bash bench/run-load.sh
#
# Environment (all optional): SKIP_BUILD=1 reuses the jars in */target; SERVER_JAR, another server jar;
# TOKEN_ONLY=1 measures the token endpoint only and prints its line (to compare builds or options);
# INTROSPECT_ONLY=1 the same for the introspection endpoint (settled like the token endpoint, then
# TOKEN_WARMUP + TOKEN_SECONDS measured; no JMH phase); CLIENTS (32);
# TOKEN_SETTLE_MAX (240 s): the token endpoint is first loaded in 10 s rounds until its rate stops rising
# (under 3 % more than the best round so far, after at least 3 rounds), at most this long; TOKEN_WARMUP (5),
# TOKEN_SECONDS (20) for the token endpoint; INTROSPECT_SETTLE_MAX (120 s): the introspection endpoint is
# settled in the same way before it is measured; WARMUP (5), SECONDS_EACH (10) for the other endpoints;
# TIME_LIMIT (300 s for the whole run); PGHOST_URL (127.0.0.1), REDIS_URL (redis://127.0.0.1:6379); SERVER_JAVA_OPTS, extra server JVM options
# (e.g. -XX:StartFlightRecording=filename=/tmp/khyberpass.jfr to profile the run).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SERVER_CORE=0
LOAD_CORE=1
CLIENTS=${CLIENTS:-32}
TOKEN_WARMUP=${TOKEN_WARMUP:-5}
TOKEN_SETTLE_MAX=${TOKEN_SETTLE_MAX:-240}
INTROSPECT_SETTLE_MAX=${INTROSPECT_SETTLE_MAX:-120}
TOKEN_SECONDS=${TOKEN_SECONDS:-20}
WARMUP=${WARMUP:-5}
SECONDS_EACH=${SECONDS_EACH:-10}
DB_HOST=${PGHOST_URL:-127.0.0.1}
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}
SERVER_JAR=${SERVER_JAR:-auth-server/target/khyberpass-auth-server-0.1.0-SNAPSHOT.jar}
BENCH_JAR=bench/target/benchmarks.jar
CLIENT_ID=bench-service
CLIENT_SECRET=bench-service-secret-0123456789abcdef
SCHEMA="bench_$(openssl rand -hex 6)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/khyberpass-bench.XXXXXX")
SERVER_PID=""
SCRIPT_START=$(date +%s)

log() { printf '[run-load %3ss] %s\n' "$(($(date +%s) - SCRIPT_START))" "$*" >&2; }

psql_test() { psql -h "$DB_HOST" -U postgres -d test -v ON_ERROR_STOP=1 -q -X "$@"; }

cleanup() {
	local status=$?
	if [[ -n "${WATCHDOG:-}" ]]; then
		pkill -P "$WATCHDOG" 2>/dev/null || true
		kill "$WATCHDOG" 2>/dev/null || true
	fi
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$SERVER_PID" 2>/dev/null || true
	fi
	psql_test -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null 2>&1 || log "could not drop schema $SCHEMA"
	if [[ -f "$WORK/server.log" ]]; then
		mkdir -p bench/results
		cp "$WORK/server.log" bench/results/server.log
		if [[ $status -ne 0 ]]; then
			log "failed; last lines of the server log (all of it in bench/results/server.log):"
			tail -n 30 "$WORK/server.log" >&2 || true
		fi
	fi
	rm -rf "$WORK"
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# the whole run is bounded (TIME_LIMIT seconds, 300 by default): the watchdog ends it, the EXIT trap cleans up
exec 3>&2
( sleep "${TIME_LIMIT:-600}" && echo "run-load: time limit reached" >&3 && kill -TERM $$ ) 2>/dev/null &
WATCHDOG=$!

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# user + system CPU time of a process, in clock ticks
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
CLK_TCK=$(getconf CLK_TCK)

free_port() {
	local port
	for _ in $(seq 1 50); do
		# below the kernel's ephemeral range (32768 up), so no outgoing connection holds it; no socket of any state
		port=$((20000 + RANDOM % 12000))
		if ! ss -Htan "sport = :$port" | grep -q .; then
			echo "$port"
			return
		fi
	done
	echo "no free port found" >&2
	return 1
}

# --- 0. the machine -----------------------------------------------------------------------------------------
NPROC=$(nproc)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ $NPROC -lt 2 ]]; then
	echo "needs 2 cores (server on core $SERVER_CORE, load on core $LOAD_CORE); this machine has $NPROC" >&2
	exit 1
fi

# --- 1. build -------------------------------------------------------------------------------------------------
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	log "building auth-server and bench"
	# offline first (the dependencies are normally in ~/.m2), online if something is missing
	timeout 150 ./mvnw -q -B -o -DskipTests package -pl auth-server,bench -am \
		|| timeout 150 ./mvnw -q -B -DskipTests package -pl auth-server,bench -am
fi
[[ -f "$SERVER_JAR" && -f "$BENCH_JAR" ]] || { echo "missing $SERVER_JAR or $BENCH_JAR" >&2; exit 1; }

# --- 2. raw signing limit: JMH, Bouncy Castle, one core (before the server starts) --------------------------
if [[ "${INTROSPECT_ONLY:-0}" == 1 ]]; then
	BC_ES256=0
	BC_RS256=0
	LOAD_JMH=$(cut -d' ' -f1 /proc/loadavg)
else
log "JMH: raw ES256/RS256 signing with Bouncy Castle on core $SERVER_CORE"
LOAD_JMH=$(cut -d' ' -f1 /proc/loadavg)
timeout 120 taskset -c "$SERVER_CORE" java -jar "$BENCH_JAR" SigningBenchmark -p provider=BC \
	-f 1 -wi 2 -w 3s -i 3 -r 3s -jvmArgs "-XX:ActiveProcessorCount=1" \
	-rf csv -rff "$WORK/jmh.csv" >"$WORK/jmh.log" 2>&1 || { tail -n 20 "$WORK/jmh.log" >&2; exit 1; }
jmh_score() {
	# CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: algorithm","Param: provider"
	# (JMH quotes some fields and not others, and ends lines with CR LF)
	awk -F, -v alg="$1" '{ gsub(/["\r]/, "") } $8 == alg { printf "%.0f", $5 }' "$WORK/jmh.csv"
}
BC_ES256=$(jmh_score ES256)
BC_RS256=$(jmh_score RS256)
[[ -n "$BC_ES256" && -n "$BC_RS256" ]] || { echo "no JMH scores in $WORK/jmh.csv" >&2; cat "$WORK/jmh.csv" >&2; exit 1; }
log "BC ES256 ${BC_ES256}/s, RS256 ${BC_RS256}/s"
fi

# --- 3. the server, pinned to core 0, against PostgreSQL and Redis -----------------------------------------
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
psql_test -c "CREATE SCHEMA $SCHEMA"
log "starting the server on $BASE (schema $SCHEMA)"
START_NS=$(date +%s%N)
SPRING_PROFILES_ACTIVE=production \
	KHYBERPASS_DATABASE_URL="jdbc:postgresql://$DB_HOST:5432/test?currentSchema=$SCHEMA" \
	KHYBERPASS_DATABASE_USERNAME=postgres \
	KHYBERPASS_REDIS_URL="$REDIS" \
	KHYBERPASS_ISSUER="$BASE" \
	KHYBERPASS_MASTER_KEY="$(openssl rand -base64 32)" \
	KHYBERPASS_SEED="file:$ROOT/bench/seed.yml" \
	KHYBERPASS_SMS_ENDPOINT=http://127.0.0.1:9/never-called KHYBERPASS_SMS_API_KEY=bench-unused \
	KHYBERPASS_EMAIL_ENDPOINT=http://127.0.0.1:9/never-called KHYBERPASS_EMAIL_API_KEY=bench-unused \
	KHYBERPASS_CIVIL_REGISTRY_ENDPOINT=http://127.0.0.1:9/never-called \
	SERVER_PORT="$PORT" \
	SERVER_ADDRESS=127.0.0.1 \
	taskset -c "$SERVER_CORE" java -Xmx512m -XX:ActiveProcessorCount=1 ${SERVER_JAVA_OPTS:-} -jar "$SERVER_JAR" \
	>"$WORK/server.log" 2>&1 &
SERVER_PID=$!

READY_NS=""
for _ in $(seq 1 1200); do
	if ! kill -0 "$SERVER_PID" 2>/dev/null; then
		echo "the server exited before it was ready" >&2
		exit 1
	fi
	if curl -fsS --max-time 1 "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
		READY_NS=$(date +%s%N)
		break
	fi
	sleep 0.1
done
[[ -n "$READY_NS" ]] || { echo "the server was not ready within 120 s" >&2; exit 1; }
STARTUP_S=$(awk -v a="$START_NS" -v b="$READY_NS" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
log "ready in ${STARTUP_S} s"

sleep 5
IDLE_RSS_KB=$(rss_kb "$SERVER_PID")

# --- 4. load, generator pinned to core 1 ------------------------------------------------------------------
MAX_RSS_KB=$IDLE_RSS_KB
declare -A RESULT
load() {
	local scenario=$1 warmup=$2 seconds=$3 out="$WORK/$1.out"
	log "load: $scenario, $CLIENTS clients, ${warmup} s warm-up, ${seconds} s measured"
	taskset -c "$LOAD_CORE" java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx256m \
		-cp "$BENCH_JAR" pk.gov.kp.khyberpass.bench.LoadGenerator \
		--url "$BASE" --scenario "$scenario" --clients "$CLIENTS" --warmup "$warmup" --duration "$seconds" \
		--client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --scope bench.read \
		>"$out" 2>"$WORK/$1.err" &
	local pid=$! rss
	# the server's CPU time over the measurement window: per request, it does not depend on how much of
	# the core other processes took, unlike requests/s
	(sleep "$warmup"; cpu_ticks "$SERVER_PID" >"$WORK/$1.cpu0"; sleep "$seconds"; cpu_ticks "$SERVER_PID" >"$WORK/$1.cpu1") &
	local sampler=$!
	while kill -0 "$pid" 2>/dev/null; do
		rss=$(rss_kb "$SERVER_PID")
		if ((rss > MAX_RSS_KB)); then MAX_RSS_KB=$rss; fi
		sleep 0.5
	done
	wait "$pid" || { cat "$WORK/$1.err" >&2; exit 1; }
	wait "$sampler" || true
	cat "$WORK/$1.err" >&2
	if ! kill -0 "$SERVER_PID" 2>/dev/null; then
		local code=0
		wait "$SERVER_PID" || code=$?
		SERVER_PID=""
		echo "the server died during the $scenario load (exit status $code)" >&2
		exit 1
	fi
	local line requests
	line=$(grep '^RESULT ' "$out")
	requests=$(tr ' ' '\n' <<<"$line" | awk -F= '$1 == "requests" { print $2 }')
	RESULT[$scenario]="$line $(awk -v a="$(cat "$WORK/$1.cpu0")" -v b="$(cat "$WORK/$1.cpu1")" -v hz="$CLK_TCK" \
		-v r="$requests" 'BEGIN { printf "server_cpu_ms=%.3f", (r > 0) ? (b - a) * 1000 / hz / r : 0 }')"
	log "${RESULT[$scenario]}"
}
field() { tr ' ' '\n' <<<"${RESULT[$1]}" | awk -F= -v k="$2" '$1 == k { print $2 }'; }

# The JIT compiler shares core 0 with the requests and has much of Spring to compile: a fixed warm-up was
# either too short on a slow core (20 s left the rate at half its steady value on one machine) or wasted.
# Rounds of 10 s until the rate stops rising (docs/performance.md).
settle_token() {
	local scenario=${1:-token} max=${2:-$TOKEN_SETTLE_MAX} best=0 round=0 rps started
	started=$(date +%s)
	while (($(date +%s) - started < max)); do
		round=$((round + 1))
		rps=$(taskset -c "$LOAD_CORE" java -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx256m \
			-cp "$BENCH_JAR" pk.gov.kp.khyberpass.bench.LoadGenerator \
			--url "$BASE" --scenario "$scenario" --clients "$CLIENTS" --warmup 0 --duration 10 \
			--client-id "$CLIENT_ID" --client-secret "$CLIENT_SECRET" --scope bench.read 2>/dev/null \
			| tr ' ' '\n' | awk -F= '$1 == "rps" { printf "%.0f", $2 }')
		log "settling the $scenario endpoint: round $round, ${rps:-0} requests/s"
		if ((round >= 3 && ${rps:-0} * 100 < best * 103)); then
			break
		fi
		if ((${rps:-0} > best)); then best=${rps:-0}; fi
	done
	SETTLE_S=$(($(date +%s) - started))
	SETTLE_ROUNDS=$round
}
if [[ "${INTROSPECT_ONLY:-0}" == 1 ]]; then
	# a quick comparison of server builds or options: the introspection figures only, no summary file
	settle_token introspect
	load introspect "$TOKEN_WARMUP" "$TOKEN_SECONDS"
	log "INTROSPECT_ONLY: settled in ${SETTLE_S} s (${SETTLE_ROUNDS} rounds); ${RESULT[introspect]}"
	exit 0
fi
settle_token
TOKEN_SETTLE_S=$SETTLE_S
TOKEN_SETTLE_ROUNDS=$SETTLE_ROUNDS
LOAD_TOKEN=$(cut -d' ' -f1 /proc/loadavg)
load token "$TOKEN_WARMUP" "$TOKEN_SECONDS"
LOADED_RSS_KB=$(rss_kb "$SERVER_PID")
if [[ "${TOKEN_ONLY:-0}" == 1 ]]; then
	# a quick comparison of server builds or options: the token figures only, no summary file
	log "TOKEN_ONLY: ES256 ${BC_ES256}/s; ${RESULT[token]}"
	exit 0
fi
# introspection verifies an ES256 signature, code the token load does not warm: settled in the same way
# (a 5 s warm-up alone measured it at half its steady rate)
settle_token introspect "$INTROSPECT_SETTLE_MAX"
INTROSPECT_SETTLE_S=$SETTLE_S
INTROSPECT_SETTLE_ROUNDS=$SETTLE_ROUNDS
load introspect "$WARMUP" "$SECONDS_EACH"
load jwks "$WARMUP" "$SECONDS_EACH"
load discovery "$WARMUP" "$SECONDS_EACH"
if ((LOADED_RSS_KB > MAX_RSS_KB)); then MAX_RSS_KB=$LOADED_RSS_KB; fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 5. summary ---------------------------------------------------------------------------------------------
TOKEN_RPS=$(field token rps)
TOKEN_P99=$(field token p99_ms)
TOKEN_ERRORS=$(field token errors)
RATIO=$(awk -v t="$TOKEN_RPS" -v s="$BC_ES256" 'BEGIN { printf "%.1f", (s > 0) ? 100 * t / s : 0 }')
RATIO_OK=$(awk -v r="$RATIO" 'BEGIN { print (r >= 25) ? "yes" : "NO" }')
P99_OK=$(awk -v p="$TOKEN_P99" 'BEGIN { print (p < 25) ? "yes" : "NO" }')
TOTAL_ERRORS=0
for s in token introspect jwks discovery; do TOTAL_ERRORS=$((TOTAL_ERRORS + $(field "$s" errors))); done
ERRORS_OK=$([[ $TOTAL_ERRORS -eq 0 ]] && echo yes || echo NO)
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
row() {
	printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$(field "$1" rps)" "$(field "$1" p50_ms)" \
		"$(field "$1" p99_ms)" "$(field "$1" max_ms)" "$(field "$1" errors)" "$(field "$1" server_cpu_ms)"
}

mkdir -p bench/results
{
	echo "# Khyber Pass load run, $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo
	echo "Machine: $NPROC cores, $CPU_MODEL; load average at start $LOAD_START, at end $LOAD_END;"
	echo "1-minute load average when JMH started $LOAD_JMH, when the token load started $LOAD_TOKEN (the ratio"
	echo "below only means something when these two are alike: other processes on the machine take core time)."
	echo "Server: \`taskset -c $SERVER_CORE java -Xmx512m -XX:ActiveProcessorCount=1 ${SERVER_JAVA_OPTS:-}\`, production profile,"
	echo "PostgreSQL and Redis on 127.0.0.1 (not pinned). Load generator: \`taskset -c $LOAD_CORE\`, $CLIENTS"
	echo "closed-loop clients on keep-alive connections; token settled in ${TOKEN_SETTLE_S} s (${TOKEN_SETTLE_ROUNDS} rounds of 10 s), then ${TOKEN_WARMUP} s warm-up + ${TOKEN_SECONDS} s"
	echo "measured; introspection settled in ${INTROSPECT_SETTLE_S} s (${INTROSPECT_SETTLE_ROUNDS} rounds); then the others ${WARMUP} s + ${SECONDS_EACH} s."
	echo
	echo "| Endpoint ($CLIENTS clients) | requests/s | p50 ms | p99 ms | max ms | errors | server CPU ms/request |"
	echo "|---|---:|---:|---:|---:|---:|---:|"
	row token "client credentials (\`/oauth2/token\`)"
	row introspect "introspection (\`/oauth2/introspect\`)"
	row jwks "JWKS (\`/oauth2/jwks\`)"
	row discovery "discovery (\`/.well-known/openid-configuration\`)"
	echo
	echo "| Figure | value |"
	echo "|---|---:|"
	echo "| raw ES256 signatures/s, Bouncy Castle, 1 core (JMH) | $BC_ES256 |"
	echo "| raw RS256 signatures/s, Bouncy Castle, 1 core (JMH) | $BC_RS256 |"
	echo "| client-credentials tokens/s as a share of raw BC ES256 | ${RATIO} % |"
	echo "| start-up, process start to readiness UP | ${STARTUP_S} s |"
	echo "| RSS idle (5 s after ready) | $(mb "$IDLE_RSS_KB") MiB |"
	echo "| RSS after the token load / highest under load | $(mb "$LOADED_RSS_KB") / $(mb "$MAX_RSS_KB") MiB |"
	echo
	echo "Targets: tokens/s >= 25 % of raw BC ES256: **$RATIO_OK** (${RATIO} %);" \
		"token p99 < 25 ms: **$P99_OK** (${TOKEN_P99} ms); zero errors: **$ERRORS_OK** ($TOTAL_ERRORS)."
} >bench/results/latest.md
echo
cat bench/results/latest.md
log "done; written to bench/results/latest.md"
