#!/usr/bin/env bash
# Ingest throughput: wrk posts batches of 1,000 points (10 series x 100 timestamps, every
# request new data) to a release `tocsin serve` with detection on and the SQLite store,
# and prints sustained points/s and the latency percentiles.
#
#   bench/ingest.sh [--duration 30] [--connections 8] [--threads 1] [--detector NAME]
#
# TOCSIN_BUILD_PATH picks the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=30 connections=8 threads=1 detector=isolation-forest port=18080
while (($#)); do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --detector) detector="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        *) echo "bench/ingest.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk; }
build_path="${TOCSIN_BUILD_PATH:-.build}"
swift build -c release --product tocsin --build-path "$build_path" >/dev/null
work="$(mktemp -d /tmp/tocsin-ingest.XXXXXX)"
"$build_path/release/tocsin" serve --port "$port" --store "sqlite:$work/tocsin.sqlite" --detector "$detector" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

cat >"$work/post.lua" <<'LUA'
-- Every request carries 1,000 new points: 10 series, 100 consecutive timestamps each.
local counter = 0
local thread_id = 0
local base = os.time() - 30 * 86400
function setup(thread)
    thread:set("thread_id", thread_id)
    thread_id = thread_id + 1
end
function request()
    counter = counter + 1
    local parts = {}
    local t0 = base + counter * 100
    for s = 0, 9 do
        for k = 0, 99 do
            parts[#parts + 1] = string.format(
                '{"series":"cpu_utilization","labels":{"service":"bench","instance":"i-%d-%d"},"timestamp":%d,"value":%.2f}',
                thread_id, s, t0 + k, 50 + 10 * math.sin((t0 + k) / 300) + (k % 7))
        end
    end
    local body = '{"points":[' .. table.concat(parts, ",") .. ']}'
    return wrk.format("POST", "/v1/points", {["Content-Type"] = "application/json"}, body)
end
function done(summary, latency, requests)
    local accepted = summary.requests - (summary.errors.status or 0)
    io.write(string.format("requests %d, non-2xx %d, points/s %.0f\n", summary.requests, summary.errors.status or 0,
        accepted * 1000 / (summary.duration / 1e6)))
    io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000))
end
LUA
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/v1/points" | tail -3
echo "detector: $detector; backlog after the run: $(curl -s "http://127.0.0.1:$port/ready")"
