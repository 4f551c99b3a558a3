"""`verify` re-hashes the archive: a flipped byte or a missing file is reported and recorded, and each file is
compared with the SHA-256 its authentic `clip.ingest` audit row recorded, not only with the editable column."""

import os
from datetime import datetime

from sqlalchemy import event, select

from db.models import AuditEvent, Clip
from tests.helpers.builders import build_org, recorder_dump
from tests.helpers.tamper import tamper
from workstation import cli
from workstation.archive import Archive
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.verified_copy import sha256_of
from workstation.footage.verify import attested_at_ingest, verify_archive
from workstation.identity import Identity
from workstation.types import MediaStatus

STATION = Identity.system("采集站1")


def _flip_a_byte(path) -> None:
    os.chmod(path, 0o644)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def test_verify_finds_a_flipped_byte_and_a_missing_file(archive, tmp_path):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0001", "010203", datetime(2026, 11, 21, 9), clips=3)
    ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))
    assert verify_archive(archive, Identity.system("verify")).problems == ()
    with archive.sessions.read() as session:
        first, second = session.execute(select(Clip).order_by(Clip.id).limit(2)).scalars().all()
    _flip_a_byte(archive.absolute_path(first.media_path))
    archive.absolute_path(second.media_path).unlink()

    report = verify_archive(archive, who=Identity.user("inspector"))

    assert report.files_checked == 4
    assert {(p.clip_id, p.status) for p in report.problems} == {
        (first.id, MediaStatus.MISMATCH),
        (second.id, MediaStatus.MISSING),
    }
    with archive.sessions.read() as session:
        statuses = dict(session.execute(select(Clip.id, Clip.media_status)).all())
        last_event = session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
    assert statuses[first.id] == MediaStatus.MISMATCH and statuses[second.id] == MediaStatus.MISSING
    assert last_event.action == "archive.verify" and last_event.actor == "inspector"


def test_cli_verify_exits_1_and_lists_the_mismatch(tmp_path, capsys):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0002", "010204", datetime(2026, 11, 21, 9), clips=1)
    ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))
    assert cli.main(["--archive", str(folder), "verify"]) == 0
    with archive.sessions.read() as session:
        path = session.execute(select(Clip.media_path).where(Clip.file_type == "video")).scalar_one()
    archive.close()
    _flip_a_byte(folder / "media" / path)
    capsys.readouterr()

    assert cli.main(["--archive", str(folder), "verify"]) == 1
    assert f"mismatch\t1\t{path}" in capsys.readouterr().out


def _ingested(archive, tmp_path, device: str = "DEV0003") -> Clip:
    build_org(archive)
    recorder_dump(tmp_path / "rec", device, "010205", datetime(2026, 11, 21, 9), clips=1)
    ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))
    with archive.sessions.read() as session:
        return session.execute(select(Clip).where(Clip.file_type == "video")).scalar_one()


def _problems(archive) -> dict[int, tuple[MediaStatus, str]]:
    report = verify_archive(archive, Identity.user("inspector"))
    return {problem.clip_id: (problem.status, problem.detail) for problem in report.problems}


def test_a_file_rewritten_with_its_hash_column_is_found_by_the_ingest_row(archive, tmp_path):
    clip = _ingested(archive, tmp_path)
    path = archive.absolute_path(clip.media_path)
    _flip_a_byte(path)
    forged = sha256_of(path)
    tamper(archive, f"UPDATE clips SET sha256 = '{forged}' WHERE id = {clip.id}")

    status, detail = _problems(archive)[clip.id]

    assert status is MediaStatus.MISMATCH
    assert f"入库时为 {clip.sha256}" in detail and f"已被改为 {forged}" in detail


def test_an_edited_hash_column_over_an_intact_file_is_unattested(archive, tmp_path):
    clip = _ingested(archive, tmp_path)
    tamper(archive, f"UPDATE clips SET sha256 = '{'0' * 64}' WHERE id = {clip.id}")

    status, detail = _problems(archive)[clip.id]

    assert status is MediaStatus.UNATTESTED and clip.sha256 in detail
    with archive.sessions.read() as session:
        assert session.get_one(Clip, clip.id).media_status == MediaStatus.UNATTESTED


def test_an_edited_storage_place_is_unattested(archive, tmp_path):
    clip = _ingested(archive, tmp_path)
    archive.absolute_path(clip.media_path).rename(archive.absolute_path(clip.media_path + ".moved"))
    tamper(archive, f"UPDATE clips SET media_path = '{clip.media_path}.moved' WHERE id = {clip.id}")

    assert _problems(archive)[clip.id][0] is MediaStatus.UNATTESTED


def test_an_ingest_row_that_is_not_authentic_vouches_for_nothing(archive, tmp_path):
    clip = _ingested(archive, tmp_path)
    with archive.sessions.read() as session:
        seq = session.execute(
            select(AuditEvent.seq).where(AuditEvent.action == "clip.ingest", AuditEvent.target_id == str(clip.id))
        ).scalar_one()
    forged = sha256_of(archive.absolute_path(clip.media_path))  # even naming the file's true hash
    tamper(archive, f'UPDATE audit_events SET details = \'{{"sha256":"{forged}"}}\' WHERE seq = {seq}')

    status, detail = _problems(archive)[clip.id]

    assert status is MediaStatus.UNATTESTED and "入库记录" in detail


def test_a_clip_without_an_ingest_row_is_unattested(archive, tmp_path):
    clip = _ingested(archive, tmp_path)
    tamper(archive, f"DELETE FROM audit_events WHERE action = 'clip.ingest' AND target_id = '{clip.id}'")
    with archive.sessions.read() as session:
        clip_ids = list(session.execute(select(Clip.id)).scalars())
        assert set(attested_at_ingest(session, clip_ids)) == set(clip_ids) - {clip.id}

    problems = _problems(archive)

    assert list(problems) == [clip.id] and problems[clip.id][0] is MediaStatus.UNATTESTED


def test_one_query_per_batch_finds_the_ingest_rows(archive, tmp_path, monkeypatch):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0004", "010206", datetime(2026, 11, 21, 9), clips=5)
    ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))
    monkeypatch.setattr("workstation.footage.verify._BATCH", 2)  # 6 files: three batches
    reads = []

    def count(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT") and "FROM audit_events" in statement:
            reads.append(statement)

    event.listen(archive.engine, "before_cursor_execute", count)
    try:
        assert verify_archive(archive, Identity.system("verify")).problems == ()
    finally:
        event.remove(archive.engine, "before_cursor_execute", count)

    assert len(reads) == 3
