#!/usr/bin/env bash
# Quick start (1 of 2): set everything up, build a demo archive once, and open the workstation on it.
#
#   ./run.sh            opens the window on the demo archive (sign in as admin / admin123)
#   ./run.sh --check    the same without a person: opens the window offscreen, signs in as admin, exits 0
#                       when the main window showed its first page (CI runs this)
#
# DEMO_ARCHIVE=DIR chooses the demo archive's folder (default ~/.local/share/bodycam-workstation/demo-archive).
set -euo pipefail
cd "$(dirname "$0")"
bash tools/setup.sh
DEMO=${DEMO_ARCHIVE:-$HOME/.local/share/bodycam-workstation/demo-archive}
if [ ! -f "$DEMO/archive.sqlite" ]; then
  .venv/bin/workstation demo --archive "$DEMO"
fi
if [ "${1:-}" = "--check" ]; then
  echo "admin123" | QT_QPA_PLATFORM=offscreen .venv/bin/workstation --smoke-test --startup --archive "$DEMO" --user admin
  exit
fi
exec .venv/bin/workstation --archive "$DEMO" "$@"
