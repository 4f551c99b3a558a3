"""Ingest never loses or admits what it should not (issue 10, section 3): a source inside the archive,
links on a recorder volume, names that are not text, path parts and times taken from names.

Every case that touches the archive runs on SQLite and PostgreSQL; the refusal also through the real CLI.
"""

import hashlib
import json
import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import AuditEvent, Clip, IngestRejection, IngestRun
from tests.helpers.builders import build_org, recorder_dump, video
from tests.helpers.cli_archive import cli_invocation
from workstation import audit
from workstation.archive import Archive
from workstation.errors import SourceInsideArchive
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.naming import DEFAULT_PATTERNS, NamePattern
from workstation.footage.types import IngestOutcome, IngestReport
from workstation.identity import Identity

STATION = Identity.system("采集站1")

START = datetime(2026, 11, 21, 8, 30)
DAY_FOLDER = "DD01/010203/2026-11-21"
BAD_NAMES = {  # the name's bytes; how the path is shown; what the detail says
    "gbk": (
        b"DEV0001_010203_20261121083000_0009" + "_重".encode("gbk") + b".MP4",
        "_0009_\\xd6\\xd8.MP4",
        "按 GBK 编码读作“DEV0001_010203_20261121083000_0009_重.MP4”",
    ),
    "undecodable bytes": (b"DEV0001_010203_20261121083000_0009\xff\xfe.MP4", "\\xff\\xfe", "编码错误"),
    "control character": (b"DEV0001_010203_20261121083000_0009\x07.MP4", "\\x07", "控制字符"),
    "trailing newline": (b"DEV0001_010203_20261121083000_0009.MP4\n", ".MP4\\n", "控制字符"),
}


def _hashes(folder: Path) -> dict[str, str]:
    """Every file under folder (relative path → SHA-256)."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _archive_a_recorder(archive: Archive, tmp_path: Path) -> list[Path]:
    build_org(archive)
    files = recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=2)
    assert ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION)).count(IngestOutcome.IMPORTED) == 3
    return files


def _count(archive: Archive, model: type) -> int:
    with archive.sessions.read() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def _make(path: bytes, content: bytes) -> None:
    """A file under a bytes path: names that are not text in the file-system encoding."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(descriptor, content)
    finally:
        os.close(descriptor)


def _run_is_recorded(archive: Archive, report: IngestReport) -> None:
    """The run finished and wrote its summary, its rejection rows and its audit row; the chain holds."""
    rejected = [result for result in report.results if result.outcome is IngestOutcome.REJECTED]
    with archive.sessions.read() as session:
        run = session.get_one(IngestRun, report.run_id)
        rows = session.execute(select(IngestRejection).where(IngestRejection.run_id == run.id)).scalars().all()
        finish = session.execute(
            select(AuditEvent).where(AuditEvent.action == "ingest.finish", AuditEvent.target_id == str(run.id))
        ).scalar_one()
        assert audit.verify_chain(session).ok
    assert run.finished_at is not None and run.rejected == len(rejected)
    assert sorted((row.source_path, row.reason) for row in rows) == sorted(
        (result.source_path, result.reason) for result in rejected
    )
    assert json.loads(finish.details)["rejected"] == len(rejected)


# --- a source inside the archive -------------------------------------------------------------------------


