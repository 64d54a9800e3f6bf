#!/usr/bin/env bash
# The W3C SPARQL 1.1 Protocol and Service Description conformance tests (and, for the
# record, the Graph Store Protocol ones) against a throw-away server with open updates:
# once over an embedded store, once in front of the Oxigraph server (--store sparql+URL).
# Needs ../shared/w3c/run.sh; does nothing without it. Fails when a protocol or service
# description test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
runner=../shared/w3c/run.sh
if [ ! -x "$runner" ]; then
  echo "w3c: $runner not found, skipped"
  exit 0
fi
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
free_port() { .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
status=0

# check NAME STORE-OPTIONS...: serve the store, run the suites against it, stop it.
check() {
  local name=$1; shift
  local port; port=$(free_port)
  .venv/bin/conflictkg serve "$@" --host 127.0.0.1 --port "$port" --open-updates >"$work/$name.log" 2>&1 &
  local server=$!
  pids+=("$server")
  # ready when every web process answers (the server starts one per core)
  local cores; cores=$(.venv/bin/python -c 'import os; print(len(os.sched_getaffinity(0)))')
  for _ in $(seq 150); do
    local seen; seen=$(for _ in $(seq 8); do curl -fs "http://127.0.0.1:$port/health"; echo; done \
      | sed -n 's/.*"process":\([0-9]*\).*/\1/p' | sort -u | wc -l)
    [ "$seen" -ge "$cores" ] && break
    sleep 0.2
  done
  local endpoint="http://127.0.0.1:$port/sparql"
  echo "w3c ($name):"
  "$runner" "$endpoint" protocol >"$work/$name.protocol.log" 2>&1 || status=1
  grep "✖" "$work/$name.protocol.log" || true  # the failures, named
  tail -1 "$work/$name.protocol.log" | tee "$work/$name.protocol"
  "$runner" "$endpoint" sd | tail -1 | tee "$work/$name.sd" || status=1
  GSP_ENDPOINT="http://127.0.0.1:$port/store" "$runner" "$endpoint" gsp | tail -1 || true
  if ! { grep -q "tests succeeded" "$work/$name.protocol" && ! grep -q "✖" "$work/$name.protocol" \
         && grep -q "tests succeeded" "$work/$name.sd" && ! grep -q "✖" "$work/$name.sd"; }; then
    status=1
    # what the runner and the server said, before the folder is removed
    echo "w3c ($name): the runner's failures, then the server's last lines:"
    grep -A8 "✖" "$work/$name.protocol.log" | head -60 || true
    tail -40 "$work/$name.log" || true
  fi
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}

mkdir "$work/empty"
.venv/bin/conflictkg ingest "$work/empty" --store "$work/store" >/dev/null 2>&1  # only ingest creates a store
check embedded --store "$work/store"

oxport=$(free_port)
.venv/bin/oxigraph serve --location "$work/oxigraph" --bind "127.0.0.1:$oxport" >"$work/oxigraph.log" 2>&1 &
pids+=("$!")
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$oxport/" >/dev/null && break
  sleep 0.2
done
CONFLICTKG_STORE_STATE="$work/state" check oxigraph --store "sparql+http://127.0.0.1:$oxport/query"
exit $status
