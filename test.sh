#!/usr/bin/env bash
# Quick start (2 of 2): set everything up and run the whole test suite (lint, import contracts, types, tests
# on SQLite and on a throwaway PostgreSQL server, a small-scale run of the benchmarks), then the
# time-sensitive tests again at other clock times and time zones (tools/clock_matrix.sh).
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
.venv/bin/ruff check .
.venv/bin/lint-imports
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
bash tools/clock_matrix.sh