def test_cli_clear_source_from_inside_the_media_root_is_refused_and_deletes_nothing(archive, database_kind, tmp_path):
    _archive_a_recorder(archive, tmp_path)
    before, runs = _hashes(archive.media_root), _count(archive, IngestRun)
    invocation, env = cli_invocation(database_kind, archive, tmp_path)

    result = subprocess.run(
        [*invocation, "ingest", str(archive.media_root / "DD01"), "--clear-source"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 2, result.stderr
    assert "档案库自己的存储目录" in result.stderr and "Traceback" not in result.stderr
    assert _hashes(archive.media_root) == before and len(before) == 3, "every archived original is still there"
    assert _count(archive, IngestRun) == runs, "refused before anything happened"


def test_every_way_into_the_archive_is_refused(archive, tmp_path, monkeypatch):
    _archive_a_recorder(archive, tmp_path)
    before, runs = _hashes(archive.media_root), _count(archive, IngestRun)
    link = tmp_path / "looks-like-a-recorder"
    link.symlink_to(archive.media_root / "DD01", target_is_directory=True)
    monkeypatch.chdir(archive.media_root / DAY_FOLDER)
    ways_in = [archive.media_root, archive.media_root / DAY_FOLDER, link, Path("."), Path("../../..")]
    if archive.folder is not None:
        ways_in.append(archive.folder)

    for source in ways_in:
        with pytest.raises(SourceInsideArchive, match="SourceInsideArchive"):
            ingest(archive, [tmp_path / "rec", source], IngestOptions(who=STATION, clear_source=True))

    assert _hashes(archive.media_root) == before and _count(archive, IngestRun) == runs
    assert all(path.exists() for path in (tmp_path / "rec").rglob("*")), "nothing was cleared from the recorder"


def test_a_source_holding_the_archive_is_walked_around_it(archive, tmp_path):
    _archive_a_recorder(archive, tmp_path)
    recorder_dump(tmp_path / "rec2", "DEV0002", "010204", START, clips=1, seed=5)
    before = _hashes(archive.media_root)
    archive_top = archive.folder or archive.media_root

    report = ingest(archive, [tmp_path], IngestOptions(who=STATION, clear_source=True))

    assert not [r.source_path for r in report.results if r.source_path.startswith(str(archive_top))]
    assert report.count(IngestOutcome.IMPORTED) == 2 and report.count(IngestOutcome.DUPLICATE) == 3
    after = _hashes(archive.media_root)
    assert before.items() <= after.items(), "no archived original was touched"
    assert _count(archive, Clip) == 5


def test_a_source_swapped_for_a_link_into_the_archive_mid_run_clears_nothing_there(archive, tmp_path):
    files = _archive_a_recorder(archive, tmp_path)
    for source in files:  # the recorder's copies look exactly like the archived ones, down to the time stamps
        archived = (archive.media_root / DAY_FOLDER / source.name).stat()
        os.utime(source, ns=(archived.st_atime_ns, archived.st_mtime_ns))
    before = _hashes(archive.media_root)
    dcim = tmp_path / "rec" / "DCIM"
    swapped = []

    def swap_once(_progress) -> None:
        if not swapped:
            dcim.rename(tmp_path / "rec" / "DCIM.moved")
            dcim.symlink_to(archive.media_root / DAY_FOLDER, target_is_directory=True)
            swapped.append(True)

    report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION, clear_source=True), progress=swap_once)

    assert swapped and _hashes(archive.media_root) == before, "no archived original was deleted"
    cleared = {Path(result.source_path).name for result in report.results if result.source_cleared}
    assert cleared == {files[-1].name}, "only the log file, still on the recorder, was cleared"


# --- links --------------------------------------------------------------------------------------------------


def test_links_on_a_recorder_are_reported_and_never_followed(archive, tmp_path):
    build_org(archive)
    outside = tmp_path / "elsewhere"
    secret = video(outside / "secret.mp4", seed=3)
    video(outside / "folder" / "DEV0001_010203_20261121090000_0007.MP4", seed=4)
    dcim = tmp_path / "rec" / "DCIM"
    genuine = video(dcim / "DEV0001_010203_20261121083200_0003.MP4", seed=5)
    (dcim / "DEV0001_010203_20261121083000_0001.MP4").symlink_to(secret)
    (dcim / "DEV0001_010203_20261121083100_0002.MP4").symlink_to("/etc/passwd")
    (tmp_path / "rec" / "MORE").symlink_to(outside / "folder", target_is_directory=True)
    outside_before = _hashes(outside)

    report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION, clear_source=True))

    assert [(r.outcome, r.reason) for r in report.results if r.outcome is not IngestOutcome.IMPORTED] == [
        (IngestOutcome.REJECTED, "link")
    ] * 3
    assert "/etc/passwd" in next(r.detail for r in report.results if r.source_path.endswith("0002.MP4"))
    with archive.sessions.read() as session:
        assert session.execute(select(Clip.original_name)).scalars().all() == [genuine.name]
    assert _hashes(outside) == outside_before
    links = [dcim / "DEV0001_010203_20261121083000_0001.MP4", dcim / "DEV0001_010203_20261121083100_0002.MP4"]
    assert all(path.is_symlink() for path in [*links, tmp_path / "rec" / "MORE"]), "links are left alone"
    assert not genuine.exists(), "the genuine file was imported and cleared"
    _run_is_recorded(archive, report)


def test_a_source_folder_given_as_a_link_is_read_where_it_points(archive, tmp_path):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=1)
    mounted = tmp_path / "mounted"
    mounted.symlink_to(tmp_path / "rec", target_is_directory=True)

    report = ingest(archive, [mounted], IngestOptions(who=STATION))

    assert report.count(IngestOutcome.IMPORTED) == 2
    assert all(result.source_path.startswith(str(mounted)) for result in report.results), "paths as the user named"


def test_a_pipe_named_like_a_recording_is_reported_not_read(archive, tmp_path):
    build_org(archive)
    folder = tmp_path / "rec"
    folder.mkdir()
    os.mkfifo(folder / "DEV0001_010203_20261121083000_0001.MP4")

    report = ingest(archive, [folder], IngestOptions(who=STATION))

    assert [(r.outcome, r.reason) for r in report.results] == [(IngestOutcome.REJECTED, "unreadable_source")]
    _run_is_recorded(archive, report)


