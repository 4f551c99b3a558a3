#!/usr/bin/env bash
# Fault soak: the kill -9 tests (tests/faults, marker `soak`) with KILL_POINTS kill points per database
# (default 50) instead of the normal suite's few: a real ingest, `spotcheck draw`, review submission and
# `ledger export`, each killed at random moments on SQLite and PostgreSQL, then rerun and checked.
# About 15-25 minutes on a 2-core machine at 50. Any KILL_* variable set by the caller wins, e.g.
#   KILL_POINTS=200 KILL_SEED=7 tools/soak.sh -k draw
# Every kill prints its seed and moment; a failure reruns with the KILL_SEED it printed. The log goes to
# bench-results/. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh

export KILL_POINTS="${KILL_POINTS:-50}"
mkdir -p bench-results
log="bench-results/soak-$(date +%Y%m%d-%H%M%S).log"
echo "soak: KILL_POINTS=$KILL_POINTS KILL_SEED=${KILL_SEED:-per test}; log: $log"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest tests/faults -m soak -s --durations=0 "$@" 2>&1 | tee "$log"
