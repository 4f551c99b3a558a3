"""`workstation retention request|approve|reject|execute|run|requests|forms` as an administrator types them: the real
command line in a subprocess, on SQLite and PostgreSQL. Keep-until dates lie years in the past, so the
subprocess (which runs on the computer's own clock) finds them expired whatever the date."""

import json
import subprocess

import openpyxl
import pytest
from sqlalchemy import select

from db.models import Clip, Tombstone
from tests.helpers.cli_archive import REPOSITORY, cli_invocation
from tests.helpers.destruction_builders import add_clip, build_destruction_org, write_original
from workstation.types import MediaStatus


@pytest.fixture
def cli(archive, database_kind, tmp_path):
    command, env = cli_invocation(database_kind, archive, tmp_path)

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, "retention", *arguments], env=env, cwd=REPOSITORY, capture_output=True, text=True, timeout=120
        )

    return run


def test_request_approve_execute_and_print_the_forms(archive, cli, tmp_path):
    build_destruction_org(archive)
    clips = [add_clip(archive, "DD01"), add_clip(archive, "DD02")]
    requested = cli("request", "--clips", ",".join(map(str, clips)), "--reason", "到期清理", "--user", "clerk")
    assert requested.returncode == 0, requested.stderr
    request_id = requested.stdout.split("\t")[0]
    assert "pending" in requested.stdout and "ZD01" in requested.stdout

    refused = cli("approve", request_id, "--user", "clerk")
    assert refused.returncode == 2 and "不能审批本人提交的销毁申请" in refused.stderr
    assert "Traceback" not in refused.stderr
    inbox = cli("requests", "--inbox", "--format", "json", "--user", "head")
    assert [row["id"] for row in json.loads(inbox.stdout)] == [int(request_id)]
    approved = cli("approve", request_id, "--comment", "同意", "--user", "head")
    assert approved.returncode == 0 and "approved" in approved.stdout, approved.stderr

    denied = cli("execute", request_id, "--user", "clerk")
    assert denied.returncode == 2 and "总队执法记录仪管理员" in denied.stderr
    executed = cli("execute", request_id, "--batch", "1", "--user", "corps_admin")
    assert executed.returncode == 0, executed.stderr
    assert "已销毁 2 个文件" in executed.stdout
    with archive.sessions.read() as session:
        assert len(session.execute(select(Tombstone)).scalars().all()) == 2

    out = tmp_path / "销毁审批表.xlsx"
    forms = cli("forms", request_id, "--out", str(out), "--user", "corps_head")
    assert forms.returncode == 0, forms.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["销毁审批表", "销毁清单"]


def test_a_changed_file_is_kept_and_the_exit_code_says_so(archive, cli):
    build_destruction_org(archive)
    changed = add_clip(archive, "DD01")
    request_id = cli("request", "--unit", "DD01", "--reason", "到期清理", "--user", "clerk").stdout.split("\t")[0]
    rejected = cli("reject", request_id, "--user", "head")
    assert rejected.returncode == 2 and "驳回申请时请填写理由" in rejected.stderr
    assert cli("approve", request_id, "--user", "head").returncode == 0
    with archive.sessions.read() as session:
        media_path = session.get_one(Clip, changed).media_path
    archive.absolute_path(media_path).chmod(0o600)
    write_original(archive, media_path, b"overwritten")
    executed = cli("execute", request_id, "--user", "corps_admin")
    assert executed.returncode == 1 and "保留（SHA-256 不符）" in executed.stdout
    assert archive.absolute_path(media_path).read_bytes() == b"overwritten"
    with archive.sessions.read() as session:
        assert session.get_one(Clip, changed).media_status == MediaStatus.MISMATCH


def test_the_scheduled_run_files_requests_and_destroys_nothing(archive, cli):
    build_destruction_org(archive)
    clips = [add_clip(archive, "DD01"), add_clip(archive, "DD03")]
    first = cli("run")
    assert first.returncode == 0, first.stderr
    assert [line.split("\t")[3] for line in first.stdout.splitlines()] == ["ZD01", "ZD02"]
    assert "system:retention-scheduler" in first.stdout
    second = cli("run")
    assert second.returncode == 0 and second.stdout == "" and "已生成 0 份" in second.stderr
    with archive.sessions.read() as session:
        for clip in session.execute(select(Clip).where(Clip.id.in_(clips))).scalars():
            assert archive.absolute_path(clip.media_path).exists()
    bad = cli("request", "--clips", "1", "--before", "2024-01-01", "--reason", "x", "--user", "clerk")
    assert bad.returncode == 2
    unknown = cli("request", "--unit", "NOPE", "--reason", "x", "--user", "clerk")
    assert unknown.returncode == 2 and "单位代码“NOPE”不存在" in unknown.stderr