# --- names that are not text ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(BAD_NAMES))
def test_a_name_that_is_not_text_is_reported_and_every_run_finishes(archive, tmp_path, kind):
    build_org(archive)
    recorder_dump(tmp_path / "rec", "DEV0001", "010203", START, clips=1)
    raw_name, in_path, in_detail = BAD_NAMES[kind]
    bad = os.fsencode(tmp_path / "rec" / "DCIM") + b"/" + raw_name
    _make(bad, b"not a recording")

    for clear_source, expected in ((False, IngestOutcome.IMPORTED), (True, IngestOutcome.DUPLICATE)):
        report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION, clear_source=clear_source))

        rejected = [r for r in report.results if r.outcome is IngestOutcome.REJECTED]
        assert [r.reason for r in rejected] == ["bad_name"]
        assert in_path in rejected[0].source_path and in_detail in rejected[0].detail
        assert rejected[0].source_path.encode("utf-8") and rejected[0].detail.encode("utf-8")
        assert report.count(expected) == 2
        _run_is_recorded(archive, report)
        assert os.path.lexists(bad), "a rejected file stays where it is"


def test_the_cli_prints_names_that_are_not_text_as_text_and_json(archive, database_kind, tmp_path):
    build_org(archive)
    folder = tmp_path / "rec"
    folder.mkdir()
    for raw_name, _, _ in BAD_NAMES.values():
        _make(os.fsencode(folder) + b"/" + raw_name, b"x")
    invocation, env = cli_invocation(database_kind, archive, tmp_path)

    outputs = {}
    for output_format in ("text", "json"):
        result = subprocess.run(
            [*invocation, "ingest", str(folder), "--format", output_format],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 1, result.stderr.decode("utf-8", "replace")
        outputs[output_format] = result.stdout.decode("utf-8")  # strict: the output is valid UTF-8

    assert [entry["reason"] for entry in json.loads(outputs["json"])] == ["bad_name"] * 4
    assert outputs["text"].count("原因：文件名") == 4
    for _, in_path, in_detail in BAD_NAMES.values():
        assert in_path in outputs["text"] and in_detail in outputs["text"]


def test_files_in_a_folder_whose_name_is_not_text_are_imported_and_audited_printably(archive, tmp_path):
    build_org(archive)
    folder = os.fsencode(tmp_path / "rec") + b"/DCIM\xff"
    os.makedirs(folder)
    name = "DEV0001_010203_20261121083000_0001.MP4"
    video(tmp_path / name)
    os.rename(tmp_path / name, folder + b"/" + name.encode())

    report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))

    assert [r.outcome for r in report.results] == [IngestOutcome.IMPORTED]
    assert report.results[0].source_path == f"{tmp_path}/rec/DCIM\\xff/{name}"
    with archive.sessions.read() as session:
        details = session.execute(select(AuditEvent.details).where(AuditEvent.action == "clip.ingest")).scalar_one()
    assert json.loads(details)["source"] == report.results[0].source_path


# --- path parts and times taken from names -------------------------------------------------------------------

VENDOR_PATTERNS = (
    NamePattern.compile("vendor-x", r"(?P<start>\d{14})_(?P<device>[^_]+)\.(?P<ext>MP4)"),
    NamePattern.compile("vendor-y", r"(?P<start>\d{14})_(?P<device>[A-Z0-9]+)_(?P<badge>[^_]+)\.(?P<ext>MP4)"),
    *DEFAULT_PATTERNS,
)


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("20261121083000_...MP4", "设备编号“..”"),
        ("20261121083000_DEV 01.MP4", "设备编号“DEV 01”"),
        ("20261121083000_-rf.MP4", "设备编号“-rf”"),
        ("20261121083000_DEV0001_...MP4", "警号“..”"),
        ("20261121083000_DEV0001_待分配-.MP4", None),
    ],
)
def test_a_device_number_or_badge_unfit_for_a_folder_is_rejected(archive, tmp_path, name, part):
    build_org(archive)
    video(tmp_path / "rec" / name)

    report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION, patterns=VENDOR_PATTERNS))

    if part is None:  # CJK letters, digits, - and _ are fine
        assert [r.outcome for r in report.results] == [IngestOutcome.IMPORTED]
        return
    assert [(r.outcome, r.reason) for r in report.results] == [(IngestOutcome.REJECTED, "bad_name")]
    assert part in report.results[0].detail
    assert _count(archive, Clip) == 0 and _hashes(archive.media_root) == {}
    _run_is_recorded(archive, report)


@pytest.mark.parametrize(("stamp", "year"), [("00010101000000", "1 年"), ("99991231235959", "9999 年")])
def test_an_impossible_recording_time_is_a_bad_timestamp(archive, tmp_path, stamp, year):
    build_org(archive)
    video(tmp_path / "rec" / f"DEV0001_010203_{stamp}_0001.MP4")

    report = ingest(archive, [tmp_path / "rec"], IngestOptions(who=STATION))

    assert [(r.outcome, r.reason) for r in report.results] == [(IngestOutcome.REJECTED, "bad_timestamp")]
    assert year in report.results[0].detail and "不可能是录制时间" in report.results[0].detail
    _run_is_recorded(archive, report)
