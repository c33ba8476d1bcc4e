"""Commit-to-searchable latency over HTTP: a writer commits new prompts to the store at a fixed rate
while a poller asks the daemon for them; each prompt's latency is the time from its commit to the
first response that contains it.

Usage: freshness.py URL STORE [RATE=500] [SECONDS=20]
Prints p50 / p90 / p99 / max in ms and how many prompts were never seen.
"""
import json
import sqlite3
import sys
import threading
import time
import urllib.request

url, store = sys.argv[1], sys.argv[2]
rate = float(sys.argv[3]) if len(sys.argv) > 3 else 500
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 20
run = int(time.time() * 1000)
base = 4_000_000_000 + (run % 1_000_000) * 100_000  # createdAt values no other prompt (or run) has
committed, seen = {}, {}
done = threading.Event()


def writer():
    db = sqlite3.connect(store, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 5000")
    author = db.execute("SELECT min(id) FROM users").fetchone()[0]
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < seconds:
        due = start + n / rate
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        stamp = base + n
        db.execute("INSERT INTO prompts(slug, title, content, author_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                   (f"fresh-{run}-{stamp}", f"fresh prompt {stamp}", "freshness probe", author, stamp, stamp))
        committed[stamp] = time.perf_counter()
        n += 1
    done.set()


def poller():
    last = base - 1
    body = lambda low: json.dumps({"q": "", "filter": f"createdAt > {low}", "sort": ["createdAt:asc"], "hitsPerPage": 1000, "page": 1,
                                   "attributesToRetrieve": ["createdAt"]}).encode()
    deadline = None
    while True:
        if done.is_set():
            deadline = deadline or time.perf_counter() + 5
            if time.perf_counter() > deadline or len(seen) == len(committed):
                return
        req = urllib.request.Request(url + "/indexes/prompts/search", data=body(last), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as response:
            hits = json.loads(response.read())["hits"]
        now = time.perf_counter()
        for hit in hits:
            stamp = hit["createdAt"]
            if stamp not in seen:
                seen[stamp] = now
                last = max(last, stamp) if stamp == last + 1 else last
        while last + 1 in seen:
            last += 1


threads = [threading.Thread(target=writer), threading.Thread(target=poller)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latencies = sorted((seen[s] - committed[s]) * 1000 for s in committed if s in seen)
missing = len(committed) - len(latencies)


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else float("nan")


print(f"{len(committed)} prompts committed at {rate:.0f}/s over {seconds:.0f} s; commit-to-searchable over HTTP: "
      f"p50 {pct(50):.1f} ms, p90 {pct(90):.1f} ms, p99 {pct(99):.1f} ms, max {latencies[-1] if latencies else float('nan'):.1f} ms; never seen: {missing}")
