#!/usr/bin/env python3
"""A tantivy baseline for `vaultsearch bench`: build time, index bytes, peak RSS and query latency.

Reads a BEIR corpus (corpus.jsonl: one JSON object per line with `_id` or `id`, `title`, `text`) and
its queries (queries.tsv: `id<TAB>text`, or queries.jsonl: `_id`/`text`), builds one tantivy index
per writer thread count (each build in its own child process, so the peak RSS is the build's own),
then runs every query single-threaded, top k, after one warm-up pass, `--repeat` timed passes.

Schema: `id` (raw, stored, the only stored field), `title` and `text` (tokenizer `en_stem`:
lower-casing, words over 40 bytes dropped, English Snowball stemming; positions indexed). A query is
lower-cased and every character that is not a letter, digit or space becomes a space (so nothing in
it is query syntax: no AND/OR/NOT, no `-word`, no phrases). Its words are OR-ed over both fields,
the title boosted (`--title-boost`, VaultSearch's BEIR title weight by default), by one of two forms
(`--query-form`):
- `flat` (default): the query analyzed with the same chain as `en_stem`, and one boolean query of
  SHOULD term queries, title (boosted) and text for every distinct term. tantivy answers a flat
  disjunction of term queries with block-max WAND.
- `parser`: the binding's query parser (`parse_query_lenient` over title and text), which makes a
  SHOULD of per-word SHOULDs; nested, so tantivy scores every matching document. Same top k, slower.
Each timed search builds the query, collects the top k without counting every match, and reads each
hit's stored id: what VaultSearch's timed search does too (analysis, top k, external ids).

Run it through `run.sh`, which makes the virtual environment. Exit status 77 means "skipped"
(tantivy could not be imported or installed); anything else non-zero is a failure.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SKIPPED = 77
TITLE_BOOST = 2.5  # IndexSettings.beir: title weight 2.5, text 1


def log(message):
    print(message, file=sys.stderr, flush=True)


def default_threads():
    """The analysis workers of VaultSearch's IndexWriter: min(active processors, 8), at least 1."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


# ---------------------------------------------------------------- input

def read_corpus(path):
    """Yields (id, title, text) from a BEIR corpus.jsonl; blank lines are skipped."""
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                fields = json.loads(line)
            except ValueError as error:
                raise SystemExit(f"{path}:{number}: not valid JSON ({error})")
            raw_id = fields.get("_id", fields.get("id"))
            if raw_id is None or raw_id == "":
                raise SystemExit(f'{path}:{number}: the document has no "_id" or "id"')
            title = fields.get("title")
            text = fields.get("text")
            yield str(raw_id), title if isinstance(title, str) else "", text if isinstance(text, str) else ""


HEADER_IDS = {"query-id", "query_id", "qid", "_id"}


