"""The station hashes each file while sending it: one read, and every guarantee of the upload kept.

A new file is begun without its SHA-256, read once (sent and hashed from the same bytes) and claimed at
finish, where the server compares the claim with its own hash of what it stored. A file that may be archived
already (a clip with its name and size) is hashed first and found a duplicate without sending a byte; a
file changed between an interrupted run and its resume fails the server's check and is sent again; a wrong
claim archives nothing. The station's reads are counted by wrapping the file it opens (the services and the
station's code run unchanged).
"""

import hashlib
import io
import json
import os

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, Upload
from tests.helpers.builders import build_org, recorder_dump, video
from tests.workstation.footage.test_upload import (
    SMALL_CHUNKS,
    START,
    STATION,
    CountingTarget,
    _archived,
    _nothing_staged,
)
from workstation.archive import Archive
from workstation.errors import UploadError, UploadRefused
from workstation.footage import upload_ingest as station_module
from workstation.footage import verified_copy
from workstation.footage.types import IngestOutcome, UploadSpec, UploadState
from workstation.footage.upload import append_chunk, begin_upload, finish_upload
from workstation.footage.upload_ingest import ServiceUploadTarget, UploadOptions, upload_ingest
from workstation.identity import Identity

NAME = "DEV0001_010203_20261121083000_0001.MP4"


class CountedReader(io.FileIO):
    """A recorder file opened as the station opens it, counting the bytes read from it."""

    read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        CountedReader.read_bytes += len(data)
        return data

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        count = super().readinto(buffer)
        CountedReader.read_bytes += count or 0
        return count or 0


@pytest.fixture
def counted_reads(monkeypatch) -> type[CountedReader]:
    """Every open of a recorder file by the station (to send it, or to hash it first) counts its reads."""
    real_open = verified_copy.open_source

    def counted(path):  # type: ignore[no-untyped-def]
        with real_open(path) as handle:  # opened and checked as the station opens it
            return CountedReader(os.dup(handle.fileno()), "rb")

    CountedReader.read_bytes = 0
    monkeypatch.setattr(verified_copy, "open_source", counted)
    monkeypatch.setattr(station_module, "open_source", counted)
    return CountedReader


class BeginsRecorded(CountingTarget):
    """Records the SHA-256 each begin carried and the state it got."""

    def __init__(self, archive: Archive, who: Identity) -> None:
        super().__init__(archive, who)
        self.begins: list[tuple[str | None, bool]] = []

    def begin(self, spec: UploadSpec) -> UploadState:
        state = super().begin(spec)
        self.begins.append((spec.sha256, state.hash_first))
        return state


def _refusals(archive: Archive) -> list[dict[str, object]]:
    with archive.sessions.read() as session:
        return [
            json.loads(details)
            for details in session.execute(
                select(AuditEvent.details).where(AuditEvent.action == "upload.refused")
            ).scalars()
        ]


def test_a_new_file_is_read_once_sent_and_hashed_from_the_same_bytes(archive, tmp_path, counted_reads):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=2)
    target = BeginsRecorded(archive, STATION)

    report = upload_ingest(target, [tmp_path / "rec"], SMALL_CHUNKS)

    assert report.count(IngestOutcome.IMPORTED) == 3
    assert counted_reads.read_bytes == sum(path.stat().st_size for path in sources), "each byte read once"
    assert target.begins == [(None, False)] * 3, "begun without the SHA-256; no file hashed first"
    assert set(_archived(archive)) == {hashlib.sha256(path.read_bytes()).hexdigest() for path in sources}
    with archive.sessions.read() as session:
        claims = set(session.execute(select(Upload.sha256)).scalars())
    assert claims == set(_archived(archive)), "each upload keeps the SHA-256 the archive checked"


