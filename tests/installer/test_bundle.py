"""tools/build_bundle.sh end to end: the frozen program is built, passes its smoke test with the system's
libVLC hidden, holds what the spec promises, and the installer script compiles. About 35 s when the
sources changed (PyInstaller), 5 s when the bundle is up to date.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from tests.helpers.archive_server import RestartableServer
from tests.installer.conftest import REPO
from workstation.archive import Archive
from workstation.client.connection import ServerConnection
from workstation.client.remote import RemoteClient
from workstation.types import Role

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not sys.platform.startswith("linux"), reason="the Linux bundle; Windows has installer/build.ps1"
    ),
]

BUNDLE = REPO / "dist" / "workstation"
INTERNAL = BUNDLE / "_internal"


@pytest.fixture(scope="module")
def build_output() -> str:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("PYTHON_VLC_LIB_PATH", "PYTHON_VLC_MODULE_PATH", "VLC_PLUGIN_PATH", "WORKSTATION_CONFIG_DIR")
    }
    result = subprocess.run(
        ["bash", "tools/build_bundle.sh"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return result.stdout


def test_the_frozen_program_passes_its_smoke_test(build_output: str):
    assert "自检通过 / smoke test passed" in build_output
    assert "[失败 FAIL]" not in build_output
    assert "installer script compiles" in build_output
    assert (REPO / "build" / "BodycamWorkstation-Setup-check.exe").read_bytes()[:2] == b"MZ"


def test_the_bundle_holds_libvlc_its_listed_plugins_and_their_cache(build_output: str, vlc_bundle):
    assert (INTERNAL / "libvlc.so.5").is_file() and (INTERNAL / "libvlccore.so.9").is_file()
    plugins = INTERNAL / "vlc" / "plugins"
    assert (plugins / "plugins.dat").stat().st_size > 1000
    shipped = {path.relative_to(plugins).as_posix() for path in plugins.rglob("*_plugin.so")}
    listed = vlc_bundle.vlc_binaries("linux")[2:]
    assert shipped == {f"{target.removeprefix('vlc/plugins/')}/{Path(source).name}" for source, target in listed}


def test_the_bundle_holds_translations_migrations_and_resources(build_output: str):
    assert (INTERNAL / "resources" / "translations" / "workstation_zh_CN.qm").is_file()
    assert not list((INTERNAL / "resources" / "translations").glob("*.ts"))
    migrations = INTERNAL / "db" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {path.name for path in (migrations / "versions").glob("*.py")}
    assert shipped == {path.name for path in (REPO / "db" / "migrations" / "versions").glob("*.py")}
    assert (INTERNAL / "resources" / "smoke" / "h264_aac.mp4").is_file()
    assert (INTERNAL / "resources" / "icons" / "workstation.ico").is_file()
    assert (BUNDLE / "BodycamWorkstation").is_file() and (BUNDLE / "workstation").is_file()
    assert list((INTERNAL / "licenses" / "vlc").iterdir())


def test_unused_qt_parts_and_plain_text_keyrings_stay_out(build_output: str):
    names = {path.relative_to(INTERNAL).as_posix() for path in INTERNAL.rglob("*")}
    assert not [name for name in names if "libqgtk3" in name or "libgtk-3" in name or "wayland" in name.lower()]
    assert not [name for name in names if name.startswith(("keyrings", "pytest", "imageio_ffmpeg", "tkinter"))]
    qt_translations = {
        name.rsplit("/", 1)[1] for name in names if "/translations/" in name and name.startswith("PySide6")
    }
    assert "qtbase_zh_CN.qm" in qt_translations
    assert all(name.endswith(("_zh_CN.qm", "_en.qm")) for name in qt_translations), qt_translations


def test_the_frozen_program_serves_an_archive_over_tls(build_output: str, tmp_path: Path):
    """The branch archive server as the installed program runs it: `workstation serve` with two worker processes
    (spawned from the frozen executable: its entry calls multiprocessing.freeze_support), a sign-in and a call
    through the pinned connection, and a clean stop (SIGTERM → exit 0)."""
    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    org = build_access_org(archive)
    add_users(archive, [("reviewer", Role.REVIEWER, "DD01")])
    archive.close()
    env = {**os.environ, "WORKSTATION_CONFIG_DIR": str(tmp_path / "config")}
    command = [str(BUNDLE / "workstation"), "--archive", str(tmp_path / "archive")]
    server = RestartableServer(command, env, tmp_path, ["--workers", "2"])
    try:
        connection = ServerConnection(server.url, server.pin)
        try:
            client = RemoteClient(connection, connection.sign_in("reviewer", PASSWORD))
            assert [row.id for row in client.get_clips([org.clips["DD01"], org.clips["DD03"]])] == [org.clips["DD01"]]
        finally:
            connection.close()
        code = server.stop()
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        server.log.close()
    assert code == 0, server.log_path.read_text(errors="replace")
