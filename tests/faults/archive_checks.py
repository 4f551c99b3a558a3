"""What a fault test checks of the archive after the killed runs and the final one."""

import hashlib

from sqlalchemy import select

from db.models import Clip
from workstation import audit
from workstation.archive import Archive
from workstation.footage.verify import verify_archive
from workstation.identity import Identity


def assert_archive_holds_exactly(archive: Archive, expected: dict[str, str]) -> None:
    """The archive holds each expected file (sha256 → original name) exactly once, byte for byte, with an
    intact audit chain, nothing on disk that no row records, and nothing left half-copied or staged."""
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
