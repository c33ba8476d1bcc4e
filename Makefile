# VaultSearch — the two set-up commands of the README, and a few helpers.
#   make run    install what is missing, build (release), generate + index the sample corpus, search it
#   make test   install what is missing, run every test (Swift suites, then the official Meilisearch
#               client and the privacy sweep against a running daemon: Tests/Clients/run.sh, then a
#               short schemathesis pass: Tests/Fuzz/schemathesis.sh)
# System packages come from Debian; they are installed with apt only when missing.

APT_PACKAGES := pkg-config libicu-dev liblmdb-dev libsqlite3-dev libstemmer-dev lmdb-utils curl python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/vaultsearch

.PHONY: deps run test fuzz release bench-scifact bench-tantivy eval clean

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	swift build -c release --product vaultsearch

run: release
	$(BIN) demo

test: deps
	swift build --product vaultsearch
	swift test
	Tests/Clients/run.sh
	FUZZ_EXAMPLES=50 Tests/Fuzz/schemathesis.sh

# Schemathesis (PyPI, into .venv-fuzz) against the OpenAPI document and a running daemon, 300
# examples per operation: ~3 min on 2 cores. `make test` runs a 50-example pass (~20 s). FUZZ_EXAMPLES, FUZZ_SEED.
fuzz: deps
	swift build --product vaultsearch
	Tests/Fuzz/schemathesis.sh

# Ranking quality on the shared BEIR data sets (../shared/corpus), as quoted in the README.
eval: release
	@for ds in scifact cranfield; do \
		$(BIN) index --corpus ../shared/corpus/$$ds/corpus.jsonl --index data/$$ds && \
		$(BIN) eval --index data/$$ds --queries ../shared/corpus/$$ds/queries.tsv --qrels ../shared/corpus/$$ds/qrels.txt; \
	done

# Speed side by side with SQLite FTS5 on SciFact.
bench-scifact: release
	$(BIN) bench --corpus ../shared/corpus/scifact/corpus.jsonl --queries ../shared/corpus/scifact/queries.tsv --repeat 5

# Side by side with tantivy (PyPI, into Benchmarks/tantivy/.venv; skipped where PyPI is unreachable):
# build s, index bytes, peak RSS, p50/p99 for VaultSearch with defaults and with typos and prefix off,
# tantivy with VaultSearch's writer threads and with one. CORPUS and QUERIES default to SciFact;
# for a generated corpus: vaultsearch generate --docs 200000 --queries 1000 --output data/g200k/corpus.jsonl
# --queries-output data/g200k/queries.tsv, then make bench-tantivy CORPUS=data/g200k/corpus.jsonl QUERIES=data/g200k/queries.tsv
CORPUS ?= ../shared/corpus/scifact/corpus.jsonl
QUERIES ?= $(dir $(CORPUS))queries.tsv
REPEAT ?= 5
bench-tantivy: release
	$(BIN) bench --corpus $(CORPUS) --queries $(QUERIES) --baseline tantivy --plain --repeat $(REPEAT)

clean:
	rm -rf .build data
