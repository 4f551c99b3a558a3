"""Ingest: recognise, copy, verify, file and register; idempotent; clear the source only when safe."""

import hashlib
import json
import os
import shutil
import socket
import threading
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from db.models import AuditEvent, Clip, Device, DeviceLogEvent, IngestRejection, IngestRun, Officer
from tests.helpers.builders import build_org, recorder_dump, video
from workstation import audit
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import IngestOutcome
from workstation.identity import Identity
from workstation.types import FileType, MediaStatus

STATION = Identity.system("采集站1")

START = datetime(2026, 11, 21, 8, 30, 0)


def test_imports_a_recorder_dump_filed_by_unit_officer_and_date(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec1"
    sources = recorder_dump(dump, "DEV0001", "010203", START, clips=3)

    report = ingest(archive, [dump], IngestOptions(station="采集站1", who=Identity.user("admin")))
    assert report.count(IngestOutcome.IMPORTED) == 4
    with archive.sessions.read() as session:
        clips = session.execute(select(Clip).order_by(Clip.recorded_start, Clip.id)).scalars().all()
        log_events = session.execute(select(func.count()).select_from(DeviceLogEvent)).scalar_one()
        assert audit.verify_chain(session).ok
    videos = [clip for clip in clips if clip.file_type == FileType.VIDEO]
    assert [clip.sequence_no for clip in videos] == [1, 2, 3]
    first = videos[0]
    assert first.media_path == f"DD01/010203/2026-11-21/{sources[0].name}"
    assert first.duration_ms == 1000 and first.video_codec == "h264" and (first.width, first.height) == (320, 240)
    assert first.ingest_station == "采集站1" and first.media_status == MediaStatus.OK
    archived = archive.absolute_path(first.media_path)
    assert archived.read_bytes() == sources[0].read_bytes()
    assert not os.access(archived, os.W_OK) or os.geteuid() == 0
    assert archived.stat().st_mode & 0o222 == 0, "originals are read-only once archived"
    assert log_events == 4
    assert all(path.exists() for path in sources), "without --clear-source the recorder keeps its files"
    assert list((archive.media_root / ".incoming").iterdir()) == []


def test_second_run_skips_everything_and_clear_source_empties_the_recorder(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec1"
    sources = recorder_dump(dump, "DEV0001", "010203", START, clips=2)
    ingest(archive, [dump], IngestOptions(who=STATION))

    report = ingest(archive, [dump], IngestOptions(who=STATION, clear_source=True))

    assert report.count(IngestOutcome.DUPLICATE) == 3 and report.count(IngestOutcome.IMPORTED) == 0
    assert all(result.source_cleared for result in report.results)
    assert not any(path.exists() for path in sources)
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).select_from(Clip)).scalar_one() == 3


