"""What goes into the frozen build besides our Python code: libVLC and its plugins, and which Qt parts stay out.

Used by installer/workstation.spec at build time (never by the program itself) and by the installer
tests. No PyInstaller import at module level, so the tests can load it in any interpreter.
"""

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLUGIN_LIST = HERE / "vlc_plugins.txt"
PLATFORMS = ("win", "linux")

# Qt plugins the workstation never uses. libqgtk3 alone drags in GTK 3, librsvg and friends (~19 MB);
# the other platforms and input drivers are for embedded devices, Wayland compositors and VNC. VLC
# embeds only into X11 windows on Linux, so the program runs under xcb (XWayland on a Wayland desktop).
UNWANTED_QT_PLUGINS = (
    "libqgtk3",
    "libqwayland",
    "libqeglfs",
    "libqlinuxfb",
    "libqvnc",
    "libqvkkhrdisplay",
    "libqevdev",
    "libqtuiotouchplugin",
    "libqtslib",
)
UNWANTED_QT_PLUGIN_FOLDERS = (
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
    "egldeviceintegrations",
    "generic",
)
# Qt's own translations kept: Chinese (the default UI language) and English.
QT_TRANSLATION_LANGUAGES = ("_zh_CN.qm", "_en.qm")


@dataclass(frozen=True)
class VlcLayout:
    """Where a libVLC build lives, and where its files go inside the bundle."""

    libraries: tuple[Path, ...]  # libvlc and libvlccore, copied next to the program's Python
    plugins: Path  # VLC's plugins directory
    plugins_target: str  # its place in the bundle, relative to the bundle's root
    suffix: str  # ".dll" or ".so"


def current_platform() -> str:
    return "win" if sys.platform == "win32" else "linux"


def vlc_layout(platform: str | None = None, vlc_dir: str | os.PathLike | None = None) -> VlcLayout:
    """The libVLC to bundle: `VLC_DIR` (the folder fetch_vlc.ps1 fills on Windows; a library folder such as
    /usr/lib/x86_64-linux-gnu on Linux), else the default of the platform.

    On Windows libvlccore looks for `<its folder>\\plugins`; on Linux for `<its folder>/vlc/plugins`.
    """
    platform = platform or current_platform()
    if platform == "win":
        base = Path(vlc_dir or os.environ.get("VLC_DIR") or HERE.parent / "build" / "vlc")
        return VlcLayout((base / "libvlc.dll", base / "libvlccore.dll"), base / "plugins", "plugins", ".dll")
    base = Path(vlc_dir or os.environ.get("VLC_DIR") or "/usr/lib/x86_64-linux-gnu")
    return VlcLayout((base / "libvlc.so.5", base / "libvlccore.so.9"), base / "vlc" / "plugins", "vlc/plugins", ".so")


def parse_plugin_list(text: str, platform: str) -> list[str]:
    """The `folder/name` (or `folder/*`) entries of vlc_plugins.txt that apply to `platform`."""
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        entry, only = line[0], line[1:]
        if entry.count("/") != 1 or len(only) > 1 or (only and only[0] not in PLATFORMS):
            raise ValueError(f"vlc_plugins.txt line {number}: expected 'folder/name [win|linux]', got {raw!r}")
        if not only or only[0] == platform:
            entries.append(entry)
    return entries


def plugin_files(layout: VlcLayout, entries: Iterable[str]) -> list[Path]:
    """The plugin files named by `entries` in the layout's plugins directory; raises for any that is missing."""
    files: list[Path] = []
    missing = []
    for entry in entries:
        folder, name = entry.split("/")
        if name == "*":
            found = sorted((layout.plugins / folder).glob(f"lib*_plugin{layout.suffix}"))
            files += found
            if not found:
                missing.append(entry)
            continue
        path = layout.plugins / folder / f"lib{name}_plugin{layout.suffix}"
        if path.is_file():
            files.append(path)
        else:
            missing.append(entry)
    if missing:
        raise FileNotFoundError(f"VLC plugins missing from {layout.plugins}: {', '.join(missing)}")
    return files


def vlc_binaries(platform: str | None = None, vlc_dir: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """(source, bundle folder) pairs for PyInstaller's `binaries`: libVLC, libvlccore and the listed plugins.

    Given as binaries, not data, so PyInstaller also collects what they link to (libavcodec on Linux).
    """
    platform = platform or current_platform()
    layout = vlc_layout(platform, vlc_dir)
    for library in layout.libraries:
        if not library.is_file():
            raise FileNotFoundError(
                f"{library} not found: on Windows run installer/fetch_vlc.ps1 first; on Debian install libvlc5"
            )
    pairs = [(str(library), ".") for library in layout.libraries]
    entries = parse_plugin_list(PLUGIN_LIST.read_text(encoding="utf-8"), platform)
    for path in plugin_files(layout, entries):
        folder = path.parent.relative_to(layout.plugins).as_posix()
        pairs.append((str(path), f"{layout.plugins_target}/{folder}"))
    return pairs


def vlc_notices(platform: str | None = None, vlc_dir: str | os.PathLike | None = None) -> list[tuple[str, str]]:
    """(source, bundle folder) of libVLC's licence text, shipped with the program (libVLC is LGPL-2.1+,
    VLC's Windows plugins include GPL code): COPYING.txt of the VLC zip, Debian's copyright file on Linux.
    """
    platform = platform or current_platform()
    if platform == "win":
        candidates = [vlc_layout(platform, vlc_dir).libraries[0].parent / "COPYING.txt"]
    else:
        candidates = [Path("/usr/share/doc/libvlc5/copyright")]
    return [(str(path), "licenses/vlc") for path in candidates if path.is_file()]


def wanted_qt_plugin(path: str | os.PathLike) -> bool:
    """False for a Qt plugin file the workstation never loads (see UNWANTED_QT_PLUGINS)."""
    path = Path(path)
    return not (path.name.startswith(UNWANTED_QT_PLUGINS) or path.parent.name in UNWANTED_QT_PLUGIN_FOLDERS)


def keep_qt_plugins_out() -> None:
    """Make PyInstaller's Qt hooks skip the unwanted plugins *before* it analyses their dependencies.

    Removing libqgtk3 from the finished TOC would leave GTK itself behind, because the hook has already
    added every library the plugin links to. PyInstaller has no setting for this, so the plugin lister
    of its Qt hook utilities is wrapped (checked: PyInstaller 6.22).
    """
    from PyInstaller.utils.hooks import qt

    original = qt.QtLibraryInfo.collect_plugins
    if getattr(original, "_workstation_filter", False):
        return

    def collect_plugins(self, plugin_type):
        return [(source, target) for source, target in original(self, plugin_type) if wanted_qt_plugin(source)]

    collect_plugins._workstation_filter = True
    qt.QtLibraryInfo.collect_plugins = collect_plugins


def wanted_data(target: str) -> bool:
    """False for Qt translations of languages the workstation does not offer."""
    parts = Path(target).parts
    if "translations" in parts and parts[0] == "PySide6" and target.endswith(".qm"):
        return target.endswith(QT_TRANSLATION_LANGUAGES)
    return True


def wanted_binary(target: str) -> bool:
    """False for an unwanted Qt plugin that got in some other way (a safety net for keep_qt_plugins_out)."""
    parts = Path(target).parts
    return not ("plugins" in parts and parts[0] == "PySide6" and not wanted_qt_plugin(target))