def read_queries(path):
    """[(id, text)] from queries.tsv (id<TAB>text; a header line and blank lines skipped) or
    queries.jsonl (`_id` or `id`, `text`), chosen by the first non-blank character."""
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    stripped = content.lstrip()
    queries = []
    if stripped.startswith("{"):
        for number, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            fields = json.loads(line)
            query_id = fields.get("_id", fields.get("id"))
            if query_id is None or not isinstance(fields.get("text"), str):
                raise SystemExit(f'{path}:{number}: a query needs "_id" and "text"')
            queries.append((str(query_id), fields["text"]))
        return queries
    for number, line in enumerate(content.split("\n"), 1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        if "\t" not in line:
            raise SystemExit(f"{path}:{number}: expected 'qid<TAB>text'")
        query_id, text = line.split("\t", 1)
        if number == 1 and query_id.lower() in HEADER_IDS:
            continue
        queries.append((query_id, text))
    return queries


def plain_words(text, stop_words):
    """The query as plain words: lower-cased, non-alphanumerics as spaces; stop words dropped unless
    every word is one (VaultSearch's rule for unquoted query words)."""
    cleaned = "".join(c if c.isalnum() or c.isspace() else " " for c in text.lower())
    words = cleaned.split()
    if stop_words:
        kept = [w for w in words if w not in stop_words]
        if kept:
            words = kept
    return " ".join(words)


# ---------------------------------------------------------------- build (child process)

def make_schema(tantivy, store_text):
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", stored=store_text, tokenizer_name="en_stem")
    builder.add_text_field("text", stored=store_text, tokenizer_name="en_stem")
    return builder.build()


def build_child(args):
    """Builds one index; writes {seconds, documents, segments} to args.result."""
    import tantivy

    os.makedirs(args.index_dir)
    start = time.perf_counter()
    index = tantivy.Index(make_schema(tantivy, args.store_text), path=args.index_dir)
    writer = index.writer(heap_size=args.heap_mb * 1_000_000, num_threads=args.threads)
    documents = 0
    for doc_id, title, text in read_corpus(args.corpus):
        writer.add_document(tantivy.Document(id=doc_id, title=title, text=text))
        documents += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - start
    index.reload()
    searcher = index.searcher()
    with open(args.result, "w") as out:
        json.dump({"seconds": seconds, "documents": documents, "segments": searcher.num_segments, "numDocs": searcher.num_docs}, out)


def python_overhead(corpus):
    """Seconds to read the corpus, parse its JSON and make the binding's Document objects, without
    indexing: the part of the build that is Python, not tantivy (run in a child like the builds)."""
    import tantivy

    start = time.perf_counter()
    count = 0
    for doc_id, title, text in read_corpus(corpus):
        tantivy.Document(id=doc_id, title=title, text=text)
        count += 1
    return time.perf_counter() - start


def directory_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(root, name))
            except OSError:
                pass
    return total


def run_child(arguments):
    """Runs this script with `arguments` in a child; returns (exit status, peak RSS in MiB)."""
    process = subprocess.Popen([sys.executable, os.path.abspath(__file__)] + arguments)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_maxrss / 1024  # Linux: KiB


def build(args, threads, index_dir):
    result = index_dir + ".result.json"
    child = ["--build-child", "--corpus", args.corpus, "--index-dir", index_dir, "--threads", str(threads),
             "--heap-mb", str(args.heap_mb), "--result", result] + (["--store-text"] if args.store_text else [])
    status, peak = run_child(child)
    if status != 0:
        raise SystemExit(f"the tantivy build with {threads} thread(s) failed (exit status {status})")
    with open(result) as handle:
        outcome = json.load(handle)
    os.remove(result)
    outcome["indexBytes"] = directory_bytes(index_dir)
    outcome["peakRSSMiB"] = peak
    return outcome


# ---------------------------------------------------------------- queries (this process)

def percentile(sorted_ms, p):
    """Nearest rank, as VaultEval's LatencySummary."""
    if not sorted_ms:
        return 0.0
    rank = -(-p * len(sorted_ms) // 100)  # ceil
    return sorted_ms[max(0, min(len(sorted_ms) - 1, int(rank) - 1))]


def summarize(samples_ns):
    ms = sorted(s / 1e6 for s in samples_ns)
    total = sum(ms)
    return {"samples": len(ms), "p50Ms": percentile(ms, 50), "p90Ms": percentile(ms, 90), "p99Ms": percentile(ms, 99),
            "meanMs": total / len(ms) if ms else 0.0, "qps": len(ms) / (total / 1000) if total > 0 else 0.0}


def query_analyzer(tantivy):
    """The chain of tantivy's `en_stem` tokenizer: simple tokenizer, remove long (40), lower-case,
    English stemmer."""
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer
    return (TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(40)).filter(Filter.lowercase())
            .filter(Filter.stemmer("english")).build())