def test_unknown_recorder_and_badge_are_registered_unassigned_and_imported(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "new"
    recorder_dump(dump, "DEV9999", "777777", START, clips=1)

    report = ingest(archive, [dump], IngestOptions(who=STATION))

    assert report.count(IngestOutcome.IMPORTED) == 2
    with archive.sessions.read() as session:
        device = session.execute(select(Device).where(Device.device_no == "DEV9999")).scalar_one()
        officer = session.execute(select(Officer).where(Officer.badge_no == "777777")).scalar_one()
        clip = session.execute(select(Clip).where(Clip.device_id == device.id).limit(1)).scalar_one()
    assert device.holder_officer_id is None and officer.unit_id is None
    assert clip.unit_id is None and clip.media_path.startswith("_待分配/777777/2026-11-21/")


def test_unrecognised_names_are_left_in_place_and_reported(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec"
    odd = video(dump / "VID_20261121_083000.mp4")
    (dump / "System Volume Information").mkdir()
    (dump / "System Volume Information" / "IndexerVolumeGuid").write_text("x")

    report = ingest(archive, [dump], IngestOptions(who=STATION, clear_source=True))

    assert [(r.outcome, r.reason) for r in report.results] == [(IngestOutcome.REJECTED, "unrecognised_name")]
    assert odd.exists()
    with archive.sessions.read() as session:
        rejection = session.execute(select(IngestRejection)).scalar_one()
    assert rejection.source_path == str(odd) and rejection.reason == "unrecognised_name"


def test_corrupt_and_truncated_files_are_archived_and_flagged(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec"
    good = video(dump / "DEV0001_010203_20261121083000_0001.MP4", seconds=2)
    truncated = dump / "DEV0001_010203_20261121083100_0002.MP4"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    (dump / "DEV0001_010203_20261121083200_0003.MP4").write_bytes(os.urandom(50_000))
    (dump / "DEV0001_010203_20261121083300_0004.JPG").write_bytes(b"")

    report = ingest(archive, [dump], IngestOptions(who=STATION))

    statuses = {Path(r.source_path).name[-8:-4]: (r.outcome, r.media_status) for r in report.results}
    assert statuses == {
        "0001": (IngestOutcome.IMPORTED, MediaStatus.OK),
        "0002": (IngestOutcome.IMPORTED, MediaStatus.TRUNCATED),
        "0003": (IngestOutcome.IMPORTED, MediaStatus.CORRUPT),
        "0004": (IngestOutcome.IMPORTED, MediaStatus.CORRUPT),
    }
    with archive.sessions.read() as session:
        problem = session.execute(select(Clip.media_problem).where(Clip.sequence_no == 2)).scalar_one()
    assert "不完整" in problem


def test_sixteen_recorders_at_once_with_progress(archive, tmp_path):
    build_org(archive)
    sources = []
    for index in range(16):
        folder = tmp_path / f"rec{index:02d}"
        recorder_dump(folder, f"DEV{index + 100:04d}", f"{index + 500:06d}", START, clips=2, seed=index + 1)
        sources.append(folder)
    seen = []

    report = ingest(archive, sources, IngestOptions(who=STATION, parallel_sources=4), progress=seen.append)

    assert report.count(IngestOutcome.IMPORTED) == 48
    finals = {}
    for event in seen:
        finals[event.source] = event
    assert len(finals) == 16
    assert all(event.files_done == event.files_total == 3 for event in finals.values())
    assert all(event.bytes_done == event.bytes_total for event in finals.values())


def test_resume_adopts_a_file_renamed_before_a_crash_and_removes_stale_partial_copies(archive, tmp_path):
    """The two states a kill -9 can leave behind, made on purpose so both recovery paths always run."""
    build_org(archive)
    dump = tmp_path / "rec"
    source = video(dump / "DEV0001_010203_20261121083000_0001.MP4")
    renamed_before_crash = archive.absolute_path(f"DD01/010203/2026-11-21/{source.name}")
    renamed_before_crash.parent.mkdir(parents=True)
    shutil.copyfile(source, renamed_before_crash)
    renamed_before_crash.chmod(0o444)
    incoming = archive.media_root / ".incoming"
    incoming.mkdir()
    dead_pid = 2**22 + 1  # above pid_max: no such process
    stale = incoming / f"{socket.gethostname()}~{dead_pid}~0123abcd.part"
    stale.write_bytes(b"half a copy")
    live = incoming / f"{socket.gethostname()}~{os.getpid()}~4567ef.part"
    live.write_bytes(b"another ingest of this process is still copying")

    report = ingest(archive, [dump], IngestOptions(who=STATION))

    assert [r.outcome for r in report.results] == [IngestOutcome.IMPORTED]
    with archive.sessions.read() as session:
        assert session.execute(select(Clip.media_path)).scalar_one() == f"DD01/010203/2026-11-21/{source.name}"
    assert not stale.exists() and live.exists()


def test_same_name_different_content_gets_a_hash_suffix(archive, tmp_path):
    build_org(archive)
    first = video(tmp_path / "a" / "DEV0001_010203_20261121083000_0001.MP4", seed=1)
    second = video(tmp_path / "b" / "DEV0001_010203_20261121083000_0001.MP4", seed=2)

    ingest(archive, [first.parent], IngestOptions(who=STATION))
    ingest(archive, [second.parent], IngestOptions(who=STATION))

    with archive.sessions.read() as session:
        paths = session.execute(select(Clip.media_path).order_by(Clip.id)).scalars().all()
    sha = hashlib.sha256(second.read_bytes()).hexdigest()
    assert paths == [
        "DD01/010203/2026-11-21/DEV0001_010203_20261121083000_0001.MP4",
        f"DD01/010203/2026-11-21/DEV0001_010203_20261121083000_0001__{sha[:8]}.MP4",
    ]


def test_a_log_file_docked_again_with_more_lines_adds_only_the_new_events(archive, tmp_path):
    build_org(archive)
    name = "DEV0001_010203_20261121080000_0000.LOG"
    morning = "2026-11-21 07:59:30 开机\n2026-11-21 08:00:00 开始录像\n"
    (tmp_path / "dock1").mkdir()
    (tmp_path / "dock1" / name).write_text(morning, encoding="utf-8")
    (tmp_path / "dock2").mkdir()
    (tmp_path / "dock2" / name).write_text(morning + "2026-11-21 12:00:00 电量低 10%\n", encoding="gb18030")

    ingest(archive, [tmp_path / "dock1"], IngestOptions(who=STATION))
    ingest(archive, [tmp_path / "dock2"], IngestOptions(who=STATION))

    with archive.sessions.read() as session:
        events = session.execute(select(DeviceLogEvent.event_type, DeviceLogEvent.detail)).all()
        logs = session.execute(select(func.count()).select_from(Clip)).scalar_one()
    assert logs == 2, "both versions of the log file are kept as originals"
    assert sorted(events) == [("low_battery", "10%"), ("power_on", ""), ("record_start", "")]


def test_a_cancelled_run_finishes_cleanly_and_the_next_run_imports_the_rest(archive, tmp_path):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=4)
    cancel = threading.Event()

    def stop_after_first_file(progress):
        if progress.files_done == 1:
            cancel.set()

    report = ingest(
        archive, [tmp_path / "rec"], IngestOptions(who=STATION, cancel=cancel), progress=stop_after_first_file
    )

    assert report.count(IngestOutcome.IMPORTED) == 1
    assert {r.reason for r in report.results if r.outcome is IngestOutcome.FAILED} == {"cancelled"}
    with archive.sessions.read() as session:
        run = session.get_one(IngestRun, report.run_id)
        assert run.finished_at is not None and run.failed == 4
    assert ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION)).count(IngestOutcome.IMPORTED) == 4


