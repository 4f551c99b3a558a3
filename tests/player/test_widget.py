"""PlayerWidget: keys and buttons drive real playback; details and the absolute time; the officer's day."""

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from player.engine import PlaybackEngine, PlaybackState
from player.media.byte_source import FileByteSource
from player.playlist import MediaKind, Playlist, PlaylistItem
from player.shortcuts import SHORTCUTS
from player.timeline import RULER_HEIGHT, TimelineMark
from player.video_surface import SurfaceMode
from player.widget import Draft, PlayerWidget
from tests.player.conftest import TEST_VLC_OPTIONS, image_index

ORIGIN = datetime(2026, 11, 21, 8, 30, 5)


@pytest.fixture
def player(qtbot) -> PlayerWidget:
    widget = PlayerWidget(engine=PlaybackEngine(vlc_options=TEST_VLC_OPTIONS), native=False)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    yield widget
    widget.engine.close()


def item(path, kind=MediaKind.VIDEO, **fields) -> PlaylistItem:
    defaults = {"origin": ORIGIN, "file_name": path.name, "officer": "张伟 (010203)", "device": "DEV0001"}
    return PlaylistItem(path, kind, **{**defaults, **fields})


def shown(player: PlayerWidget) -> int | None:
    image = player.engine.current_image()
    return None if image is None else image_index(image)


def wait_paused_on(qtbot, player: PlayerWidget, frame: int) -> None:
    qtbot.waitUntil(lambda: player.engine.state is PlaybackState.PAUSED and shown(player) == frame, timeout=4000)


def open_clip(qtbot, player: PlayerWidget, clip, start_ms: int = 0) -> None:
    player.open_item(item(clip), start_ms=start_ms)
    wait_paused_on(qtbot, player, start_ms // 40)


def test_shows_the_clip_details_and_the_absolute_time_at_the_playhead(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip, start_ms=2_000)
    assert player.file_label.text() == "indexed.mp4"
    assert "张伟 (010203)" in player.officer_label.text()
    assert "DEV0001" in player.device_label.text()
    assert player.clock_label.text() == "2026-11-21 08:30:07.000"
    qtbot.keyClick(player, Qt.Key.Key_Right)
    wait_paused_on(qtbot, player, 51)
    assert player.clock_label.text() == "2026-11-21 08:30:07.040"
    assert player.position_label.text().startswith("00:02.040 / 00:10.0")


@pytest.mark.parametrize(
    ("key", "modifier", "frame"),
    [
        (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, 126),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, 124),
        (Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier, 250 - 1),  # +5 s from 5 s: the last frame
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier, 0),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier, 0),
    ],
)
def test_keys_step_and_jump(qtbot, player, indexed_clip, key, modifier, frame):
    open_clip(qtbot, player, indexed_clip, start_ms=5_000)
    qtbot.keyClick(player, key, modifier)
    wait_paused_on(qtbot, player, frame)


def test_space_and_jkl(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.engine.state is PlaybackState.PLAYING
    qtbot.keyClick(player, Qt.Key.Key_L)
    assert player.engine.rate == 2.0
    qtbot.keyClick(player, Qt.Key.Key_J)
    qtbot.keyClick(player, Qt.Key.Key_J)
    assert player.engine.rate == 0.5
    assert player.transport.speed.currentText() == "0.5×"
    qtbot.keyClick(player, Qt.Key.Key_K)
    assert player.engine.state is PlaybackState.PAUSED
    qtbot.keyClick(player, Qt.Key.Key_L)
    assert player.engine.state is PlaybackState.PLAYING


def test_volume_keys_and_mute(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip)
    qtbot.keyClick(player, Qt.Key.Key_Down)
    qtbot.keyClick(player, Qt.Key.Key_Down)
    assert player.engine.volume == 80
    assert player.transport.volume.value() == 80
    qtbot.keyClick(player, Qt.Key.Key_U)
    assert player.engine.muted


def test_clicking_the_timeline_seeks(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip)
    timeline = player.timeline
    x = round(timeline.x_at(6_020))
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(x, RULER_HEIGHT + 30))
    frame = timeline.ms_at(x) // 40
    wait_paused_on(qtbot, player, frame)
    assert abs(frame - 150) <= 1


