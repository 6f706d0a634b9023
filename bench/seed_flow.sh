#!/usr/bin/env bash
# The seed's load test (wf-loadtest) against a running platform (deploy/up) and, in the same
# run, against this machine's ceiling: nginx answering every request with a static 200 (the ids
# and status the flow reads) with the stack's nginx settings. Repeated, alternating, reporting
# each run and the medians with the platform/ceiling ratio. Then shows that the client is not
# the bottleneck: the static server under wrk (GET, keep-alive, as many connections) beside
# wf-loadtest in a steady state (each user going through the flow `rounds` times).
#   bench/seed_flow.sh [users] [repeats] [platform-url] [rounds]
# Lines: "<name> <requests/s> <p99 ms> <failed requests> [runs reached success/triggered]".
set -euo pipefail
source "$(dirname "$0")/../deploy/lib/common.sh"
wf_ensure_packages wrk nginx
users="${1:-1000}"
repeats="${2:-3}"
platform="${3:-http://127.0.0.1:${WF_HTTP_PORT:-8000}}"
rounds="${4:-5}"
loadtest="$WF_BUILD_DIR/bin/wf-loadtest"
[ -x "$loadtest" ] || wf_build

work="$(mktemp -d)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
worker_rlimit_nofile 20000;
pid $work/nginx.pid;
error_log $work/error.log warn;
daemon off;
events { worker_connections 16384; multi_accept on; }
http {
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    keepalive_timeout 65s;
    keepalive_requests 100000;
    server {
        listen 127.0.0.1:$port backlog=16384;
        default_type application/json;
        location / {
            return 200 '{"workflow_id":"0123456789abcdef0123456789abcdef","run_id":"0123456789abcdef0123456789abcdef","status":"success"}';
        }
    }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
trap 'kill $nginx_pid 2>/dev/null; wait $nginx_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

result() { jq -r --arg name "$1" '"\($name) \(.requests_per_second) \(.latency.p99_ms) \(.failed)" + (if .runs then " \(.runs.succeeded)/\(.runs.triggered)" else "" end)'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
: > "$work/static" ; : > "$work/platform"
for i in $(seq "$repeats"); do
  "$loadtest" --url "http://127.0.0.1:$port" --users "$users" --settle 0 --quiet --json | result "static-$users" | tee -a "$work/static"
  "$loadtest" --url "$platform" --users "$users" --settle 180 --quiet --json | result "platform-$users" | tee -a "$work/platform"
done
ceiling=$(awk '{ print $2 }' "$work/static" | median)
measured=$(awk '{ print $2 }' "$work/platform" | median)
echo "median-static-$users $ceiling $(awk '{ print $3 }' "$work/static" | median)"
echo "median-platform-$users $measured $(awk '{ print $3 }' "$work/platform" | median)"
awk -v p="$measured" -v c="$ceiling" -v u="$users" 'BEGIN { printf "ratio-platform/static-%s %.3f\n", u, p / c }'
"$loadtest" --url "http://127.0.0.1:$port" --users "$users" --rounds "$rounds" --settle 0 --quiet --json | result "steady-wf-loadtest-$users"
cp "$(dirname "$0")/wrk-report.lua" "$work/report.lua"
threads=$(nproc)
(ulimit -n 20000; wrk -t"$threads" -c"$users" -d8s -s "$work/report.lua" "http://127.0.0.1:$port/health") |
  awk -v name="steady-wrk-$users" '/^RESULT/ { print name, $2, $3, $4 }'
