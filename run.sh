#!/usr/bin/env bash
# Quick start (1 of 2): set everything up, build a demo archive once, and open the workstation on it.
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
DEMO=${DEMO_ARCHIVE:-$HOME/.local/share/bodycam-workstation/demo-archive}
if [ ! -f "$DEMO/archive.sqlite" ]; then
  .venv/bin/workstation demo --archive "$DEMO"
fi
exec .venv/bin/workstation --archive "$DEMO" "$@"
