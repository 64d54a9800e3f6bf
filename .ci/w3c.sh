#!/usr/bin/env bash
# The W3C SPARQL 1.1 Protocol and Service Description conformance tests (and, for the
# record, the Graph Store Protocol ones) against a throw-away server with open updates.
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
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir "$work/empty"
.venv/bin/conflictkg ingest "$work/empty" --store "$work/store" >/dev/null 2>&1  # only ingest creates a store
.venv/bin/conflictkg serve --store "$work/store" --host 127.0.0.1 --port "$port" --open-updates \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.2
done
endpoint="http://127.0.0.1:$port/sparql"
status=0
"$runner" "$endpoint" protocol | tail -1 | tee "$work/protocol" || status=1
"$runner" "$endpoint" sd | tail -1 | tee "$work/sd" || status=1
GSP_ENDPOINT="http://127.0.0.1:$port/store" "$runner" "$endpoint" gsp | tail -1 || true
grep -q "tests succeeded" "$work/protocol" && ! grep -q "✖" "$work/protocol" || status=1
grep -q "tests succeeded" "$work/sd" && ! grep -q "✖" "$work/sd" || status=1
exit $status
