"""The pre-screen's findings in the player, with the real libVLC, on the archive opened here and through a real
archive server (both databases): bands below the timeline where the scan found them, coloured by family; a
click on a band seeks to it; 确认 / 排除 with a note is kept with who decided, and audited."""

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AuditEvent
from player.engine import PlaybackEngine
from tests.helpers.archive_server import running_server
from tests.helpers.builders import ADMIN_PASSWORD, build_org
from tests.helpers.clients import client_for
from tests.helpers.prescreen_builders import DAY, Reviewed, scanned_clips
from tests.player.conftest import TEST_VLC_OPTIONS
from ui.common.labels import DAY_COLOR, PICTURE_COLOR, SOUND_COLOR
from ui.playback.player_window import PlayerWindow
from workstation.client import ArchiveClient
from workstation.client.connection import ServerConnection
from workstation.client.links import ServerLink
from workstation.prescreen.types import FindingStatus

TIMEOUT = 10_000


@pytest.fixture(params=["embedded", "remote"])
def client(request, archive, database_kind, tmp_path) -> Iterator[tuple[ArchiveClient, Reviewed]]:
    """The administrator's client, on the archive here or behind a running archive server, with the scanned
    clips (tests.helpers.prescreen_builders.scanned_clips)."""
    build_org(archive)
    clips = scanned_clips(archive, tmp_path, client_for(archive, "admin"))
    if request.param == "embedded":
        yield client_for(archive, "admin"), clips
        return
    with running_server(database_kind, archive, tmp_path) as server:
        link = ServerLink(ServerConnection(server.url, server.pin))
        yield link.client(link.sign_in("admin", ADMIN_PASSWORD)), clips
        link.close()


@pytest.fixture
def window(qtbot, client, threaded_operations) -> Iterator[PlayerWindow]:
    engine = PlaybackEngine(vlc_options=TEST_VLC_OPTIONS)
    opened = PlayerWindow(client[0], threaded_operations, engine=engine, native=False)
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitExposed(opened)
    yield opened
    opened.close()


def _decisions(archive) -> list[dict]:
    with archive.sessions.read() as session:
        rows = session.execute(select(AuditEvent).where(AuditEvent.action == "prescreen.decide")).scalars()
        return [json.loads(row.details) | {"actor": row.actor} for row in rows]


def test_bands_sit_where_the_scan_found_them_and_a_click_seeks_there(qtbot, client, window):
    api, clips = client
    covered, silent = api.clip_findings([clips.flagged])
    window.open_clip(clips.flagged)
    timeline = window.player.timeline
    qtbot.waitUntil(lambda: len(timeline.bands) == 2 and timeline.duration_ms == 10_000, timeout=TIMEOUT)

    bands = {band.key: band for band in timeline.bands}
    assert (bands[covered.id].start_ms, bands[covered.id].end_ms) == (covered.start_ms, covered.end_ms)
    assert (bands[silent.id].start_ms, bands[silent.id].end_ms) == (silent.start_ms, silent.end_ms)
    assert covered.start_ms < 1_500 and 3_500 <= covered.end_ms <= 5_000  # the lens was covered 1–4.5 s
    assert 5_500 <= silent.start_ms <= 6_500 and silent.end_ms >= 9_000  # no sound from 6 s
    assert (bands[covered.id].color, bands[silent.id].color) == (PICTURE_COLOR, SOUND_COLOR)
    assert "镜头遮挡" in bands[covered.id].label and bands[covered.id].label.endswith("需人工复核")
    rect = timeline.band_rect(bands[silent.id])
    assert rect.left() == pytest.approx(timeline.x_at(silent.start_ms))
    assert rect.right() == pytest.approx(timeline.x_at(silent.end_ms))
    panel = window.findings
    assert [finding.id for finding in panel.findings] == [covered.id, silent.id]
    assert panel.list.topLevelItem(0).text(3) == "需人工复核"
    assert "画面" in panel.legend.text() and "声音" in panel.legend.text()

    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert panel.current() == silent
    qtbot.waitUntil(lambda: abs(timeline.position_ms - silent.start_ms) < 500, timeout=TIMEOUT)


def test_confirm_and_dismiss_are_kept_with_who_decided_and_audited(qtbot, archive, client, window):
    api, clips = client
    window.open_clip(clips.flagged)
    panel = window.findings
    qtbot.waitUntil(lambda: len(panel.findings) == 2, timeout=TIMEOUT)
    covered, silent = panel.findings
    assert not panel.confirm.isEnabled()

    panel.select(covered.id)
    panel.note.setText("镜头被手遮挡")
    qtbot.mouseClick(panel.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.findings[0].status is FindingStatus.CONFIRMED, timeout=TIMEOUT)
    panel.select(silent.id)
    panel.note.clear()
    qtbot.mouseClick(panel.dismiss, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.findings[1].status is FindingStatus.DISMISSED, timeout=TIMEOUT)

    assert panel.list.topLevelItem(0).text(3).startswith("已确认（admin ")
    assert panel.list.topLevelItem(1).text(3).startswith("已排除（admin ")
    bands = {band.key: band for band in window.player.timeline.bands}
    assert not bands[covered.id].faded and bands[silent.id].faded
    kept = {finding.id: finding for finding in api.clip_findings([clips.flagged])}
    assert (kept[covered.id].status, kept[covered.id].decided_by, kept[covered.id].note) == (
        FindingStatus.CONFIRMED,
        "admin",
        "镜头被手遮挡",
    )
    assert kept[silent.id].status is FindingStatus.DISMISSED
    assert [(row["actor"], row["kind"], row["status"], row["note"]) for row in _decisions(archive)] == [
        ("admin", "covered", "confirmed", "镜头被手遮挡"),
        ("admin", "silent", "dismissed", ""),
    ]


def test_an_officers_day_shows_the_findings_of_its_clips(qtbot, client, window):
    _api, clips = client
    window.open_officer_day("010203", DAY)
    qtbot.waitUntil(lambda: len(window.findings.findings) == 3, timeout=TIMEOUT)
    playlist = window.player.playlist
    assert [item.key for item in playlist.items] == [clips.flagged, clips.clean, clips.quiet]
    late = next(band for band in window.player.timeline.bands if band.color == DAY_COLOR)
    assert late.start_ms == playlist.items[1].start_ms == 60_000  # on the late clip, a minute into the day
    assert "超24小时上传" in late.label