def test_marking_keys_make_a_draft_and_enter_saves_it(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip, start_ms=1_000)
    drafts: list[object] = []
    player.draft_changed.connect(drafts.append)
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert player.draft == Draft(0, 1_000, None, segment=False)
    assert [mark.key for mark in player.timeline.marks] == ["draft"]
    qtbot.keyClick(player, Qt.Key.Key_I)
    with qtbot.assertNotEmitted(player.draft_saved):
        qtbot.keyClick(player, Qt.Key.Key_Return)  # a segment needs its end first
    qtbot.keyClick(player, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    wait_paused_on(qtbot, player, 150)
    qtbot.keyClick(player, Qt.Key.Key_O)
    assert player.draft == Draft(0, 1_000, 6_000, segment=True)
    with qtbot.waitSignal(player.draft_saved) as saved:
        qtbot.keyClick(player, Qt.Key.Key_Return)
    assert saved.args == [Draft(0, 1_000, 6_000, segment=True)]
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert player.draft is None
    assert drafts[-1] is None


def test_saved_marks_and_the_draft_share_the_timeline(qtbot, player, indexed_clip):
    open_clip(qtbot, player, indexed_clip)
    player.set_marks([TimelineMark(7, 2_000, 4_000, "#2980b9", "询问")])
    player.mark_point()
    assert [mark.key for mark in player.timeline.marks] == [7, "draft"]
    with qtbot.waitSignal(player.mark_activated) as activated:
        qtbot.mouseClick(player.timeline, Qt.MouseButton.LeftButton, pos=QPoint(round(player.timeline.x_at(3_000)), 29))
    assert activated.args == [7]


def test_an_officers_day_plays_through_the_gap_to_the_next_clip(qtbot, player, indexed_clip, indexed_clip_30):
    day = Playlist(
        [
            item(indexed_clip, start_ms=0, duration_ms=10_000, origin=ORIGIN),
            item(indexed_clip_30, start_ms=25_000, duration_ms=4_000, origin=ORIGIN + timedelta(seconds=25)),
        ]
    )
    player.set_playlist(day, local_ms=9_600)
    wait_paused_on(qtbot, player, 240)
    assert player.timeline.duration_ms == 29_000
    assert len(player.timeline._spans) == 2
    assert player.item_label.text()
    with qtbot.waitSignal(player.item_changed, timeout=5000) as changed:
        player.engine.play()
    assert changed.args == [1]
    qtbot.waitUntil(lambda: player.engine.state is PlaybackState.PLAYING and player.engine.path == indexed_clip_30)
    assert player.file_label.text() == "indexed30.mp4"
    qtbot.waitUntil(lambda: player.position_ms >= 25_000)
    assert player.clock_label.text().startswith("2026-11-21 08:30:3")


def test_seeking_into_a_gap_opens_the_next_clip(qtbot, player, indexed_clip, indexed_clip_30):
    day = Playlist(
        [
            item(indexed_clip, start_ms=0, duration_ms=10_000),
            item(indexed_clip_30, start_ms=25_000, duration_ms=4_000, origin=ORIGIN + timedelta(seconds=25)),
        ]
    )
    player.set_playlist(day)
    wait_paused_on(qtbot, player, 0)
    player.seek(18_000)
    qtbot.waitUntil(lambda: player.engine.path == indexed_clip_30 and player.engine.state is PlaybackState.PAUSED)
    assert player.current_index == 1
    assert player.position_ms == 25_000
    assert player.clock_label.text() == "2026-11-21 08:30:30.000"
    player.seek(1_000)
    wait_paused_on(qtbot, player, 25)


def test_photos_and_sound_open_in_the_same_viewer(qtbot, player, photo, audio_clip):
    player.open_item(item(photo, MediaKind.PHOTO))
    qtbot.waitUntil(lambda: player.surface.mode is SurfaceMode.PHOTO)
    assert not player.actions_by_name["toggle_play"].isEnabled()
    player.open_item(item(audio_clip, MediaKind.AUDIO))
    assert player.surface.mode is SurfaceMode.AUDIO
    qtbot.waitUntil(lambda: len(player.surface._peaks) > 0, timeout=5000)
    assert player.actions_by_name["toggle_play"].isEnabled()
    assert not player.actions_by_name["still"].isEnabled()


def test_a_missing_file_shows_a_message_and_can_be_retried(qtbot, player, indexed_clip, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    target = share / "DEV0001_010203_20261121083005_0001.MP4"
    player.open_item(item(target, root=share))
    qtbot.waitUntil(lambda: player.surface.mode is SurfaceMode.MESSAGE)
    title, text = player.surface.message
    assert title and target.name in text
    assert player.surface._retry.isVisible()
    target.write_bytes(indexed_clip.read_bytes())
    qtbot.mouseClick(player.surface._retry, Qt.MouseButton.LeftButton)
    wait_paused_on(qtbot, player, 0)
    assert player.surface.mode is SurfaceMode.VIDEO


@pytest.mark.qt_log_ignore("JPEG")  # Qt's JPEG reader warns about the damaged photo this test shows
def test_a_damaged_photo_or_clip_says_so(qtbot, player, damaged_clip, tmp_path):
    player.open_item(item(damaged_clip))
    qtbot.waitUntil(lambda: player.surface.mode is SurfaceMode.MESSAGE, timeout=5000)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    player.open_item(item(broken, MediaKind.PHOTO))
    qtbot.waitUntil(lambda: player.surface.mode is SurfaceMode.MESSAGE and "broken.jpg" in player.surface.message[1])


def test_the_shortcuts_help_lists_every_key(qtbot, player):
    qtbot.keyClick(player, Qt.Key.Key_F1)
    dialog = player._help
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == len(SHORTCUTS)
    cells = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    keys = {key for cell in cells for key in cell.split(" / ")}
    assert {"Space", "J", "K", "L", "M", "I", "O", "F", "Shift+Right", "Ctrl+Left"} <= keys
    dialog.close()


def test_full_screen_toggles_with_f_and_leaves_with_escape(qtbot, player):
    with qtbot.waitSignal(player.full_screen_changed) as change:
        qtbot.keyClick(player, Qt.Key.Key_F)
    assert change.args == [True]
    with qtbot.waitSignal(player.full_screen_changed) as change:
        qtbot.keyClick(player, Qt.Key.Key_Escape)
    assert change.args == [False]


def test_an_item_plays_from_a_fresh_byte_source_each_time_it_opens(qtbot, player, indexed_clip, photo):
    made: list[FileByteSource] = []

    def source() -> FileByteSource:
        made.append(FileByteSource(indexed_clip))
        return made[-1]

    player.open_item(item(Path("DD01.mp4"), source=source), start_ms=2_000)
    wait_paused_on(qtbot, player, 50)
    assert player.engine.media is made[0]
    player.reload()
    wait_paused_on(qtbot, player, 50)
    assert len(made) == 2 and player.engine.media is made[1]
    player.open_item(item(Path("still.jpg"), MediaKind.PHOTO, source=lambda: FileByteSource(photo)))
    qtbot.waitUntil(lambda: player.surface.mode is SurfaceMode.PHOTO, timeout=3000)
    with pytest.raises(OSError):
        made[1].read_at(0, 1)  # closed when the photo replaced it
