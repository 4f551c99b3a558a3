"""Render the player's screenshots (docs/screenshots/player*.png) offscreen, from a throwaway archive.

    .venv/bin/python -m tests.player.screenshots

VLC's own window output cannot be grabbed offscreen, so the windows use the engine's memory output
(native=False). Takes about 15 s: it makes three recordings and a voice file with ffmpeg first.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.models import Device, DeviceLogEvent, Officer
from player.engine import PlaybackEngine, PlaybackState
from player.video_surface import SurfaceMode
from tests.helpers.builders import build_org
from tests.helpers.clients import client_for
from tests.helpers.playback_builders import add_clip
from ui.app import install_translators
from ui.common.tasks import InlineOperations
from ui.playback.player_window import PlayerWindow
from workstation.archive import Archive
from workstation.demo import synth
from workstation.footage import markers
from workstation.footage.types import DeviceEventType
from workstation.identity import Identity
from workstation.types import FileType

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
START = datetime(2026, 11, 21, 9, 12, 30)
OVERLAY = "DEV0001 警号010203 张伟"
REVIEWER, COLLEAGUE = "reviewer", "zhaolei"
SPEECH = "0.6*sin(2*PI*220*t)*abs(sin(2*PI*0.7*t))*(0.3+0.7*abs(sin(2*PI*0.11*t)))*gt(sin(2*PI*0.23*t)+0.4\\,0)"


def settle(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        settle(20)


def build(folder: Path) -> tuple[Archive, dict[str, int]]:
    """An officer's morning: three recordings and a voice file, marked, with two log events in the gaps."""
    archive = Archive.open_embedded(folder / "archive", create=True)
    build_org(archive)
    media = folder / "media-source"
    media.mkdir()
    clips = {}
    for name, minute, seconds, tone in (("first", 0, 60, 440), ("second", 4, 45, 520), ("third", 7, 40, 610)):
        start = START + timedelta(minutes=minute)
        source = synth.make_video(
            media / f"{name}.mp4", seconds, size="1280x720", overlay=OVERLAY, start=start, tone_hz=tone
        )
        clips[name] = add_clip(archive, "010203", start, seconds, offset_ms=2_000, with_media=source)
    voice = media / "voice.m4a"
    speech = f"aevalsrc='{SPEECH}':s=16000:d=50"
    ffmpeg = [synth.ffmpeg_executable(), "-hide_banner", "-loglevel", "error", "-y"]
    subprocess.run([*ffmpeg, "-f", "lavfi", "-i", speech, "-c:a", "aac", str(voice)], check=True)
    clips["voice"] = add_clip(
        archive,
        "010203",
        START + timedelta(minutes=10),
        50,
        offset_ms=2_000,
        file_type=FileType.AUDIO,
        with_media=voice,
    )
    log_file = add_clip(archive, "010203", START, 0, file_type=FileType.PHOTO)
    with archive.sessions.write() as session:
        officer = session.execute(select(Officer).where(Officer.badge_no == "010203")).scalar_one()
        device = session.execute(select(Device).where(Device.holder_officer_id == officer.id)).scalar_one()
        for moment, event in (
            (START + timedelta(minutes=1, seconds=20), DeviceEventType.ABNORMAL_INTERRUPTION),
            (START + timedelta(minutes=7, seconds=50), DeviceEventType.LOW_BATTERY),
        ):
            session.add(
                DeviceLogEvent(
                    device_id=device.id,
                    officer_id=officer.id,
                    occurred_at=moment,
                    event_type=event,
                    log_clip_id=log_file,
                )
            )
        for author, clip, start_ms, end_ms, category, note in (
            (REVIEWER, "first", 2_500, 9_800, "notice", "开始执法前告知正在录音录像"),
            (REVIEWER, "first", 11_200, None, "show_id", "出示执法证件"),
            (REVIEWER, "first", 16_000, 31_000, "questioning", "询问当事人店铺消防设施情况"),
            (COLLEAGUE, "first", 34_400, None, "evidence", "灭火器压力表指针在红区"),
            (REVIEWER, "first", 40_000, 52_000, "inspection", "检查疏散通道"),
            (REVIEWER, "second", 5_000, 20_000, "service", "送达责令限期改正通知书"),
            (COLLEAGUE, "third", 8_000, None, "interruption", "画面短暂遮挡"),
        ):
            markers.add_marker(session, Identity.user(author), clips[clip], start_ms, end_ms, category, note)
    return archive, clips


def window(archive: Archive) -> PlayerWindow:
    engine = PlaybackEngine(vlc_options=("--quiet", "--no-xlib", "--aout=dummy"))
    shown = PlayerWindow(client_for(archive, REVIEWER), InlineOperations(), engine=engine, native=False)
    shown.resize(1440, 860)
    shown.show()
    shown.splitter.setSizes([1000, 440])
    return shown


def save(shown: PlayerWindow, name: str) -> None:
    shown.grab().save(str(OUT / name))
    print(OUT / name)
    shown.close()


def main() -> None:
    app = QApplication.instance() or QApplication([])
    install_translators(app)
    folder = Path(tempfile.mkdtemp(prefix="player-screenshots-"))
    archive, clips = build(folder)
    try:
        shown = window(archive)  # a clip with its marks, and a segment being marked
        shown.open_clip(clips["first"], start_ms=23_480)
        wait(lambda: shown.player.engine.state is PlaybackState.PAUSED and shown.panel.list.topLevelItemCount() == 5)
        settle(500)
        shown.player.mark_in()
        shown.player.seek(27_000)
        settle(500)
        shown.player.mark_out()
        shown.panel.set_category("evidence")
        shown.panel.note.setText("当事人承认未按期检测")
        settle(300)
        save(shown, "player.png")

        shown = window(archive)  # the officer's morning, gaps hatched, log events as grey ticks
        shown.open_officer_day("010203", date(2026, 11, 21))
        wait(lambda: shown.player.engine.state is PlaybackState.PAUSED and len(shown.player.playlist) == 4)
        shown.player.seek(shown.player.playlist.items[1].start_ms + 12_000)
        settle(1500)
        save(shown, "player_day.png")

        shown = window(archive)  # a voice file: waveform and level
        shown.open_clip(clips["voice"], start_ms=18_000)
        wait(lambda: shown.player.surface.mode is SurfaceMode.AUDIO and bool(shown.player.surface._peaks))
        settle(800)
        save(shown, "player_audio.png")

        archive.media_root = folder / "unplugged"  # the share went offline
        shown = window(archive)
        shown.open_clip(clips["second"])
        wait(lambda: shown.player.surface.mode is SurfaceMode.MESSAGE)
        settle(300)
        save(shown, "player_offline.png")

        shown = window(archive)
        shown.player.show_shortcuts()
        settle(300)
        shown.player._help.grab().save(str(OUT / "player_shortcuts.png"))
        print(OUT / "player_shortcuts.png")
        shown.close()
    finally:
        archive.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
