#!/bin/sh
# The official Meilisearch Python client against a running daemon: builds a sample store with
# `vaultsearch demo`, starts `vaultsearch serve` with a master key, runs the official Meilisearch
# client (test_meilisearch_client.py), the privacy sweep (test_privacy.py) and the search page in
# headless Chromium (test_page.py).
# Installs the client into .venv-clients (skips, saying so, only when PyPI cannot be reached).
set -eu
skip_page=
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${VAULTSEARCH_BIN:-$here/.build/debug/vaultsearch}
venv=$here/.venv-clients
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import meilisearch, playwright" 2>/dev/null; then
    python3 -m venv "$venv"
    if ! "$venv/bin/pip" install -q meilisearch playwright; then
        echo "SKIPPED: the client, privacy and page tests: PyPI could not be reached to install 'meilisearch' and 'playwright'"
        exit 0
    fi
fi
# Debian's Chromium for the page test (Playwright's own browser download is never used).
if [ ! -x /usr/bin/chromium ]; then
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get install -y -qq chromium >/dev/null || { echo "SKIPPED: the page test: chromium could not be installed with apt"; skip_page=1; }
fi
work=$(mktemp -d /tmp/vs-clients.XXXXXX)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$here" && "$bin" demo --no-serve --data "$work" > "$work/demo.log" 2>&1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
master="client-test-master-key-0123456789"
"$bin" serve --http 127.0.0.1:$port --socket "$work/vs.sock" --master-key "$master" --data-dir "$work" \
    --index "prompts:promptvault:$work/promptvault.sqlite:$work/promptvault.index" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
export VAULTSEARCH_URL="http://127.0.0.1:$port" VAULTSEARCH_MASTER_KEY="$master" VAULTSEARCH_STORE="$work/promptvault.sqlite"
failed=0
tests="test_meilisearch_client.py test_privacy.py"
[ -n "$skip_page" ] || tests="$tests test_page.py"
for test in $tests; do
    "$venv/bin/python" "$here/Tests/Clients/$test" || failed=1
done
if [ $failed = 1 ]; then echo "--- daemon log"; tail -30 "$work/serve.log"; exit 1; fi
