"""Upload through the branch server's services: resumable, checked by the server, exactly once, cleared last.

The station side (upload_ingest) talks to the real services (ServiceUploadTarget) on a real archive; a
flaky target in between breaks the connection at random chunk boundaries, before or after the server
acted, as a dropped HTTPS connection would.
"""

import hashlib
import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, Clip, IngestRejection, IngestRun
from tests.helpers.builders import add_user, build_org, recorder_dump, video
from workstation import audit, clock
from workstation.archive import Archive
from workstation.errors import PermissionDenied, UploadError, UploadInterrupted, UploadOffsetMismatch, UploadRefused
from workstation.footage.filing import INCOMING_FOLDER
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.naming import GAT947_PATTERN
from workstation.footage.types import IngestFileResult, IngestOutcome, IngestReport, UploadSpec, UploadState
from workstation.footage.upload import append_chunk, begin_upload, expire_uploads, finish_upload, start_upload_run
from workstation.footage.upload_ingest import ServiceUploadTarget, UploadOptions, upload_ingest
from workstation.identity import Identity
from workstation.types import Role

STATION = Identity.system("采集站1")
OTHER = Identity.system("采集站2")
START = datetime(2026, 11, 21, 8, 30, 0)
SMALL_CHUNKS = UploadOptions(station="采集站1", chunk_bytes=16 * 1024, retry_delay=0.0, attempts=50)


class FlakyTarget(ServiceUploadTarget):
    """Breaks the connection on a share of the calls: before the server acts, or after (the answer lost)."""

    def __init__(self, archive: Archive, who: Identity, seed: int, share: float = 0.3) -> None:
        super().__init__(archive, who)
        self.random, self.share, self.breaks = random.Random(seed), share, 0

    def _break(self) -> None:
        if self.random.random() < self.share:
            self.breaks += 1
            raise UploadInterrupted()

    def begin(self, spec: UploadSpec) -> UploadState:
        self._break()
        state = super().begin(spec)
        self._break()
        return state

    def append(self, upload_id: str, offset: int, length: int, pieces: Iterable[bytes]) -> UploadState:
        self._break()
        state = super().append(upload_id, offset, length, pieces)
        self._break()
        return state

    def finish(self, upload_id: str, sha256: str) -> IngestFileResult:
        self._break()
        result = super().finish(upload_id, sha256)
        self._break()
        return result


class CountingTarget(ServiceUploadTarget):
    """Counts the chunks sent, and damages the first `corrupt` of them on the way."""

    def __init__(self, archive: Archive, who: Identity, corrupt: int = 0) -> None:
        super().__init__(archive, who)
        self.appended, self.corrupt = 0, corrupt

    def append(self, upload_id: str, offset: int, length: int, pieces: Iterable[bytes]) -> UploadState:
        self.appended += 1
        if self.corrupt:
            self.corrupt -= 1
            data = b"".join(pieces)
            pieces = [bytes([data[0] ^ 0xFF]) + data[1:]]
        return super().append(upload_id, offset, length, pieces)


def _archived(archive: Archive) -> dict[str, str]:
    """sha256 -> media path of every clip, after checking that each archived file has its row's hash."""
    with archive.sessions.read() as session:
        rows = session.execute(select(Clip.sha256, Clip.media_path)).all()
        assert audit.verify_chain(session).ok
    for sha256, media_path in rows:
        assert hashlib.sha256(archive.absolute_path(media_path).read_bytes()).hexdigest() == sha256
    return dict(rows)


