"""Issue 13's attacks on the state, scripted against a copy of the demo archive as someone holding the
database file would run them (raw SQL), each caught by the real `workstation audit reconcile` in a
subprocess: exit code 1 and a line naming the row. The untouched demo archive reconciles (exit code 0)."""

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli_archive import cli_invocation
from tests.helpers.spotcheck_builders import demo_copy


def _reconcile(tmp_path: Path, *attack: str) -> subprocess.CompletedProcess[str]:
    archive = demo_copy(tmp_path / "archive")
    command, env = cli_invocation("sqlite", archive, tmp_path)
    archive.close()
    with sqlite3.connect(tmp_path / "archive" / "archive.sqlite") as database:
        for statement in attack:
            database.execute(statement)
    return subprocess.run(
        [*command, "audit", "reconcile"], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def _row(tmp_path: Path, query: str) -> int:
    with sqlite3.connect(tmp_path / "archive" / "archive.sqlite") as database:
        return int(database.execute(query).fetchone()[0])


def test_the_untouched_demo_archive_reconciles(tmp_path):
    result = _reconcile(tmp_path)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert "全部相符" in result.stderr


def test_a_user_made_approver_is_named(tmp_path):
    result = _reconcile(tmp_path, "UPDATE users SET role = 'approver' WHERE login = 'reviewer'")
    user = _row(tmp_path, "SELECT id FROM users WHERE login = 'reviewer'")
    assert result.returncode == 1, result.stderr
    (line,) = result.stdout.splitlines()
    assert line.startswith(
        f"表 users 第 {user} 行 字段 role：当前值「approver」，审计日志说明的值「reviewer」（最后设定它的事件序号 "
    )


def test_a_grant_extended_to_2099_is_named(tmp_path):
    pending = "SELECT id FROM access_requests WHERE status = 'pending'"  # the demo approved its export's own
    approve = (
        f"UPDATE approval_steps SET status = 'approved' WHERE request_id IN ({pending})",
        "INSERT INTO access_grants (request_id, grantee_id, with_download, granted_at, expires_at, revoke_comment)"
        " SELECT id, requester_id, 0, created_at, '2099-12-31 00:00:00', ''"
        f" FROM access_requests WHERE id IN ({pending})",
        f"UPDATE access_requests SET status = 'approved' WHERE id IN ({pending})",
    )
    result = _reconcile(tmp_path, *approve)
    grant = _row(tmp_path, "SELECT max(id) FROM access_grants")
    assert result.returncode == 1
    assert f"表 access_grants 第 {grant} 行 字段 (记录)" in result.stdout
    assert "表 access_requests" in result.stdout and "字段 status：当前值「approved」" in result.stdout


def test_a_failed_review_turned_into_a_pass_is_named(tmp_path):
    failed = "SELECT min(id) FROM spotcheck_reviews WHERE verdict = 'fail'"
    result = _reconcile(tmp_path, f"UPDATE spotcheck_reviews SET verdict = 'pass' WHERE id = ({failed})")
    review = _row(tmp_path, "SELECT min(id) FROM spotcheck_reviews WHERE verdict = 'pass' AND problem != ''")
    assert result.returncode == 1
    assert (
        f"表 spotcheck_reviews 第 {review} 行 字段 verdict：当前值「pass」，审计日志说明的值「fail」" in result.stdout
    )


@pytest.mark.parametrize(
    ("attack", "line"),
    [
        (
            ("UPDATE clips SET important = 1 WHERE id = 3",),
            "表 clips 第 3 行 字段 important：当前值「true」，审计日志中没有说明它的事件",
        ),
        (
            (
                "INSERT INTO cases (case_no, kind, title, party_name, handler, created_at)"
                " VALUES ('A2026-999', 'case', '', '', '', '2026-01-01 00:00:00')",
                "INSERT INTO clip_case_links (clip_id, case_id, linked_at, linked_by)"
                " SELECT 4, id, '2026-01-01 00:00:00', 'admin' FROM cases WHERE case_no = 'A2026-999'",
            ),
            '表 clip_case_links 第 4 行 字段 case_no：当前值「["A2026-999"]」，审计日志中没有说明它的事件',
        ),
    ],
    ids=["important", "case-link"],
)
def test_a_clip_marked_or_linked_without_an_event_is_named(tmp_path, attack, line):
    result = _reconcile(tmp_path, *attack)
    assert result.returncode == 1
    assert line in result.stdout.splitlines()