def time_queries(tantivy, index_dir, texts, limit, repeat, title_boost, form):
    index = tantivy.Index.open(index_dir)
    index.reload()
    searcher = index.searcher()
    schema = index.schema
    boosts = {"title": title_boost} if title_boost != 1 else {}
    analyzer = query_analyzer(tantivy)
    Query, Should = tantivy.Query, tantivy.Occur.Should

    def flat_query(text):
        clauses = []
        for term in dict.fromkeys(analyzer.analyze(text)):
            title = Query.term_query(schema, "title", term)
            clauses.append((Should, Query.boost_query(title, title_boost) if title_boost != 1 else title))
            clauses.append((Should, Query.term_query(schema, "text", term)))
        return Query.boolean_query(clauses) if clauses else None

    def search(text):
        if form == "flat":
            query = flat_query(text)
        else:
            query = index.parse_query_lenient(text, ["title", "text"], field_boosts=boosts)[0] if text else None
        if query is None:
            return 0
        hits = searcher.search(query, limit, count=False).hits
        for _, address in hits:
            searcher.doc(address).get_first("id")
        return len(hits)

    with_hits = sum(1 for text in texts if search(text) > 0)  # the warm-up pass
    samples = []
    clock = time.perf_counter_ns
    for _ in range(repeat):
        for text in texts:
            start = clock()
            search(text)
            samples.append(clock() - start)
    summary = summarize(samples)
    summary["queriesWithHits"] = with_hits
    return summary


# ---------------------------------------------------------------- report

