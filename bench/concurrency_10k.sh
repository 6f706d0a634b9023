#!/usr/bin/env bash
# 10,000 concurrent clients against a running stack (deploy/up): wrk with 10,000 keep-alive
# connections on GET /health and on POST /api/v1/trigger through nginx, counting every socket
# error and every non-2xx answer (the seed's 10K stress test reported 8.9 % errors for its Rust
# implementation and 21 % for Python).
#   bench/concurrency_10k.sh [base-url] [seconds]
set -euo pipefail
source "$(dirname "$0")/../deploy/lib/common.sh"
wf_ensure_packages wrk
wf_raise_file_limit
base="${1:-http://127.0.0.1:${WF_HTTP_PORT:-8000}}"
seconds="${2:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

workflow=$(curl -sf -X POST "$base/api/v1/workflows" -H 'Content-Type: application/json' \
  -d '{"id":"bench10k","name":"bench10k","steps":[{"name":"t","type":"transform","config":{"output":1}}]}' |
  sed 's/.*"workflow_id":"\([0-9a-f]*\)".*/\1/')
cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d req/s=%.0f p50=%.0fms p99=%.0fms socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.errors.status))
end
LUA
{ printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n' \
    "'{\"workflow_id\":\"$workflow\",\"payload\":{\"n\":1}}'"; cat "$work/report.lua"; } > "$work/trigger.lua"

echo "GET /health:          $(wrk -t2 -c10000 -d"${seconds}s" --timeout 30s -s "$work/report.lua" "$base/health" | grep RESULT)"
sleep 5
echo "POST /api/v1/trigger: $(wrk -t2 -c10000 -d"${seconds}s" --timeout 30s -s "$work/trigger.lua" "$base/api/v1/trigger" | grep RESULT)"
