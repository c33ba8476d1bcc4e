#!/usr/bin/env bash
# The tantivy baseline's entry point: makes a virtual environment beside this script (.venv, ignored
# by git) with tantivy from PyPI, then runs tantivy_bench.py with the arguments given.
#
#   Benchmarks/tantivy/run.sh --corpus corpus.jsonl --queries queries.tsv [--threads 2,1] [--repeat 5] [--json]
#
# Exit status 77: skipped (no python3 venv module, or tantivy could not be installed: PyPI
# unreachable, or no wheel for this platform); the reason is on standard error. Other non-zero: failure.
# TANTIVY_VERSION pins the binding (default below), TANTIVY_VENV moves the environment, PYTHON picks
# the interpreter that makes it.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${TANTIVY_VENV:-$here/.venv}"
version="${TANTIVY_VERSION:-0.27.0}"
python="${PYTHON:-python3}"
SKIPPED=77

skip() { echo "tantivy baseline skipped: $*" >&2; exit "$SKIPPED"; }

installed() {
    [ -x "$venv/bin/python" ] && "$venv/bin/python" - "$version" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
import tantivy  # noqa: F401  (the extension loads)
sys.exit(0 if version("tantivy") == sys.argv[1] else 1)
PY
}

if ! installed; then
    command -v "$python" >/dev/null 2>&1 || skip "no $python on PATH"
    if [ ! -x "$venv/bin/python" ]; then
        echo "making $venv…" >&2
        "$python" -m venv "$venv" >&2 || { rm -rf "$venv"; skip "'$python -m venv' failed (install python3-venv: make deps)"; }
    fi
    echo "installing tantivy==$version from PyPI into $venv…" >&2
    if ! "$venv/bin/python" -m pip install --disable-pip-version-check --quiet --timeout 20 --retries 1 "tantivy==$version" >&2; then
        skip "could not install tantivy==$version from PyPI (unreachable from here, or no wheel for this platform)"
    fi
    installed || skip "tantivy==$version installed but does not import"
fi
exec "$venv/bin/python" "$here/tantivy_bench.py" "$@"