def test_files_the_recorder_marked_imp_are_archived_as_important_and_say_so(archive, tmp_path):
    build_org(archive)
    dump = tmp_path / "rec"
    names = {
        "IMP_8888888_000000_20230417103635_0020.MP4": True,
        "NOR_8888888_000000_20230417103735_0021.MP4": False,
        "DEV0001_010203_20261121083000_0001_IMP.MP4": True,
        "DEV0001_010203_20261121083100_0002.MP4": False,
    }
    for seed, name in enumerate(names):
        video(dump / name, seed=seed)

    report = ingest(archive, [dump], IngestOptions(who=Identity.user("admin")))

    assert report.count(IngestOutcome.IMPORTED) == 4
    with archive.sessions.read() as session:
        clips = dict(session.execute(select(Clip.original_name, Clip.important)).all())
        marks = session.execute(
            select(AuditEvent.target_id, AuditEvent.actor, AuditEvent.details).where(
                AuditEvent.action == "clip.recorder_marked_important"
            )
        ).all()
        ingested = session.execute(select(AuditEvent.details).where(AuditEvent.action == "clip.ingest")).scalars()
        important_in_ingest_rows = sorted(json.loads(details)["important"] for details in ingested)
        device = session.execute(select(Device).where(Device.device_no == "8888888")).scalar_one()
        assert audit.verify_chain(session).ok
    assert clips == names
    assert sorted(json.loads(details)["original_name"] for _, _, details in marks) == sorted(
        name for name, important in names.items() if important
    )
    assert {actor for _, actor, _ in marks} == {"admin"}
    assert important_in_ingest_rows == [False, False, True, True]
    assert device.holder_officer_id is None, "the 7-digit serial is registered as an unassigned recorder"
