"""Checks against the audit chain (issue 13, attacks 2 and 3), scripted against a copy of the demo archive with
raw SQL and the real command line:

- overwrite bytes of an archived MP4 and update `clips.sha256` to the new hash → `verify` exits 1 naming the
  clip (the SHA-256 it must have is the one in its authentic `clip.ingest` audit row);
- change a 不合格 review to 合格 with one UPDATE → `spotcheck verify PLAN` and `ledger export` exit 1 naming
  the review, and the exported ledger marks the line.
"""

import hashlib
import os
import sqlite3
from pathlib import Path

import openpyxl

from tests.attacks.conftest import tamper, workstation


def _overwrite_a_video(folder: Path, connection: sqlite3.Connection) -> tuple[int, str, str, str]:
    """Overwrite the middle of the first video and make its clip row agree: (clip id, path, old hash, new hash)."""
    clip_id, media_path, original = connection.execute(
        "SELECT id, media_path, sha256 FROM clips WHERE file_type = 'video' ORDER BY id LIMIT 1"
    ).fetchone()
    path = folder / "media" / media_path
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 16] = b"\x00" * 16
    path.write_bytes(bytes(data))
    forged = hashlib.sha256(bytes(data)).hexdigest()
    connection.execute("UPDATE clips SET sha256 = ? WHERE id = ?", (forged, clip_id))
    return clip_id, media_path, original, forged


def test_a_rewritten_file_with_its_hash_updated_fails_verify(demo_folder):
    assert workstation(demo_folder, "verify").returncode == 0
    attacked: list[tuple[int, str, str, str]] = []
    tamper(demo_folder, lambda connection: attacked.append(_overwrite_a_video(demo_folder, connection)))
    clip_id, media_path, original, forged = attacked[0]

    result = workstation(demo_folder, "verify")

    assert result.returncode == 1, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"mismatch\t{clip_id}\t{media_path}\t")
    assert f"入库时为 {original}" in line and f"档案记录已被改为 {forged}" in line
    assert "发现问题 1 个" in result.stderr


def _pass_a_failed_review(connection: sqlite3.Connection) -> tuple[int, int, str]:
    """One UPDATE: the first 不合格 review becomes 合格. Returns (review id, plan id, the day it was checked)."""
    review_id, plan_id, reviewed_at = connection.execute(
        "SELECT r.id, i.plan_id, r.reviewed_at FROM spotcheck_reviews r JOIN spotcheck_items i ON i.id = r.item_id "
        "WHERE r.verdict = 'fail' ORDER BY r.id LIMIT 1"
    ).fetchone()
    connection.execute(f"UPDATE spotcheck_reviews SET verdict = 'pass' WHERE id = {review_id}")
    return review_id, plan_id, str(reviewed_at)[:10]


def test_a_failed_review_turned_passed_fails_spotcheck_verify_and_the_ledger(demo_folder):
    attacked: list[tuple[int, int, str]] = []
    tamper(demo_folder, lambda connection: attacked.append(_pass_a_failed_review(connection)))
    review_id, plan_id, day = attacked[0]
    out = demo_folder.parent / "台帐.xlsx"

    verified = workstation(demo_folder, "spotcheck", "verify", str(plan_id))
    exported = workstation(demo_folder, "ledger", "export", "--from", day, "--to", day, "--out", str(out))

    assert verified.returncode == 1, verified.stderr
    assert f"检查记录 {review_id}（" in verified.stdout and "结论为 合格，审计日志记录为 不合格" in verified.stdout
    assert exported.returncode == 1, exported.stderr
    assert f"（检查记录 {review_id}）与审计日志不符" in exported.stderr
    sheet = openpyxl.load_workbook(out)["检查台帐"]
    remarks = [row[-1].value for row in sheet.iter_rows(min_row=3) if row[-1].value]
    assert remarks == [f"与审计日志不符（检查记录 {review_id}）：结论为 合格，审计日志记录为 不合格"]
    assert sheet.oddHeader.left.text.startswith("其中 1 条检查记录与审计日志不符")
    assert sheet.oddHeader.right.text.startswith("审计链头 ")
