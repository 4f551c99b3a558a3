"""`workstation evidence export|verify|list|handover|ledger` as a user types them: the real command line in a
subprocess, on SQLite and PostgreSQL, reading real files; the package verified by the same command line."""

import json
import os
import signal
import subprocess
import time
import zipfile

import openpyxl
import pytest

from tests.helpers.access_builders import add_users, build_access_org
from tests.helpers.cli_archive import REPOSITORY, cli_invocation
from tests.helpers.evidence_builders import give_media
from workstation.types import Role

STAFF = (
    ("admin_zd01", Role.ADMIN, "ZD01"),
    ("legal_zd01", Role.LEGAL, "ZD01"),
    ("approver_zd01", Role.APPROVER, "ZD01"),
    ("reviewer_dd01", Role.REVIEWER, "DD01"),
)


@pytest.fixture
def org(archive):
    built = build_access_org(archive)
    add_users(archive, STAFF)
    return built


@pytest.fixture
def cli(archive, database_kind, tmp_path):
    command, env = cli_invocation(database_kind, archive, tmp_path)

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *arguments], env=env, cwd=REPOSITORY, capture_output=True, text=True, timeout=300
        )

    run.command, run.env = command, env  # type: ignore[attr-defined]
    return run


def test_internal_export_verifies_and_a_changed_byte_fails(archive, org, cli, tmp_path):
    clips = [org.clips["DD01"], org.clips["DD02"]]
    contents = give_media(archive, clips)
    out = tmp_path / "移交包"
    args = ["--to", "internal", "--doc", "内审〔2026〕3号", "--out", str(out), "--user", "admin_zd01"]
    done = cli("evidence", "export", "--clip", str(clips[0]), "--clip", str(clips[1]), *args)
    assert done.returncode == 0, done.stderr
    assert "已完成并校验" in done.stdout
    for clip_id, content in contents.items():
        assert any(path.read_bytes() == content for path in (out / "data").iterdir()), clip_id

    verified = cli("evidence", "verify", str(out))
    assert verified.returncode == 0 and "数据包完好" in verified.stdout, verified.stdout + verified.stderr

    payload = next(path for path in (out / "data").iterdir() if path.is_file() and path.suffix == ".MP4")
    data = bytearray(payload.read_bytes())
    data[len(data) // 2] ^= 0x01
    payload.write_bytes(bytes(data))
    changed = cli("evidence", "verify", str(out))
    assert changed.returncode == 1 and "内容已改变" in changed.stdout
    assert cli("evidence", "verify", str(tmp_path / "nothing-here")).returncode == 2

    refused = cli("evidence", "export", "--clip", str(clips[0]), *args[:-2], "--user", "reviewer_dd01")
    assert refused.returncode == 2 and "无权导出" in refused.stderr and "Traceback" not in refused.stderr


def test_outside_body_waits_for_approval_then_exports_a_zip(archive, org, cli, tmp_path):
    give_media(archive, [org.clips["DD01"]])
    out = tmp_path / "检察院.zip"
    export = (
        "evidence", "export", "--officer", "9DD01", "--from", "2026-11-21", "--to", "检察院", "--to", "2026-11-21",
        "--doc", "检调〔2026〕7号", "--purpose", "审查起诉", "--out", str(out), "--format", "zip",
        "--user", "admin_zd01",
    )  # fmt: skip
    waiting = cli(*export)
    assert waiting.returncode == 2 and "等待调阅申请" in waiting.stderr, waiting.stderr
    assert not out.exists()
    request_id = waiting.stderr.split("调阅申请 ")[1].split(" ")[0]
    for login in ("legal_zd01", "approver_zd01"):
        approved = cli("access", "approve", request_id, "--user", login)
        assert approved.returncode == 0, approved.stderr
    written = cli(*export)
    assert written.returncode == 0, written.stderr
    with zipfile.ZipFile(out) as package:
        names = package.namelist()
    assert any(name.endswith("manifest-sm3.txt") for name in names)
    assert cli("evidence", "verify", str(out)).returncode == 0

    listed = cli("evidence", "list", "--format", "json", "--user", "admin_zd01")
    [row] = json.loads(listed.stdout)
    assert row["status"] == "completed" and row["body"] == "procuratorate" and row["format"] == "zip"
    handed = cli(
        "evidence", "handover", str(row["id"]), "--medium", "光盘", "--receiver", "李检察官",
        "--at", "2026-11-23 10:00:00", "--user", "admin_zd01",
    )  # fmt: skip
    assert handed.returncode == 0, handed.stderr
    ledger = tmp_path / "导出登记.xlsx"
    assert cli("evidence", "ledger", "--out", str(ledger), "--user", "admin_zd01").returncode == 0
    sheet = openpyxl.load_workbook(ledger).worksheets[0]
    assert any(row["export_no"] in str(cell.value) for line in sheet.iter_rows() for cell in line)


def test_the_body_is_required_once(org, cli, tmp_path):
    out = str(tmp_path / "x")
    common = ("--doc", "1", "--out", out, "--user", "admin_zd01")
    missing = cli("evidence", "export", "--clip", str(org.clips["DD01"]), *common)
    assert missing.returncode == 2 and "接收单位" in missing.stderr
    dated = cli("evidence", "export", "--clip", str(org.clips["DD01"]), "--to", "2026-11-21", "--to", "court", *common)
    assert dated.returncode == 2 and "--officer" in dated.stderr


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [0.3, 1.0])
def test_a_killed_export_resumes_and_is_never_marked_complete_early(archive, org, cli, tmp_path, kill_after):
    clips = [org.clips[code] for code in ("DD01", "DD02", "DJ01")]
    give_media(archive, clips, size=40_000_000)
    out = tmp_path / "package.iso"
    arguments = [
        *cli.command, "evidence", "export", *(f"--clip={clip}" for clip in clips), "--to", "internal",
        "--doc", "内审1", "--out", str(out), "--format", "iso", "--user", "admin_zd01",
    ]  # fmt: skip
    process = subprocess.Popen(
        arguments, env=cli.env, cwd=REPOSITORY, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    staged = out.with_name(out.name + ".partial")
    while not staged.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(kill_after * 0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if process.returncode == -signal.SIGKILL:
        assert not out.exists() or cli("evidence", "verify", str(out)).returncode == 0
    resumed = cli(*arguments[len(cli.command) :])
    assert resumed.returncode == 0, resumed.stderr
    assert cli("evidence", "verify", str(out)).returncode == 0
    assert not staged.exists()
    listed = json.loads(cli("evidence", "list", "--format", "json", "--user", "admin_zd01").stdout)
    assert [row["status"] for row in listed] == ["completed"]
