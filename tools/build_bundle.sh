#!/usr/bin/env bash
# Build the frozen one-folder program (Linux), smoke-test it with the system's libVLC hidden, and compile
# the Windows installer script. What CI runs to keep installer/ working; the Windows build itself is
# installer/build.ps1 (on a Windows machine or .github/workflows/windows.yml).
#
#   tools/build_bundle.sh            build if the sources changed, then smoke test and makensis
#   FORCE=1 tools/build_bundle.sh    rebuild even when dist/workstation is up to date
#
# Idempotent: installs nsis and libvlc-bin if missing, skips PyInstaller when nothing it packs changed
# (stamp in build/bundle.stamp). Results: dist/workstation/ (the bundle), build/pyinstaller/ (work
# files), build/BodycamWorkstation-Setup-check.exe (the installer, built around a placeholder folder,
# since the real one needs the Windows build). Prints the build time, size and smoke-test time.
#
# The system libVLC is hidden in a private mount namespace (root only: an empty folder is bind-mounted
# over /usr/lib/x86_64-linux-gnu/vlc, an empty file over each libvlc/libav* library), so the smoke test
# proves the bundle brings its own. Without root the smoke test still runs, and its own check fails if
# any libVLC file was loaded from outside the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s%3N)
elapsed() { awk -v from="$1" -v to="$(date +%s%3N)" 'BEGIN { printf "%.1f", (to - from) / 1000 }'; }

bash tools/setup.sh   # .venv, the project, libvlc5 + vlc-plugin-base, the .qm translations

missing=()
for pkg in nsis libvlc-bin; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "build_bundle: installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

BUNDLE=dist/workstation
VLC_LIBDIR=/usr/lib/x86_64-linux-gnu
VERSION=$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')

# --- 1. PyInstaller, unless nothing it packs changed since the last build ---
stamp_inputs() {
  find ui player workstation db installer resources -type f \
    ! -name '*.pyc' ! -path '*/__pycache__/*' ! -name '*.ts' ! -path '*/glossary/*' -print0 | sort -z | xargs -0 sha256sum
  sha256sum constraints.txt pyproject.toml
  cat .venv/.setup-stamp 2>/dev/null || true
  dpkg-query -W -f='${Version}\n' libvlc5 vlc-plugin-base
}
want=$(stamp_inputs | sha256sum | cut -d' ' -f1)
if [ "${FORCE:-0}" != 1 ] && [ -x "$BUNDLE/workstation" ] && [ "$(cat build/bundle.stamp 2>/dev/null)" = "$want" ]; then
  echo "build_bundle: $BUNDLE is up to date"
else
  build_started=$(date +%s%3N)
  rm -f build/bundle.stamp
  .venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
    installer/workstation.spec
  # The plugin cache: libVLC starts in a few ms instead of scanning every plugin (60-250 ms).
  "$VLC_LIBDIR/vlc/vlc-cache-gen" "$BUNDLE/_internal/vlc/plugins"
  mkdir -p build
  echo "$want" > build/bundle.stamp
  echo "build_bundle: PyInstaller build took $(elapsed "$build_started") s"
fi
echo "build_bundle: $BUNDLE is $(du -sm "$BUNDLE" | cut -f1) MB" \
  "($(find "$BUNDLE/_internal/vlc/plugins" -name '*_plugin.so' | wc -l) libVLC plugins)"

# --- 2. smoke test, with the system's libVLC (and the FFmpeg libraries its plugins use) hidden ---
hidden_run() {
  if [ "$(id -u)" -ne 0 ] || ! unshare -m --propagation private true 2>/dev/null; then
    echo "build_bundle: not root (or no mount namespaces): smoke test with the system libVLC visible" >&2
    "$@"
    return
  fi
  local empty
  empty=$(mktemp -d)
  touch "$empty/empty.so"
  mkdir "$empty/dir"
  local status=0
  # shellcheck disable=SC2016  # expanded by the inner shell
  unshare -m --propagation private sh -c '
    set -e
    empty=$1; libdir=$2; shift 2
    [ -d "$libdir/vlc" ] && mount --bind "$empty/dir" "$libdir/vlc"
    for lib in "$libdir"/libvlc*.so* "$libdir"/libav*.so.* "$libdir"/libsw*.so.* "$libdir"/libpostproc.so.*; do
      [ -f "$lib" ] && [ ! -L "$lib" ] && mount --bind "$empty/empty.so" "$lib"
    done
    exec "$@"
  ' hidden "$empty" "$VLC_LIBDIR" "$@" || status=$?
  rm -rf "$empty"
  return $status
}
smoke_started=$(date +%s%3N)
hidden_run "$BUNDLE/workstation" --smoke-test
echo "build_bundle: smoke test (frozen, system libVLC hidden) took $(elapsed "$smoke_started") s"

# --- 3. the Windows installer script compiles (around a placeholder of the Windows bundle) ---
placeholder=build/nsis-placeholder/workstation
rm -rf build/nsis-placeholder
mkdir -p "$placeholder/_internal/plugins"
for file in BodycamWorkstation.exe workstation.exe _internal/libvlc.dll _internal/plugins/plugins.dat; do
  echo "placeholder for the installer-script check; the real files come from the Windows build" > "$placeholder/$file"
done
makensis -V2 -WX -DVERSION="$VERSION" -DDIST="$PWD/$placeholder" \
  -DOUTFILE="$PWD/build/BodycamWorkstation-Setup-check.exe" installer/workstation.nsi
echo "build_bundle: installer script compiles (build/BodycamWorkstation-Setup-check.exe)"
echo "build_bundle: done in $(elapsed "$started") s"
