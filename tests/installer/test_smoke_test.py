"""`workstation --smoke-test` from the source tree: every check passes here; a failure is a bilingual line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.installer.conftest import REPO
from ui.shell import smoke_test


def _run(*arguments: str, tmp_path: Path, stdin: str = "") -> subprocess.CompletedProcess:
    environment = dict(os.environ, WORKSTATION_CONFIG_DIR=str(tmp_path / "config"))
    return subprocess.run(
        [sys.executable, "-m", "ui.launcher", *arguments],
        cwd=REPO,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )


def test_every_check_passes_from_the_source_tree(tmp_path: Path):
    result = _run("--smoke-test", tmp_path=tmp_path)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    checks = [line for line in lines if line.startswith("[")]
    assert len(checks) == 11
    assert all(line.startswith(("[通过 PASS]", "[注意 NOTE]")) for line in checks), checks
    assert any("libVLC 视频解码 / libVLC video decode" in line and "128x96" in line for line in checks)
    assert lines[-1].startswith("自检通过 / smoke test passed")


def test_a_failed_check_names_its_reason_in_both_languages():
    def broken() -> str:
        raise smoke_test.CheckFailed("缺少插件", "a plugin is missing")

    def crashing() -> str:
        raise KeyError("libvlc")

    def machine() -> str:
        raise smoke_test.MachineNote("本机没有中文字体", "no Chinese font")

    failed = smoke_test._run_one(broken)
    assert not failed.passed and failed.detail == "缺少插件 / a plugin is missing"
    crashed = smoke_test._run_one(crashing)
    assert not crashed.passed and crashed.detail.startswith("意外错误 / unexpected error: KeyError")
    assert "test_smoke_test.py" in crashed.detail
    note = smoke_test._run_one(machine)
    assert note.passed and note.note and note.detail == "本机没有中文字体 / no Chinese font"


def test_libvlc_that_cannot_play_the_clip_fails_the_video_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    garbage = tmp_path / "damaged.mp4"
    garbage.write_bytes(os.urandom(50_000))
    monkeypatch.setattr(smoke_test, "SMOKE_CLIP", garbage)
    with pytest.raises(smoke_test.CheckFailed, match="libVLC"):
        smoke_test.check_libvlc_video({})


def test_startup_mode_signs_in_and_reports_its_phases(tmp_path: Path):
    from workstation.archive import Archive
    from workstation.org import users
    from workstation.types import UnitLevel

    archive = Archive.open_embedded(tmp_path / "archive", create=True)
    users.create_first_administrator(
        archive.sessions, "ZD01", "支队", UnitLevel.DETACHMENT, "消防", "admin", "管理员", "admin12345"
    )
    archive.close()
    result = _run(
        "--smoke-test", "--startup", "--archive", str(tmp_path / "archive"), tmp_path=tmp_path, stdin="admin12345\n"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    phases = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("startup ")]
    assert phases[-4:] == ["imports", "archive_open", "first_page_shown", "main_window_shown"]
    assert phases[:-4] == (["launch"] if sys.platform.startswith("linux") else [])
    refused = _run(
        "--smoke-test", "--startup", "--archive", str(tmp_path / "archive"), tmp_path=tmp_path, stdin="wrong\n"
    )
    assert refused.returncode == 1 and "登录失败" in refused.stdout
