"""PlayerWindow on a real archive (both databases) with real clips: marking round-trips, stills, a day."""

import json
from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AccessRegisterEntry, AuditEvent, Clip
from player.engine import PlaybackEngine, PlaybackState
from player.video_surface import SurfaceMode
from tests.helpers.builders import add_user, build_org
from tests.helpers.clients import client_for
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.player.conftest import TEST_VLC_OPTIONS, image_index
from tests.player.framecode import read_index, write_indexed_clip
from ui.playback.player_window import PlayerWindow
from workstation.footage import markers, stills
from workstation.identity import Identity
from workstation.types import MediaStatus, Role

ALICE = "alice"


@pytest.fixture(scope="module")
def clip_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_indexed_clip(tmp_path_factory.mktemp("window-media") / "indexed.mp4", 250, fps=25)


@pytest.fixture
def open_window(qtbot, archive, threaded_operations):
    """Player windows on the real worker threads (playback and the database answer at their own pace)."""
    windows = []

    def make(login: str = "alice") -> PlayerWindow:
        engine = PlaybackEngine(vlc_options=TEST_VLC_OPTIONS)
        window = PlayerWindow(client_for(archive, login), threaded_operations, engine=engine, native=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def shown_frame(window: PlayerWindow) -> int | None:
    image = window.player.engine.current_image()
    return None if image is None else image_index(image)


def wait_on_frame(qtbot, window: PlayerWindow, frame: int) -> None:
    engine = window.player.engine
    qtbot.waitUntil(lambda: engine.state is PlaybackState.PAUSED and shown_frame(window) == frame, timeout=5000)


def wait_idle(qtbot, window: PlayerWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


def audit_actions(archive) -> list[tuple[str, dict]]:
    with archive.sessions.read() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.action.startswith("marker.")).order_by(AuditEvent.seq)
        ).scalars()
        return [(row.action, json.loads(row.details)) for row in rows]


def test_marking_a_point_and_a_segment_round_trips_through_the_database(qtbot, archive, open_window, clip_file):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 10, offset_ms=1_500, with_media=clip_file)
    window = open_window()
    window.open_clip(clip_id, start_ms=2_000)
    wait_on_frame(qtbot, window, 50)
    player = window.player
    assert player.officer_label.text().endswith("张伟 (010203)")
    assert player.clock_label.text() == "2026-11-21 08:30:03.500"  # 08:30:00 + 1.5 s offset + 2 s
    assert not window.banner.isVisible()

    qtbot.keyClick(player, Qt.Key.Key_M)
    window.panel.set_category("show_id")
    window.panel.note.setText("出示执法证")
    qtbot.keyClick(window.panel.note, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.list.topLevelItemCount() == 1)

    qtbot.keyClick(player, Qt.Key.Key_I)
    qtbot.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    wait_on_frame(qtbot, window, 175)
    qtbot.keyClick(player, Qt.Key.Key_O)
    window.panel.set_category("questioning")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.list.topLevelItemCount() == 2)

    with archive.sessions.read() as session:
        saved = markers.list_markers(session, [clip_id])
    assert [(m.start_ms, m.end_ms, m.category, m.note, m.author) for m in saved] == [
        (2_000, None, "show_id", "出示执法证", "alice"),
        (2_000, 7_000, "questioning", "", "alice"),
    ]
    marks = {mark.key: mark for mark in player.timeline.marks}
    assert marks[saved[1].id].end_ms == 7_000 and marks[saved[1].id].color == "#8e44ad"
    assert window.panel.list.topLevelItem(0).text(0).startswith("08:30:03.500")
    assert player.draft is None


def test_editing_and_deleting_are_for_the_author(qtbot, archive, open_window, clip_file):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 10, with_media=clip_file)
    with archive.sessions.write() as session:
        mine = markers.add_marker(session, Identity.user(ALICE), clip_id, 4_000, None, "evidence", "刀具")
        theirs = markers.add_marker(session, Identity.user("bob"), clip_id, 6_000, 8_000, "violation", "推搡")
    window = open_window()
    window.open_clip(clip_id)
    wait_on_frame(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.panel.list.topLevelItemCount() == 2)

    window.panel.marker_selected.emit(theirs)  # as a click in the list does
    wait_on_frame(qtbot, window, 150)  # jumped to the marker
    assert not window.panel.save.isEnabled() and not window.panel.delete.isEnabled()
    assert "bob" in window.panel.what.text()

    window.panel.marker_selected.emit(mine)
    wait_on_frame(qtbot, window, 100)
    assert window.panel.note.text() == "刀具" and window.panel.delete.isEnabled()
    window.panel.note.setText("管制刀具一把")
    qtbot.keyClick(window.player, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.list.topLevelItem(0).text(3) == "管制刀具一把")

    window.panel.marker_selected.emit(next(m for m in window._markers if m.id == mine.id))
    qtbot.mouseClick(window.panel.delete, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.panel.list.topLevelItemCount() == 1)
    assert [action for action, _ in audit_actions(archive)] == [
        "marker.create",
        "marker.create",
        "marker.update",
        "marker.delete",
    ]


