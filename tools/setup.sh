#!/usr/bin/env bash
# Set up everything the workstation needs on Debian/Ubuntu: system packages, .venv, the project.
# Idempotent: each step checks first and does nothing when it is already done (a second run takes ~1 s).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # libVLC for playback (vlc-plugin-video-output: rendering into a Qt window)
  libvlc5 vlc-plugin-base libvlc-bin vlc-plugin-video-output
  # Qt offscreen and xcb, Xvfb for screenshots, CJK fonts so Chinese text renders
  libgl1 libegl1 libglib2.0-0 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3 libxcb1
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  xvfb xauth fonts-noto-cjk
  # the shared branch archive runs on PostgreSQL; the tests start throwaway servers
  postgresql
  python3-venv
  # tools/clock_matrix.sh moves the wall clock of the time-sensitive tests
  faketime
  # the evidence-export tests read packages back: bsdtar lists/extracts zip and ISO, zbarimg decodes the QR code
  # of the description sheet
  libarchive-tools zbar-tools
  # a TrueType CJK font for the PDF (reportlab embeds TrueType only; Noto CJK has PostScript outlines)
  fonts-wqy-microhei
  # the print tests convert the workbooks to PDF as a user's spreadsheet program prints them, then read the
  # text positions and render a page (pdftotext, pdftoppm)
  libreoffice-calc-nogui poppler-utils
  # the report print tests print the HTML reports as a user's browser prints them (headless, to PDF)
  chromium
  # metric twins of the fonts a Windows spreadsheet program prints the workbooks with (Calibri, Courier New)
  fonts-crosextra-carlito fonts-liberation2
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi

# Reinstall the Python packages only when the pins or the project metadata changed.
stamp=.venv/.setup-stamp
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: installing Python packages (pinned in constraints.txt)"
  .venv/bin/python -m pip install -q --disable-pip-version-check -U pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".[dev]"
  echo "$want" > "$stamp"
fi

# Compile the Qt translations (.ts → .qm) when a .ts changed; the .qm files are build output, not in git.
for ts in resources/translations/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
