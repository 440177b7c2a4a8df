#!/usr/bin/env bash
# Load figures of `creators serve` beside `redis-server`, both measured by redis-benchmark
# in the same run (Benchmarks/README.md, "Server"):
#   PING with 50 clients, PING pipelined 16 deep, GET <id> with 50 clients (redis-server
#   holds the same JSON document under the same key), and SEARCH over the query mix of
#   Benchmarks/queries/mix-100000.tsv at 50 connections (creators only), then the server's
#   own latency percentiles from STATS.
#
# Usage: Benchmarks/server/load.sh [INDEX_DIR]      (from the repository root)
#   INDEX_DIR   a 100k index (default /tmp/creators-bench/index-100000-1; made when missing with
#               creators generate --count 100000 --seed 1 and creators build)
# Environment: CREATORS_BINARY (default .build/release/creators), REQUESTS (default 100000),
#   MIX_REQUESTS (SEARCH requests per query of the mix, default 200), REDIS_PORT (default 6391),
#   ROUNDS (runs of each PING/GET benchmark on each server, alternating; the median is shown,
#   default 5: the two cores are shared, and single runs swing by tens of percent).
set -euo pipefail
cd "$(dirname "$0")/../.."

BINARY=${CREATORS_BINARY:-.build/release/creators}
INDEX=${1:-/tmp/creators-bench/index-100000-1}
REQUESTS=${REQUESTS:-100000}
MIX_REQUESTS=${MIX_REQUESTS:-200}
REDIS_PORT=${REDIS_PORT:-6391}
ROUNDS=${ROUNDS:-5}
MIX=Benchmarks/queries/mix-100000.tsv
WORK=$(mktemp -d)
SERVER_PID=""
REDIS_PID=""

cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$INDEX/CURRENT" ] || ! "$BINARY" stats --index "$INDEX" > /dev/null 2>&1; then
    echo "building a 100k index in $INDEX" >&2
    "$BINARY" generate --count 100000 --seed 1 --out "$WORK/creators-100000-1.jsonl" > /dev/null
    "$BINARY" build "$WORK/creators-100000-1.jsonl" --index "$INDEX" > /dev/null
fi

start_server() {  # extra serve options...; sets SERVER_PID and PORT
    "$BINARY" serve --port 0 --index "$INDEX" --log-level warning ${SERVE_ARGS:-} "$@" > "$WORK/serve.out" 2> "$WORK/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 600); do grep -q '^listening on ' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
    PORT=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$WORK/serve.out")
    [ -n "$PORT" ] || { cat "$WORK/serve.err" >&2; exit 1; }
}
start_server

redis-server --port "$REDIS_PORT" --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" PING > /dev/null 2>&1 && break; sleep 0.1; done

# The GET key: the first hit of a query; redis-server gets the very document creators answers.
ID=$(redis-cli -p "$PORT" SEARCH 'sort:-followers limit:1' | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["id"])')
redis-cli -p "$PORT" GET "$ID" | head -c -1 | redis-cli -p "$REDIS_PORT" -x SET "$ID" > /dev/null
BYTES=$(redis-cli -p "$REDIS_PORT" STRLEN "$ID")

rate() {  # redis-benchmark -q output → requests per second
    sed -n 's/.*: \([0-9.]*\) requests per second.*/\1/p' | tail -1
}
bench() {  # port, extra args...
    local port=$1; shift
    redis-benchmark -p "$port" -q "$@" 2>/dev/null | tr '\r' '\n' | rate
}

echo "cores: $(nproc); index: $INDEX ($("$BINARY" stats --index "$INDEX" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])') creators); GET document: $BYTES bytes"
printf '%-32s %14s %14s %7s\n' "benchmark (redis-benchmark)" "creators /s" "redis /s" "ratio"
row() {  # label, redis-benchmark args...: ROUNDS runs on each server, alternating; medians
    local label=$1; shift
    local ours=() theirs=()
    for _ in $(seq 1 "$ROUNDS"); do
        ours+=("$(bench "$PORT" "$@")")
        theirs+=("$(bench "$REDIS_PORT" "$@")")
    done
    local a b
    a=$(median "${ours[@]}")
    b=$(median "${theirs[@]}")
    printf '%-32s %14s %14s %6.0f%%   (runs: %s / %s)\n' "$label" "$a" "$b" "$(echo "100 * $a / $b" | bc -l)" \
        "$(IFS=,; echo "${ours[*]}")" "$(IFS=,; echo "${theirs[*]}")"
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
row "PING, 50 clients" -c 50 -n "$REQUESTS" PING
row "PING, 50 clients, -P 16" -c 50 -n $((REQUESTS * 5)) -P 16 PING
row "GET <id>, 50 clients" -c 50 -n "$REQUESTS" GET "$ID"

# SEARCH over the mix: each query MIX_REQUESTS times at 50 connections; the overall rate is
# all requests over the sum of the times.
total_requests=0
total_seconds=0
while IFS=$'\t' read -r class query _; do
    case "$class" in '#'*|'') continue ;; esac
    r=$(bench "$PORT" -c 50 -n "$MIX_REQUESTS" SEARCH "$query")
    [ -n "$r" ] || continue
    total_requests=$((total_requests + MIX_REQUESTS))
    total_seconds=$(echo "$total_seconds + $MIX_REQUESTS / $r" | bc -l)
done < "$MIX"
printf '%-32s %14.0f %14s\n' "SEARCH mix ($((total_requests / MIX_REQUESTS)) queries), 50 clients" \
    "$(echo "$total_requests / $total_seconds" | bc -l)" "-"

echo
echo "server latency percentiles from STATS (microseconds, over every request above):"
redis-cli -p "$PORT" STATS | python3 -c '
import json, sys
commands = json.load(sys.stdin)["server"]["commands"]
print("%-10s %10s %8s %8s %8s %8s %9s" % ("command", "calls", "p50", "p90", "p99", "p99.9", "max"))
for name in ("PING", "GET", "SEARCH"):
    entry = commands.get(name)
    if entry:
        l = entry["latency_us"]
        print("%-10s %10d %8.1f %8.1f %8.1f %8.1f %9.1f" % (name, entry["calls"], l["p50"], l["p90"], l["p99"], l["p999"], l["max"]))
'
echo "server resident memory: $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER_PID/status)"

# GET without the document cache: every request decompresses the stored block and runs the
# risk rules (the cost of a creator not asked for recently).
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
start_server --document-cache-bytes 0
echo
printf '%-32s %14s %14s %7s\n' "benchmark (redis-benchmark)" "creators /s" "redis /s" "ratio"
row "GET <id>, 50 clients, no cache" -c 50 -n $((REQUESTS / 2)) GET "$ID"
