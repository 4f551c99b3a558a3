"""`verify` re-hashes the archive: a flipped byte or a missing file is reported and recorded."""

import os
from datetime import datetime

from sqlalchemy import select

from db.models import AuditEvent, Clip
from tests.helpers.builders import build_org, recorder_dump
from workstation import cli
from workstation.archive import Archive
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.verify import verify_archive
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
