#!/bin/sh
# The official Meilisearch Python client against a running daemon: builds a sample store with
# `vaultsearch demo`, starts `vaultsearch serve` with a master key, runs test_meilisearch_client.py.
# Installs the client into .venv-clients (skips, saying so, only when PyPI cannot be reached).
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${VAULTSEARCH_BIN:-$here/.build/debug/vaultsearch}
venv=$here/.venv-clients
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import meilisearch" 2>/dev/null; then
    python3 -m venv "$venv"
    if ! "$venv/bin/pip" install -q meilisearch; then
        echo "SKIPPED: the Meilisearch client test: PyPI could not be reached to install 'meilisearch'"
        exit 0
    fi
fi
work=$(mktemp -d /tmp/vs-clients.XXXXXX)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$here" && "$bin" demo --data "$work" > "$work/demo.log" 2>&1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
master="client-test-master-key-0123456789"
"$bin" serve --http 127.0.0.1:$port --socket "$work/vs.sock" --master-key "$master" --data-dir "$work" \
    --index "prompts:promptvault:$work/promptvault.sqlite:$work/promptvault.index" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
VAULTSEARCH_URL="http://127.0.0.1:$port" VAULTSEARCH_MASTER_KEY="$master" VAULTSEARCH_STORE="$work/promptvault.sqlite" \
    "$venv/bin/python" "$here/Tests/Clients/test_meilisearch_client.py" || { echo "--- daemon log"; tail -30 "$work/serve.log"; exit 1; }
