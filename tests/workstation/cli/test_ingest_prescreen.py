"""`workstation ingest` on a station's embedded archive pre-screens what it just archived, after the copy and
its summary; `--no-prescreen` skips it; a scan that fails leaves the ingest's output and exit code as they were,
and the next `workstation prescreen` scans what was left."""

import json
from datetime import datetime

from sqlalchemy import select

from db.models import Clip, PrescreenScan
from tests.helpers.builders import build_org, recorder_dump
from workstation import cli
from workstation.archive import Archive

START = datetime(2026, 11, 21, 9, 0)


def _archive(tmp_path):
    folder = tmp_path / "archive"
    archive = Archive.open_embedded(folder, create=True)
    build_org(archive)
    archive.close()
    recorder_dump(tmp_path / "E", "DSJ7001", "010203", START, clips=2, seed=3)
    return folder


def _videos_and_scans(folder) -> tuple[set[int], set[int]]:
    archive = Archive.open_embedded(folder)
    try:
        with archive.sessions.read() as session:
            videos = set(session.scalars(select(Clip.id).where(Clip.file_type == "video")))
            scanned = set(session.scalars(select(PrescreenScan.clip_id)))
    finally:
        archive.close()
    return videos, scanned


def test_ingest_prints_its_summary_then_scans_the_new_clips(tmp_path, capsys):
    folder = _archive(tmp_path)

    assert cli.main(["--archive", str(folder), "ingest", str(tmp_path / "E"), "--format", "json"]) == 0

    captured = capsys.readouterr()
    results = json.loads(captured.out)  # stdout is the ingest's JSON alone, as before
    assert sorted(result["outcome"] for result in results) == ["imported"] * 3  # two videos and the log
    assert "已扫描 2 个文件，无法读取 0 个" in captured.err
    videos, scanned = _videos_and_scans(folder)
    assert len(videos) == 2 and scanned == videos


def test_no_prescreen_skips_it_and_a_failed_scan_keeps_the_exit_code(tmp_path, capsys, monkeypatch):
    folder = _archive(tmp_path)
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("WORKSTATION_CONFIG_DIR", str(config))
    ingest = ["--archive", str(folder), "ingest", str(tmp_path / "E")]

    assert cli.main([*ingest, "--no-prescreen"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("已导入 3") and "预筛查" not in captured.err
    assert _videos_and_scans(folder)[1] == set()

    (tmp_path / "E2").mkdir()
    recorder_dump(tmp_path / "E2", "DSJ7001", "010203", START.replace(hour=11), clips=1, seed=4)
    (config / "workstation.toml").write_text("[prescreen]\nmin_span_ms = 'long'\n")  # the scan cannot start
    assert cli.main(["--archive", str(folder), "ingest", str(tmp_path / "E2")]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("已导入 2") and "预筛查未完成" in captured.err and "min_span_ms" in captured.err
    assert _videos_and_scans(folder)[1] == set()

    (config / "workstation.toml").write_text("")
    assert cli.main(["--archive", str(folder), "prescreen"]) == 0  # the next scan picks them up
    videos, scanned = _videos_and_scans(folder)
    assert len(videos) == 3 and scanned == videos