def test_a_resumed_upload_hashes_the_received_part_from_the_station_file_and_still_reads_it_once(
    archive, tmp_path, counted_reads
):
    build_org(archive)
    path = video(tmp_path / "rec" / NAME)
    data = path.read_bytes()
    state = begin_upload(archive, STATION, UploadSpec("采集站1", str(path), NAME, len(data)))
    append_chunk(archive, STATION, state.upload_id, 0, data[:20_000])  # then the station was killed
    target = CountingTarget(archive, STATION)

    report = upload_ingest(target, [tmp_path / "rec"], SMALL_CHUNKS)

    assert [r.outcome for r in report.results] == [IngestOutcome.IMPORTED]
    assert counted_reads.read_bytes == len(data), "the held part hashed, the rest sent: one read in all"
    assert target.appended == -(-(len(data) - 20_000) // SMALL_CHUNKS.chunk_bytes), "only what the server lacked"
    with archive.sessions.read() as session:
        assert session.execute(select(Upload.id)).scalars().all() == [state.upload_id], "the same upload, resumed"


def test_a_file_changed_between_a_kill_and_the_resume_is_refused_by_the_server_and_sent_again(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "rec" / NAME)
    old = path.read_bytes()
    state = begin_upload(archive, STATION, UploadSpec("采集站1", str(path), NAME, len(old)))
    append_chunk(archive, STATION, state.upload_id, 0, old[:20_000])  # then the station was killed
    new = old[:100] + bytes([old[100] ^ 1]) + old[101:]  # changed on the recorder (same size) before the resume
    path.write_bytes(new)
    options = UploadOptions(station="采集站1", chunk_bytes=16 * 1024, retry_delay=0.0, clear_source=True)

    report = upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], options)

    assert [(r.outcome, r.source_cleared) for r in report.results] == [(IngestOutcome.IMPORTED, True)]
    assert list(_archived(archive)) == [hashlib.sha256(new).hexdigest()], "the file as it is now, once"
    (refusal,) = _refusals(archive)
    assert refusal["upload"] == state.upload_id
    assert refusal["claimed_sha256"] == hashlib.sha256(new).hexdigest() != refusal["received_sha256"]
    with archive.sessions.read() as session:
        outcomes = dict(session.execute(select(Upload.id, Upload.outcome)).all())
    assert outcomes.pop(state.upload_id) == "refused" and list(outcomes.values()) == ["imported"]
    assert _nothing_staged(archive)


def test_a_possible_duplicate_is_hashed_first_and_reported_without_sending_a_byte(archive, tmp_path, counted_reads):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=2)
    sizes = [path.stat().st_size for path in sources]
    digests = sorted(hashlib.sha256(path.read_bytes()).hexdigest() for path in sources)
    upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], SMALL_CHUNKS)
    before = counted_reads.read_bytes
    target = BeginsRecorded(archive, STATION)

    report = upload_ingest(target, [tmp_path / "rec"], UploadOptions(station="采集站1", clear_source=True))

    assert target.appended == 0, "not a byte sent"
    assert sorted(sha for sha, _ in target.begins if sha) == digests and target.begins.count((None, True)) == 3, (
        "each begun without the SHA-256, told to hash first, begun again with it"
    )
    assert [(r.outcome, r.archive_confirmed, r.source_cleared) for r in report.results] == [
        (IngestOutcome.DUPLICATE, True, True)
    ] * 3
    assert counted_reads.read_bytes - before == sum(sizes), "each file read once, to hash it"
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).select_from(Upload)).scalar_one() == 3, "no upload opened"


def test_a_renamed_copy_of_archived_content_is_sent_and_found_a_duplicate_at_finish(archive, tmp_path):
    build_org(archive)
    first = video(tmp_path / "rec" / NAME)
    upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], SMALL_CHUNKS)
    first.rename(first.with_name("DEV0001_010203_20261121083000_0002.MP4"))  # not the archived name

    report = upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], SMALL_CHUNKS)

    (result,) = report.results
    assert (result.outcome, result.archive_confirmed) == (IngestOutcome.DUPLICATE, True)
    assert len(_archived(archive)) == 1 and _nothing_staged(archive), "archived once; the sent bytes discarded"


@pytest.mark.parametrize("begun_with", [None, "the right one"])
def test_a_finish_claiming_the_wrong_sha256_archives_nothing(archive, tmp_path, begun_with):
    build_org(archive)
    path = video(tmp_path / "rec" / NAME)
    data = path.read_bytes()
    right, wrong = hashlib.sha256(data).hexdigest(), hashlib.sha256(b"other").hexdigest()
    spec = UploadSpec("采集站1", "rec/" + NAME, NAME, len(data), right if begun_with else None)
    state = begin_upload(archive, STATION, spec)
    append_chunk(archive, STATION, state.upload_id, 0, data)

    if begun_with is None:
        with pytest.raises(UploadError, match="upload_spec_invalid"):
            finish_upload(archive, STATION, state.upload_id)  # no claim at all: refused, the upload kept open
    with pytest.raises(UploadRefused):
        finish_upload(archive, STATION, state.upload_id, sha256=wrong)
    with pytest.raises(UploadRefused):
        finish_upload(archive, STATION, state.upload_id, sha256=right)  # asked again: the upload ended refused

    assert _archived(archive) == {} and _nothing_staged(archive)
    (refusal,) = _refusals(archive)
    assert (refusal["claimed_sha256"], refusal["received_sha256"]) == (wrong, right)