def test_a_still_is_the_frame_on_screen(qtbot, archive, open_window, clip_file):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 10, with_media=clip_file)
    window = open_window()
    window.open_clip(clip_id, start_ms=3_090)
    wait_on_frame(qtbot, window, 77)
    qtbot.keyClick(window.player, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    with archive.sessions.read() as session:
        (still,) = stills.list_stills(session, clip_id)
    assert (still.position_ms, still.width, still.height, still.taken_by) == (3_090, 320, 240, "alice")
    assert still.shown_at == DAY_START + timedelta(milliseconds=3_090)
    with archive.sessions.write() as session:
        png = stills.export_still(session, Identity.user(ALICE), still.id)
    picture = cv2.imdecode(numpy.frombuffer(png, numpy.uint8), cv2.IMREAD_COLOR)
    assert read_index(picture) == 77
    assert b"tEXtSource" in png  # the source file is named inside the PNG too
    with archive.sessions.read() as session:
        archived = archive.absolute_path(session.get(Clip, clip_id).media_path)
    assert archived.read_bytes() == clip_file.read_bytes()  # the original is untouched


def test_an_officers_day_shows_the_gap_and_plays_across_it(qtbot, archive, open_window, clip_file):
    build_org(archive)
    first = add_clip(archive, "010203", DAY_START, 10, with_media=clip_file)
    second = add_clip(archive, "010203", DAY_START + timedelta(seconds=40), 10, with_media=clip_file)
    with archive.sessions.write() as session:
        markers.add_marker(session, Identity.user(ALICE), second, 1_000, 3_000, "notice", "告知录音录像")
    window = open_window()
    window.open_officer_day("010203", date(2026, 11, 21))
    wait_idle(qtbot, window)
    player = window.player
    wait_on_frame(qtbot, window, 0)
    assert [item.key for item in player.playlist.items] == [first, second]
    assert player.timeline.duration_ms == 50_000
    (mark,) = player.timeline.marks
    assert (mark.start_ms, mark.end_ms) == (41_000, 43_000)
    assert "1" in window.status.text()  # one gap
    player.seek(20_000)  # in the gap: the next clip
    qtbot.waitUntil(lambda: player.current_index == 1)
    wait_on_frame(qtbot, window, 0)
    assert player.clock_label.text() == "2026-11-21 08:30:40.000"


def test_offline_share_and_damaged_files_are_explained(qtbot, archive, open_window, clip_file, tmp_path):
    build_org(archive)
    clip_id = add_clip(archive, "010203", DAY_START, 10, with_media=clip_file)
    with archive.sessions.write() as session:
        clip = session.get(Clip, clip_id)
        clip.media_status, clip.media_problem = MediaStatus.TRUNCATED, "文件不完整"
    media_root = archive.media_root
    archive.media_root = tmp_path / "unplugged"  # the share is gone
    window = open_window()
    window.open_clip(clip_id)
    qtbot.waitUntil(lambda: window.player.surface.mode is SurfaceMode.MESSAGE, timeout=5000)
    assert window.banner.isVisible() and "文件不完整" in window.banner.text()
    assert window.player.surface._retry.isVisible()
    archive.media_root = media_root
    window.open_clip(clip_id)
    wait_on_frame(qtbot, window, 0)


def test_playback_is_registered_with_how_long_was_played_and_refused_outside_ones_scope(
    qtbot, archive, open_window, clip_file, threaded_operations
):
    build_org(archive)
    add_user(archive, "dd02", Role.REVIEWER, "DD02")
    clip_id = add_clip(archive, "010203", DAY_START, 10, with_media=clip_file)  # DD01's footage
    window = open_window()
    window.open_clip(clip_id)
    wait_on_frame(qtbot, window, 0)
    window.player.engine.play()
    qtbot.wait(600)
    window.close()
    threaded_operations.wait()  # closing queued the register's "finished viewing"
    with archive.sessions.read() as session:
        (entry,) = session.execute(select(AccessRegisterEntry)).scalars().all()
    assert entry.clip_id == clip_id and entry.finished_at is not None and entry.played_ms > 200

    outsider = open_window("dd02")
    outsider.open_clip(clip_id)
    wait_idle(qtbot, outsider)
    assert "无权" in outsider.status.text() and outsider.player.engine.current_image() is None