def _digests(paths: list[Path]) -> set[str]:
    return {hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


def _nothing_staged(archive: Archive) -> bool:
    incoming = archive.media_root / INCOMING_FOLDER
    return not incoming.exists() or list(incoming.iterdir()) == []


def test_an_upload_ingest_files_like_a_local_ingest(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec1", "DEV0001", "010203", START, clips=3)

    report = upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec1"], UploadOptions(station="采集站1"))

    assert report.count(IngestOutcome.IMPORTED) == 4 and all(r.archive_confirmed for r in report.results)
    archived = _archived(archive)
    assert set(archived) == _digests(sources)
    first = sources[0]
    assert archived[hashlib.sha256(first.read_bytes()).hexdigest()] == f"DD01/010203/2026-11-21/{first.name}"
    with archive.sessions.read() as session:
        run = session.get_one(IngestRun, report.run_id)
        stations = set(session.execute(select(Clip.ingest_station)).scalars())
        actors = set(session.execute(select(AuditEvent.actor).where(AuditEvent.action == "clip.ingest")).scalars())
    assert (run.imported, run.station, run.finished_at is not None) == (4, "采集站1", True)
    assert stations == {"采集站1"} and actors == {STATION.audit_name}
    assert all(path.exists() for path in sources) and _nothing_staged(archive)


def test_resumes_after_broken_connections_at_random_chunk_boundaries_exactly_once(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec1", "DEV0001", "010203", START, clips=3)
    sources += recorder_dump(tmp_path / "rec2", "DEV0002", "010204", START, clips=2, seed=1)
    target = FlakyTarget(archive, STATION, seed=20261125)

    report = upload_ingest(target, [tmp_path / "rec1", tmp_path / "rec2"], SMALL_CHUNKS)

    assert target.breaks > 20, "the connection broke often, before and after the server acted"
    assert {r.outcome for r in report.results} <= {IngestOutcome.IMPORTED, IngestOutcome.DUPLICATE}
    assert set(_archived(archive)) == _digests(sources), "every file once, byte for byte, with its hash"
    assert len(_archived(archive)) == len(sources) and _nothing_staged(archive)


def test_a_damaged_chunk_is_refused_at_finish_and_nothing_is_archived(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "rec" / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", str(path), path.name, len(data), hashlib.sha256(data).hexdigest())
    state = begin_upload(archive, STATION, spec)
    damaged = data[:100] + bytes([data[100] ^ 1]) + data[101:]
    append_chunk(archive, STATION, state.upload_id, 0, damaged)

    with pytest.raises(UploadRefused):
        finish_upload(archive, STATION, state.upload_id)
    with pytest.raises(UploadRefused):
        finish_upload(archive, STATION, state.upload_id)  # asked again: still refused, still nothing

    assert _archived(archive) == {} and _nothing_staged(archive)
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).where(AuditEvent.action == "upload.refused")).scalar_one() == 1
    fresh = begin_upload(archive, STATION, spec)
    assert fresh.upload_id != state.upload_id and fresh.received == 0, "the file is sent again from the start"


def test_a_file_damaged_on_the_way_is_sent_again_and_archived_once(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=1)
    target = CountingTarget(archive, STATION, corrupt=1)

    report = upload_ingest(target, [tmp_path / "rec"], UploadOptions(station="采集站1", retry_delay=0.0))

    assert report.count(IngestOutcome.IMPORTED) == 2 and set(_archived(archive)) == _digests(sources)


def test_chunks_resume_where_the_server_stands(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", "rec/" + path.name, path.name, len(data), hashlib.sha256(data).hexdigest())
    state = begin_upload(archive, STATION, spec)
    append_chunk(archive, STATION, state.upload_id, 0, data[:1000])

    assert append_chunk(archive, STATION, state.upload_id, 0, data[:1000]).received == 1000, "a retry is harmless"
    with pytest.raises(UploadOffsetMismatch) as where:
        append_chunk(archive, STATION, state.upload_id, 2000, data[2000:3000])
    assert where.value.data["expected"] == 1000
    with pytest.raises(UploadError, match="upload_incomplete"):
        finish_upload(archive, STATION, state.upload_id)
    with pytest.raises(UploadError, match="upload_beyond_size"):
        append_chunk(archive, STATION, state.upload_id, 1000, data[1000:] + b"x")
    resumed = begin_upload(archive, STATION, spec)
    assert (resumed.upload_id, resumed.received) == (state.upload_id, 1000)
    append_chunk(archive, STATION, state.upload_id, 1000, data[1000:])

    first = finish_upload(archive, STATION, state.upload_id)
    again = finish_upload(archive, STATION, state.upload_id)

    assert first.outcome is IngestOutcome.IMPORTED and again == first, "a retried finish makes no second clip"
    assert list(_archived(archive)) == [spec.sha256]
    duplicate = begin_upload(archive, STATION, spec)
    assert duplicate.upload_id == "" and duplicate.result is not None
    assert (duplicate.result.outcome, duplicate.result.clip_id) == (IngestOutcome.DUPLICATE, first.clip_id)


def test_only_the_account_that_began_an_upload_may_continue_or_finish_it(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", path.name, path.name, len(data), hashlib.sha256(data).hexdigest())
    state = begin_upload(archive, STATION, spec)

    with pytest.raises(PermissionDenied, match="upload_not_yours"):
        append_chunk(archive, OTHER, state.upload_id, 0, data)
    append_chunk(archive, STATION, state.upload_id, 0, data)
    with pytest.raises(PermissionDenied, match="upload_not_yours"):
        finish_upload(archive, OTHER, state.upload_id)
    with pytest.raises(PermissionDenied):
        finish_upload(archive, Identity.user(STATION.name), state.upload_id)  # a user named like the station

    assert _archived(archive) == {}
    assert begin_upload(archive, OTHER, spec).upload_id != state.upload_id, "another account has its own upload"


def test_abandoned_uploads_expire_with_their_staged_bytes(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", path.name, path.name, len(data), hashlib.sha256(data).hexdigest())
    state = begin_upload(archive, STATION, spec)
    append_chunk(archive, STATION, state.upload_id, 0, data[:500])
    orphan = archive.media_root / INCOMING_FOLDER / "0123456789abcdef.upload"
    orphan.write_bytes(b"left by a killed server")

    assert expire_uploads(archive, now=clock.now() + timedelta(hours=1)) == 0
    assert not orphan.exists() and (archive.media_root / INCOMING_FOLDER / f"{state.upload_id}.upload").exists()
    assert expire_uploads(archive, now=clock.now() + timedelta(hours=25)) == 1

    assert _nothing_staged(archive)
    with pytest.raises(UploadError, match="upload_gone"):
        append_chunk(archive, STATION, state.upload_id, 500, data[500:])
    assert begin_upload(archive, STATION, spec).received == 0


def test_the_recorder_is_cleared_only_after_the_server_confirmed(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=2)
    digests = _digests(sources)
    options = UploadOptions(station="采集站1", clear_source=True, retry_delay=0.0, attempts=1)

    class FinishNeverAnswers(ServiceUploadTarget):
        def finish(self, upload_id: str, sha256: str) -> IngestFileResult:
            super().finish(upload_id, sha256)  # archived, but the station never hears it
            raise UploadInterrupted()

    unconfirmed = upload_ingest(FinishNeverAnswers(archive, STATION), [tmp_path / "rec"], options)
    assert unconfirmed.count(IngestOutcome.FAILED) == 3 and all(path.exists() for path in sources)
    assert set(_archived(archive)) == digests

    target = CountingTarget(archive, STATION)
    confirmed = upload_ingest(target, [tmp_path / "rec"], options)

    assert target.appended == 0, "already archived: confirmed without sending a byte"
    assert [r.outcome for r in confirmed.results] == [IngestOutcome.DUPLICATE] * 3
    assert all(r.source_cleared and r.archive_confirmed for r in confirmed.results)
    assert not any(path.exists() for path in sources) and set(_archived(archive)) == digests


def test_a_damaged_archived_copy_does_not_confirm_a_duplicate(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=1)
    upload_ingest(ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], UploadOptions(station="采集站1"))
    damaged = archive.absolute_path(_archived(archive)[hashlib.sha256(sources[0].read_bytes()).hexdigest()])
    damaged.chmod(0o644)
    damaged.write_bytes(b"overwritten")

    report = upload_ingest(
        ServiceUploadTarget(archive, STATION), [tmp_path / "rec"], UploadOptions(station="采集站1", clear_source=True)
    )

    cleared = {Path(r.source_path).name: r.source_cleared for r in report.results}
    assert cleared == {sources[0].name: False, sources[1].name: True}
    assert sources[0].exists(), "the recorder keeps the one good copy"


def test_a_refused_upload_never_clears_the_recorder(archive, tmp_path):
    build_org(archive)
    sources = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=1)
    target = CountingTarget(archive, STATION, corrupt=1_000)
    options = UploadOptions(station="采集站1", clear_source=True, retry_delay=0.0, attempts=3)

    report = upload_ingest(target, [tmp_path / "rec"], options)

    assert report.count(IngestOutcome.FAILED) == 2 and not any(r.source_cleared for r in report.results)
    assert all(path.exists() for path in sources) and _archived(archive) == {} and _nothing_staged(archive)
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).select_from(IngestRejection)).scalar_one() == 2


def test_odd_names_are_rejected_as_local_ingest_rejects_them(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec"
    recorder_dump(dump, "DEV0001", "010203", START, clips=1)
    video(dump / "VID_20261121_083000.mp4")
    video(dump / "DEV0001_010203_99991121083000_0009.MP4")
    (dump / "DEV0001_010203_20261121083500_0005.EXE").write_bytes(b"MZ")
    (dump / "DEV0001_010203_20261121083600_0006.MP4").symlink_to("/etc/passwd")
    (dump / "DEV0001_010203_20261121083700_0007\x01.MP4").write_bytes(b"control character")
    local = Archive.open_embedded(tmp_path / "local", create=True)
    try:
        build_org(local)
        expected = ingest(local, [dump], IngestOptions(who=STATION)).results
    finally:
        local.close()

    uploaded = upload_ingest(ServiceUploadTarget(archive, STATION), [dump], UploadOptions(station="采集站1")).results

    def rejections(results: list[IngestFileResult]) -> list[tuple[str, str, str]]:
        return sorted((r.source_path, r.reason, r.detail) for r in results if r.outcome is IngestOutcome.REJECTED)

    assert len(rejections(expected)) == 5 and rejections(uploaded) == rejections(expected)


def test_the_server_parses_names_with_its_own_patterns(archive, tmp_path):
    build_org(archive)
    path = video(tmp_path / "rec" / "IMP_DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", "rec/" + path.name, path.name, len(data), hashlib.sha256(data).hexdigest())

    state = begin_upload(archive, STATION, spec, patterns=[GAT947_PATTERN])

    assert state.upload_id == "" and state.result is not None
    assert (state.result.outcome, state.result.reason) == (IngestOutcome.REJECTED, "unrecognised_name")


@pytest.mark.parametrize(
    "change",
    [{"sha256": "XYZ"}, {"size": -1}, {"name": "../DEV0001_010203_20261121083000_0001.MP4"}, {"station": ""}],
)
def test_a_malformed_upload_is_refused_before_anything_is_written(archive, change):
    fields = {"station": "采集站1", "source": "a", "name": "DEV0001_010203_20261121083000_0001.MP4"}
    spec = UploadSpec(**{**fields, "size": 1, "sha256": "0" * 64, **change})
    with pytest.raises(UploadError, match="upload_spec_invalid"):
        begin_upload(archive, STATION, spec)


def test_a_report_of_another_account_is_refused(archive, tmp_path):
    target = ServiceUploadTarget(archive, STATION)
    run_id = target.start_run("采集站1", ["rec"])
    with pytest.raises(PermissionDenied, match="upload_run_not_yours"):
        ServiceUploadTarget(archive, OTHER).finish_run(IngestReport(run_id))
    target.finish_run(IngestReport(run_id))
    with pytest.raises(UploadError, match="upload_run_not_open"):
        target.finish_run(IngestReport(run_id))


def test_only_station_accounts_and_administrators_upload(archive, tmp_path):
    build_org(archive)
    add_user(archive, "station1", Role.STATION, "DD01")
    add_user(archive, "reviewer1", Role.REVIEWER, "DD01")
    path = video(tmp_path / "DEV0001_010203_20261121083000_0001.MP4")
    data = path.read_bytes()
    spec = UploadSpec("采集站1", path.name, path.name, len(data), hashlib.sha256(data).hexdigest())
    with pytest.raises(PermissionDenied, match="duty_missing"):
        begin_upload(archive, Identity.user("reviewer1"), spec)
    with pytest.raises(PermissionDenied, match="duty_missing"):
        start_upload_run(archive, Identity.user("reviewer1"), "采集站1", ["E:/"])
    state = begin_upload(archive, Identity.user("station1"), spec)
    append_chunk(archive, Identity.user("station1"), state.upload_id, 0, data)
    assert finish_upload(archive, Identity.user("station1"), state.upload_id).outcome is IngestOutcome.IMPORTED