def print_table(report):
    print(f"tantivy {report['tantivyVersion']} on {report['corpus']}: {report['documents']} documents, "
          f"{report['queries']} queries x {report['repeat']} timed runs, top {report['limit']}, {report['queryForm']} queries, "
          f"load average {report['loadAverage'][0]:.2f} {report['loadAverage'][1]:.2f} {report['loadAverage'][2]:.2f}")
    print(f"{'writer threads':<16}{'build s':>9}{'index MB':>10}{'peak RSS MiB':>14}{'segments':>10}"
          f"{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'qps':>9}   queries")
    for run in report["runs"]:
        for key, label in (("query", "as given"), ("queryStopWordsDropped", "stop words dropped")):
            q = run.get(key)
            if q is None:
                continue
            first = key == "query"
            build = (f"{run['buildSeconds']:>9.2f}{run['indexBytes'] / 1e6:>10.1f}{run['peakRSSMiB']:>14.0f}{run['segments']:>10}"
                     if first else " " * 43)
            print(f"{(str(run['threads']) if first else ''):<16}{build}{q['p50Ms']:>9.4f}{q['p90Ms']:>9.4f}"
                  f"{q['p99Ms']:>9.4f}{q['qps']:>9.0f}   {label}")
    if report.get("pythonOverheadSeconds") is not None:
        print(f"of each build, {report['pythonOverheadSeconds']:.2f} s is Python reading the JSON and making Document objects")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="BEIR corpus.jsonl")
    parser.add_argument("--queries", help="queries.tsv (id<TAB>text) or queries.jsonl")
    parser.add_argument("--threads", default=None,
                        help=f"writer thread counts, comma-separated (default: {default_threads()},1 — "
                             "VaultSearch's analysis workers, then one)")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over the queries (default 5)")
    parser.add_argument("--limit", type=int, default=10, help="hits per query (default 10)")
    parser.add_argument("--first", type=int, default=0, help="use only the first N queries (0 = all)")
    parser.add_argument("--heap-mb", type=int, default=128, help="the writer's memory budget, all threads (default 128, the binding's)")
    parser.add_argument("--title-boost", type=float, default=TITLE_BOOST, help=f"title boost (default {TITLE_BOOST})")
    parser.add_argument("--stop-words", default="",
                        help="comma-separated words to drop from queries (as VaultSearch does); with them both "
                             "the queries as given and with these dropped are timed")
    parser.add_argument("--query-form", choices=["flat", "parser"], default="flat",
                        help="flat: one SHOULD of term queries (block-max WAND; default); parser: the binding's query parser")
    parser.add_argument("--store-text", action="store_true", help="also store title and text (default: only the id)")
    parser.add_argument("--work-dir", help="where the indexes go (default: a temporary directory, removed after)")
    parser.add_argument("--keep", action="store_true", help="keep the indexes")
    parser.add_argument("--skip-overhead-pass", action="store_true", help="do not time Python's share of a build")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--json-output", help="also write the JSON report here")
    # Internal: one build in a child process.
    parser.add_argument("--build-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--overhead-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if isinstance(args.threads, str) and args.build_child:
        args.threads = int(args.threads)

    try:
        import tantivy
    except ImportError as error:
        log(f"tantivy baseline skipped: cannot import tantivy ({error}); run Benchmarks/tantivy/run.sh")
        return SKIPPED

    if args.build_child:
        build_child(args)
        return 0
    if args.overhead_child:
        with open(args.result, "w") as out:
            json.dump({"seconds": python_overhead(args.corpus)}, out)
        return 0

    if not args.queries:
        parser.error("--queries is required")
    if args.repeat < 1 or args.limit < 1:
        parser.error("--repeat and --limit must be at least 1")
    if not os.path.isfile(args.corpus):
        raise SystemExit(f"no corpus at '{args.corpus}'")
    threads = [int(t) for t in (args.threads or f"{default_threads()},1").split(",") if t.strip()]
    if not threads or any(t < 1 for t in threads):
        parser.error("--threads must list positive counts")
    queries = read_queries(args.queries)
    if args.first > 0:
        queries = queries[:args.first]
    stop_words = {w.strip().lower() for w in args.stop_words.split(",") if w.strip()}
    as_given = [plain_words(text, set()) for _, text in queries]
    dropped = [plain_words(text, stop_words) for _, text in queries] if stop_words else None

    work = args.work_dir or tempfile.mkdtemp(prefix="tantivy-bench-")
    os.makedirs(work, exist_ok=True)
    runs = []
    overhead = None
    try:
        if not args.skip_overhead_pass:
            log("timing Python's share of a build (read, parse JSON, make Documents)…")
            result = os.path.join(work, "overhead.json")
            status, _ = run_child(["--overhead-child", "--corpus", args.corpus, "--result", result])
            if status == 0:
                with open(result) as handle:
                    overhead = json.load(handle)["seconds"]
                os.remove(result)
        for count in threads:
            index_dir = os.path.join(work, f"tantivy-{count}t")
            if os.path.exists(index_dir):
                shutil.rmtree(index_dir)
            log(f"building the tantivy index with {count} writer thread(s)…")
            outcome = build(args, count, index_dir)
            log(f"  {outcome['seconds']:.2f} s, {outcome['indexBytes'] / 1e6:.1f} MB, peak RSS {outcome['peakRSSMiB']:.0f} MiB, "
                f"{outcome['segments']} segment(s)")
            log(f"timing {len(queries)} queries x {args.repeat}…")
            run = {"threads": count, "buildSeconds": outcome["seconds"], "indexBytes": outcome["indexBytes"],
                   "peakRSSMiB": outcome["peakRSSMiB"], "segments": outcome["segments"], "documents": outcome["documents"],
                   "query": time_queries(tantivy, index_dir, as_given, args.limit, args.repeat, args.title_boost, args.query_form)}
            if dropped is not None:
                run["queryStopWordsDropped"] = time_queries(tantivy, index_dir, dropped, args.limit, args.repeat, args.title_boost,
                                                           args.query_form)
            runs.append(run)
            if not args.keep:
                shutil.rmtree(index_dir, ignore_errors=True)
    finally:
        if not args.work_dir and not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    try:
        from importlib.metadata import version
        binding = version("tantivy")
    except Exception:
        binding = "unknown"
    report = {
        "tantivyVersion": binding, "corpus": args.corpus, "queriesFile": args.queries,
        "documents": runs[0]["documents"] if runs else 0, "queries": len(queries), "repeat": args.repeat, "limit": args.limit,
        "heapMB": args.heap_mb, "queryForm": args.query_form, "titleBoost": args.title_boost, "storedFields": ["id", "title", "text"] if args.store_text else ["id"],
        "stopWords": sorted(stop_words), "pythonOverheadSeconds": overhead, "loadAverage": list(os.getloadavg()),
        "peakRSSMiBQueryProcess": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "runs": runs,
    }
    if args.json_output:
        with open(args.json_output, "w") as out:
            json.dump(report, out, indent=2, sort_keys=True)
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
