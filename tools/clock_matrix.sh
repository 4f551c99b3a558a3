#!/usr/bin/env bash
# Prove that no test depends on the wall clock or the machine's time zone: run the time-sensitive tests
# (pytest marker `clock`) under several time zones, program clocks (WORKSTATION_TEST_CLOCK, near midnight
# China Standard Time included) and wall clocks (libfaketime moves the machine's own clock too, for the
# test process and every process it starts). Called by test.sh; extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

# TZ | program clock at the start of the run | wall clock ("-" = the real one)
MATRIX=(
  "UTC|2026-11-30T23:59:40+08:00|2026-06-15 03:00:00"
  "Asia/Shanghai|2026-12-01T00:00:20+08:00|2026-11-30 23:59:50"
  "America/Los_Angeles|2026-12-31T23:59:30+08:00|-"
  "Asia/Shanghai|2026-11-22T14:05:09+08:00|2027-03-01 12:00:00"
)
for row in "${MATRIX[@]}"; do
  IFS='|' read -r zone start wall <<< "$row"
  echo "clock matrix: TZ=$zone program clock $start wall clock ${wall/#-/real}"
  prefix=()
  if [ "$wall" != "-" ]; then
    prefix=(faketime -f "@$wall")
  fi
  TZ="$zone" WORKSTATION_TEST_CLOCK="$start" \
    "${prefix[@]}" .venv/bin/python -m pytest -m clock -q -p no:randomly "$@"
done
