#!/bin/sh
# Crash safety of the tailer: `vaultsearch tail` is SIGKILLed at KILLS random moments (default 60)
# while another process writes random operations to the store; afterwards the index must equal a
# full rebuild and its cursor the change log's end. Prints the seed; VAULT_TEST_SEED=... replays.
#   scripts/crash-test.sh [KILLS]
set -e
cd "$(dirname "$0")/.."
KILLS="${1:-60}"
SCRATCH="${SCRATCH:-.build-ingest}"
swift build --scratch-path "$SCRATCH" --build-tests
VAULT_CRASH_KILLS="$KILLS" swift test --scratch-path "$SCRATCH" --skip-build --filter CrashSafetyTests 2>&1 \
  | grep -E "CrashSafetyTests|✔|✘|Issue|differs|started at"
