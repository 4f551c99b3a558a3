"""The archive server's background pre-screen (a real server on loopback, SQLite and PostgreSQL): footage a
station uploads is scanned once the upload run is finished, by the server as its own system actor; footage that
came in otherwise is scanned by the periodic round; a station account cannot start a scan."""

import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEvent, Clip, PrescreenScan
from tests.helpers.access_builders import PASSWORD, add_users, build_access_org
from tests.helpers.archive_server import running_server
from tests.helpers.builders import build_org, recorder_dump
from tests.helpers.prescreen_builders import real_clips
from workstation.archive import Archive
from workstation.client.connection import ServerConnection
from workstation.client.upload_target import HttpUploadTarget
from workstation.client.wire import PRESCREEN_SCANS
from workstation.errors import PermissionDenied
from workstation.footage.upload_ingest import UploadOptions, upload_ingest
from workstation.types import Role

WAIT_S = 90.0


def _settings(tmp_path: Path, interval_s: int) -> None:
    folder = tmp_path / "config"  # the server's (tests.helpers.cli_archive)
    folder.mkdir(exist_ok=True)
    (folder / "workstation.toml").write_text(f"[prescreen]\nscan_workers = 1\nscan_interval_s = {interval_s}\n")


def _scanned(archive: Archive, clip_ids: set[int]) -> set[int]:
    with archive.sessions.read() as session:
        return set(session.scalars(select(PrescreenScan.clip_id).where(PrescreenScan.clip_id.in_(clip_ids))))


def _wait_until_scanned(archive: Archive, clip_ids: set[int]) -> None:
    deadline = time.monotonic() + WAIT_S
    while _scanned(archive, clip_ids) != clip_ids:
        assert time.monotonic() < deadline, f"not scanned within {WAIT_S} s: {clip_ids - _scanned(archive, clip_ids)}"
        time.sleep(0.5)


def test_an_upload_run_is_scanned_by_the_server_once_it_is_finished(archive, database_kind, tmp_path):
    build_access_org(archive)
    add_users(archive, [("station1", Role.STATION, "DD01")])
    _settings(tmp_path, interval_s=3600)  # no periodic round during the test: the upload wakes it
    recorder = tmp_path / "E"
    recorder_dump(recorder, "DSJ7001", "870001", datetime(2026, 11, 21, 9, 0), clips=3, seed=70)
    with running_server(database_kind, archive, tmp_path) as server:
        connection = ServerConnection(server.url, server.pin)
        try:
            connection.sign_in("station1", PASSWORD)
            report = upload_ingest(HttpUploadTarget(connection), [recorder], UploadOptions(station="采集站1"))
            uploaded = {result.clip_id for result in report.results if result.clip_id is not None}
            with archive.sessions.read() as session:
                videos = set(session.scalars(select(Clip.id).where(Clip.id.in_(uploaded), Clip.file_type == "video")))
            assert len(videos) == 3
            _wait_until_scanned(archive, videos)
            with pytest.raises(PermissionDenied, match="station_account_uploads_only"):
                connection.send(
                    "POST", PRESCREEN_SCANS, json={"unit_code": None, "date_from": None, "date_to": None, "workers": 1}
                )
        finally:
            connection.close()
    with archive.sessions.read() as session:
        actors = set(session.scalars(select(AuditEvent.actor).where(AuditEvent.action == "prescreen.scan")))
    assert actors == {"system:档案服务器预筛查"}


def test_footage_that_came_in_otherwise_is_scanned_by_the_periodic_round(archive, database_kind, tmp_path):
    build_org(archive)
    _settings(tmp_path, interval_s=2)
    with running_server(database_kind, archive, tmp_path) as server:
        assert server.process.poll() is None
        clips = set(real_clips(archive, tmp_path, 2))  # ingested by a station on the server's computer
        _wait_until_scanned(archive, clips)
