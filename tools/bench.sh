#!/usr/bin/env bash
# Full-scale benchmarks (tests/benchmarks): ingest throughput against a plain copy, clip queries and the archive
# browser on a 5,000,000-clip archive on SQLite and PostgreSQL, the spot-check draw (1,000 officers) and the
# ledger export (100,000 rows) against bare openpyxl, and the archive server (issue 12) against the embedded archive:
# filter → first page on the 5M-clip archives, upload ingest, streamed playback, and 50 review PCs loading one
# server for 60 s; the audit chain (append cost keyed against plain, verify at 1M and 10M rows). Prints the
# result tables; JSON and a log go to bench-results/.
# Takes 15-25 minutes on a 2-core machine (most of it bulk-loading 5M rows twice) and needs ~15 GB of free disk.
# Any BENCH_* variable set by the caller wins (see tests/benchmarks/conftest.py), e.g.
#   BENCH_CLIPS=1000000 tools/bench.sh -k clip_queries
# Extra arguments go to pytest. BENCH_COLD=1 drops the page cache between ingest runs (root only).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
bash tools/build_bundle.sh   # the frozen program, for the cold-start benchmark

export BENCH_CLIPS="${BENCH_CLIPS:-5000000}"
export BENCH_QUERIES="${BENCH_QUERIES:-100}"
export BENCH_INGEST_MB="${BENCH_INGEST_MB:-1024}"
export BENCH_INGEST_FILE_MB="${BENCH_INGEST_FILE_MB:-64}"
export BENCH_REPEATS="${BENCH_REPEATS:-3}"
export BENCH_COLD="${BENCH_COLD:-1}"
export BENCH_SPOTCHECK_OFFICERS="${BENCH_SPOTCHECK_OFFICERS:-1000}"
export BENCH_LEDGER_ROWS="${BENCH_LEDGER_ROWS:-100000}"
export BENCH_DESTRUCTIONS="${BENCH_DESTRUCTIONS:-100000}"
export BENCH_PLAYER_SECONDS="${BENCH_PLAYER_SECONDS:-60}" BENCH_PLAYER_OPENS="${BENCH_PLAYER_OPENS:-10}"
export BENCH_PLAYER_SEEKS="${BENCH_PLAYER_SEEKS:-60}" BENCH_PLAYER_STEPS="${BENCH_PLAYER_STEPS:-60}"
export BENCH_LOAD_CLIENTS="${BENCH_LOAD_CLIENTS:-50}" BENCH_LOAD_SECONDS="${BENCH_LOAD_SECONDS:-60}"
export BENCH_LOAD_THINK_MS="${BENCH_LOAD_THINK_MS:-500}"
export BENCH_PRESCREEN_SECONDS="${BENCH_PRESCREEN_SECONDS:-60}"  # pre-screen speed (issue 17)
export BENCH_AUDIT_ROWS="${BENCH_AUDIT_ROWS:-1000000,10000000}" BENCH_AUDIT_APPENDS="${BENCH_AUDIT_APPENDS:-3000}"

mkdir -p bench-results
log="bench-results/bench-$(date +%Y%m%d-%H%M%S).log"
echo "bench: BENCH_CLIPS=$BENCH_CLIPS BENCH_QUERIES=$BENCH_QUERIES BENCH_INGEST_MB=$BENCH_INGEST_MB" \
  "BENCH_INGEST_FILE_MB=$BENCH_INGEST_FILE_MB BENCH_REPEATS=$BENCH_REPEATS BENCH_COLD=$BENCH_COLD; log: $log"
.venv/bin/python -m pytest tests/benchmarks -m benchmark -s --durations=0 "$@" 2>&1 | tee "$log"
