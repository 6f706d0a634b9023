#!/usr/bin/env bash
# API throughput against a running stack (deploy/up): wrk on GET /health, POST /api/v1/trigger and
# GET /api/v1/runs/{id}, each for a few seconds, repeated; prints the median requests/s and the
# median of wrk's p99 latency per scenario.
#   bench/api_throughput.sh [base-url] [connections] [seconds] [repeats]
set -euo pipefail
source "$(dirname "$0")/../deploy/lib/common.sh"
wf_ensure_packages wrk

base="${1:-http://127.0.0.1:${WF_HTTP_PORT:-8000}}"
connections="${2:-100}"
seconds="${3:-8}"
repeats="${4:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

workflow=$(curl -sf -X POST "$base/api/v1/workflows" -H 'Content-Type: application/json' \
  -d '{"id":"bench","name":"bench","steps":[{"name":"t","type":"transform","config":{"output":{"n":"${payload.n}"}}}]}' |
  sed 's/.*"workflow_id":"\([0-9a-f]*\)".*/\1/')
run=$(curl -sf -X POST "$base/api/v1/trigger" -H 'Content-Type: application/json' \
  -d "{\"workflow_id\":\"$workflow\",\"payload\":{\"n\":1}}" | sed 's/.*"run_id":"\([0-9a-f]*\)".*/\1/')
cat > "$work/trigger.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"workflow_id":"$workflow","payload":{"n":1}}'
wrk.headers["Content-Type"] = "application/json"
LUA
cp "$(dirname "$0")/wrk-report.lua" "$work/report.lua"
cat "$work/report.lua" >> "$work/trigger.lua"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-22s %12s %12s %8s\n' scenario "req/s" "p99 ms" errors
for scenario in health trigger get_run; do
  : > "$work/$scenario"
  for _ in $(seq "$repeats"); do
    case $scenario in
      health)  wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/report.lua" "$base/health" ;;
      trigger) wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/trigger.lua" "$base/api/v1/trigger" ;;
      get_run) wrk -t2 -c"$connections" -d"${seconds}s" -s "$work/report.lua" "$base/api/v1/runs/$run" ;;
    esac | awk '/^RESULT/ {print $2, $3, $4}' >> "$work/$scenario"
  done
  rps=$(awk '{print $1}' "$work/$scenario" | median)
  p99=$(awk '{print $2}' "$work/$scenario" | median)
  errors=$(awk '{s+=$3} END {print s}' "$work/$scenario")
  printf '%-22s %12s %12s %8s\n' "$scenario" "$rps" "$p99" "$errors"
done
