"""What every ingest fault test checks after its last run: each file archived exactly once, nothing half-done."""

import hashlib
from pathlib import Path

from sqlalchemy import select

from db.models import Clip, Upload
from workstation import audit
from workstation.archive import Archive
from workstation.footage.verify import verify_archive
from workstation.identity import Identity


def assert_archived_exactly_once(archive: Archive, recorder: Path, expected: dict[str, str]) -> None:
    """After the last run: the recorder is empty (each file cleared once its archiving was confirmed), every
    file is archived once with its bytes and verifies, nothing is half-written or left staged, every upload is
    closed, and the audit chain is intact."""
    assert [path for path in recorder.rglob("*") if path.is_file()] == [], "every file cleared once archived"
    with archive.sessions.read() as session:
        archived = session.execute(select(Clip.sha256, Clip.original_name, Clip.media_path)).all()
        assert audit.verify_chain(session).ok
    assert sorted((sha, name) for sha, name, _ in archived) == sorted(expected.items())
    for sha, _, media_path in archived:
        assert hashlib.sha256(archive.absolute_path(media_path).read_bytes()).hexdigest() == sha
    assert verify_archive(archive, Identity.system("verify")).problems == ()
    on_disk = {
        path.relative_to(archive.media_root).as_posix()
        for path in archive.media_root.rglob("*")
        if path.is_file() and ".incoming" not in path.parts
    }
    assert on_disk == {media_path for _, _, media_path in archived}, "no unrecorded or half-written files"
    assert list((archive.media_root / ".incoming").glob("*")) == [], "nothing left staged"
    assert all(upload.outcome is not None for upload in uploads(archive)), "no upload left open"


def uploads(archive: Archive) -> list[Upload]:
    with archive.sessions.read() as session:
        return list(session.execute(select(Upload)).scalars())
