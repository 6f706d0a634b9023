#!/usr/bin/env bash
# Runs completed per second and trigger-to-terminal latency (bench/runbench.cpp) on a fresh local
# stack: nginx, 1 server, 3 workers, PgBouncer, Redis, the embedded broker, all on this machine. Two scenarios, each
# repeated: as fast as the API takes triggers, and a steady 300 triggers/s.
#   bench/run_throughput.sh [repeats] [runs]
set -euo pipefail
source "$(dirname "$0")/../deploy/lib/common.sh"
repeats="${1:-3}"
runs="${2:-10000}"
wf_ensure_packages
wf_build >/dev/null
wf_raise_file_limit

export WF_STACK_STATE_DIR="$(mktemp -d /tmp/wf-bench-XXXXXX)"
export WF_HTTP_PORT="${WF_HTTP_PORT:-18000}" WF_STACK_POSTGRES_PORT="${WF_STACK_POSTGRES_PORT:-15432}"
export WF_STACK_BROKER_PORT="${WF_STACK_BROKER_PORT:-19092}" WF_STACK_PGBOUNCER_PORT="${WF_STACK_PGBOUNCER_PORT:-16432}"
export WF_STACK_REDIS_PORT="${WF_STACK_REDIS_PORT:-16379}" WF_STACK_SERVER_PORT="${WF_STACK_SERVER_PORT:-18001}"
export WF_STACK_WORKER_HEALTH_PORT="${WF_STACK_WORKER_HEALTH_PORT:-18100}"
stack="$WF_BUILD_DIR/bin/wf-stack"
trap '"$stack" down --purge >/dev/null; rm -rf "$WF_STACK_STATE_DIR"' EXIT
setsid "$stack" up --api 1 --workers 3 >"$WF_STACK_STATE_DIR/stack.log" 2>&1 </dev/null &
"$stack" wait-ready --timeout 120

export PGPASSFILE="$WF_STACK_STATE_DIR/pgpass" # the stack's database password
bench="$WF_BUILD_DIR/bin/wf-runbench --api http://127.0.0.1:$WF_HTTP_PORT --database postgresql://workflow@127.0.0.1:$WF_STACK_POSTGRES_PORT/workflow"
for scenario in "0 $runs" "300 3000"; do
  set -- $scenario
  for i in $(seq "$repeats"); do
    echo "rate=$1 runs=$2 #$i: $($bench --rate "$1" --runs "$2")"
  done
done
