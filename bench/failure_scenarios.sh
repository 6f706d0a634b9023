#!/usr/bin/env bash
# Two failure scenarios against a running stack (deploy/up), measured as an operator would see
# them; the figures go into the closing notes and docs/benchmarks.md.
#   poison:  27 transform steps each outputting [prev, prev], triggered with a 1 KiB payload:
#            time from trigger to `failed`, and the workers' peak RSS (VmHWM) meanwhile.
#   delay:   a 30 s delay whose workers are all killed -9 2 s in (the supervisor restarts them):
#            time from trigger to `success` (started_at to completed_at of the run).
#   bench/failure_scenarios.sh [poison|delay|all]     (WF_HTTP_PORT, default 8000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
api="http://127.0.0.1:${WF_HTTP_PORT:-8000}"
stack="$root/build/bin/wf-stack"
which="${1:-all}"

worker_pids() { "$stack" status --json | jq -r '.components.worker.pids[]'; }
peak_rss_mib() { # the largest VmHWM among the given pids, in MiB
  local peak=0 pid kib
  for pid in "$@"; do
    kib=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${kib:-0}" -gt "$peak" ] && peak=$kib
  done
  echo $((peak / 1024))
}
status_of() { curl -s "$api/api/v1/runs/$1" | jq -r .status; }

poison() {
  local steps='[{"name":"s0","type":"transform","config":{"output":"${payload.blob}"}}' i
  for i in $(seq 1 27); do
    steps+=",{\"name\":\"s$i\",\"type\":\"transform\",\"config\":{\"output\":[\"\${steps.s$((i-1)).output}\",\"\${steps.s$((i-1)).output}\"]}}"
  done
  steps+=']'
  local wf run start status peak=0 now
  wf=$(curl -s -X POST "$api/api/v1/workflows" -H 'Content-Type: application/json' \
         -d "{\"name\":\"poison\",\"steps\":$steps}" | jq -r .workflow_id)
  local blob; blob=$(head -c 1024 /dev/zero | tr '\0' x)
  start=$(date +%s%N)
  run=$(curl -s -X POST "$api/api/v1/trigger" -H 'Content-Type: application/json' \
          -d "{\"workflow_id\":\"$wf\",\"payload\":{\"blob\":\"$blob\"}}" | jq -r .run_id)
  while :; do
    now=$(peak_rss_mib $(worker_pids)); [ "$now" -gt "$peak" ] && peak=$now
    status=$(status_of "$run")
    case "$status" in failed|success|cancelled) break ;; esac
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 300 ]; then status="still $status after 300 s"; break; fi
    sleep 0.2
  done
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf 'poison: %s after %d.%03d s; workers peak RSS %s MiB\n' "$status" $((ms / 1000)) $((ms % 1000)) "$peak"
  curl -s "$api/api/v1/runs/$run" | jq -r '"  error: " + (.error // "none")'
}

delay() {
  local wf run
  wf=$(curl -s -X POST "$api/api/v1/workflows" -H 'Content-Type: application/json' \
         -d '{"name":"takeover","steps":[{"name":"wait","type":"delay","config":{"duration":30}}]}' | jq -r .workflow_id)
  run=$(curl -s -X POST "$api/api/v1/trigger" -H 'Content-Type: application/json' \
          -d "{\"workflow_id\":\"$wf\"}" | jq -r .run_id)
  until [ "$(status_of "$run")" = running ]; do sleep 0.1; done
  sleep 2
  kill -9 $(worker_pids)
  until [ "$(status_of "$run")" = success ]; do sleep 0.5; done
  curl -s "$api/api/v1/runs/$run" | jq -r \
    '"delay: 30 s delay, workers killed 2 s in: success " + ((.completed_at[0:19] + "Z" | fromdate) - (.started_at[0:19] + "Z" | fromdate) | tostring) + " s after the trigger"'
}

case "$which" in
  poison) poison ;;
  delay) delay ;;
  all) poison; delay ;;
  *) echo "usage: $0 [poison|delay|all]" >&2; exit 2 ;;
esac
