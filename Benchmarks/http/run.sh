#!/bin/sh
# Throughput and freshness of the daemon over TCP (README "Serving" table).
#   Benchmarks/http/run.sh [PROMPTS=200000] [SECONDS=60]
# Builds (once) a generated store of PROMPTS prompts with its change log under data/bench-http/,
# starts `vaultsearch serve` (release) on it, then with wrk (Debian) runs, side by side in one
# sitting: GET /health and the search mix (make_requests.py: >= 100 distinct searches with filters,
# facets, sorts, typos and prefixes) at 16 and 64 connections; the mix again while a writer commits
# 500 changes/s to the store; and the commit-to-searchable latency (freshness.py). Daemon RSS is
# printed before and after each run.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
prompts=${1:-200000}
seconds=${2:-60}
bin=$here/.build/release/vaultsearch
dir=$here/data/bench-http
store=$dir/store-$prompts.sqlite
index=$dir/index-$prompts
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -x "$bin" ] || (cd "$here" && swift build -c release --product vaultsearch)
mkdir -p "$dir"
[ -f "$store" ] || "$bin" generate-store --store "$store" --prompts "$prompts" --change-log
"$bin" install-triggers --db "$store" >/dev/null   # idempotent: a store copied in from elsewhere gets its change log
python3 "$here/Benchmarks/http/make_requests.py" "$store" "$dir/searches.lua" 200
port=7799
"$bin" serve --http 127.0.0.1:$port --socket off --log-level warning --index "prompts:promptvault:$store:$index" 2> "$dir/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 6000); do curl -sf http://127.0.0.1:$port/health >/dev/null 2>&1 && break; sleep 0.1; done
rss() { echo "daemon RSS $(ps -o rss= -p $pid | awk '{printf "%.0f MiB", $1/1024}')"; }
rss
wrk -t2 -c16 -d5s -s "$dir/searches.lua" http://127.0.0.1:$port >/dev/null  # warm-up
for c in 16 64; do
    echo "== /health, $c connections, ${seconds}s"; wrk -t2 -c$c -d${seconds}s --latency http://127.0.0.1:$port/health | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
    echo "== search mix, $c connections, ${seconds}s"; wrk -t2 -c$c -d${seconds}s --latency -s "$dir/searches.lua" http://127.0.0.1:$port | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
    rss
done
echo "== search mix, 64 connections, while 500 changes/s are committed"
python3 - "$store" "$seconds" <<'PY' &
import sqlite3, sys, time, random
db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute("PRAGMA busy_timeout = 5000")
ids = [r[0] for r in db.execute("SELECT id FROM prompts ORDER BY random() LIMIT 20000")]
start = time.perf_counter(); n = 0
while time.perf_counter() - start < float(sys.argv[2]):
    pause = start + n / 500 - time.perf_counter()
    if pause > 0: time.sleep(pause)
    if n % 5 == 0:
        db.execute("UPDATE prompts SET title = title || ' v' WHERE id = ?", (random.choice(ids),))
    else:
        db.execute("UPDATE prompts SET view_count = view_count + 1 WHERE id = ?", (random.choice(ids),))
    n += 1
print(f"writer: {n} changes committed")
PY
writer=$!
wrk -t2 -c64 -d${seconds}s --latency -s "$dir/searches.lua" http://127.0.0.1:$port | grep -E "Requests/sec|50%|99%|Non-2xx|errors"
wait $writer
rss
echo "== freshness"
python3 "$here/Benchmarks/http/freshness.py" http://127.0.0.1:$port "$store" 500 20
