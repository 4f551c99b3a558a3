"""The ingest dialog: a real import of recorder dumps off the GUI thread, per-source progress, the summary,
校验清空 with its confirmation, a plain message for a full disk, and closing during a run."""

import threading
import time
from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle

from tests.helpers.builders import build_org, recorder_dump, video, whole_archive
from tests.helpers.clients import client_for
from ui.archive.ingest_dialog import IngestDialog
from ui.archive.ingest_progress import ProgressRelay
from workstation.client import local
from workstation.errors import DiskFull, SourceInsideArchive
from workstation.footage import clips
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import IngestOutcome, IngestProgress, IngestReport
from workstation.identity import Identity

STATION = Identity.system("采集站1")

START = datetime(2026, 11, 21, 8, 30)


def _dialog(qtbot, archive, operations) -> IngestDialog:
    """The dialog on the real worker threads: the tests are about a run that goes on while the GUI works."""
    dialog = IngestDialog(client_for(archive, "admin"), operations)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _counts(dialog: IngestDialog) -> dict[str, int]:
    return {key: int(label.text()) for key, label in dialog.count_labels.items()}


def _table(dialog: IngestDialog) -> list[list[str]]:
    table = dialog.problem_table
    return [[table.item(row, column).text() for column in range(4)] for row in range(table.rowCount())]


def test_imports_two_recorders_with_a_bar_each_and_summarises(qtbot, archive, tmp_path, threaded_operations):
    build_org(archive)
    first, second = tmp_path / "DEV0001", tmp_path / "DEV0002"
    recorder_dump(first, "DEV0001", "010203", START, clips=2)
    recorder_dump(second, "DEV0002", "010204", START, clips=1, seed=1)
    stray = video(first / "DCIM" / "VID_20261121_093512.mp4", seed=7)
    cut = video(second / "DCIM" / "DEV0002_010204_20261121084000_0009.MP4", seed=8)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])  # power lost while recording
    dialog = _dialog(qtbot, archive, threaded_operations)
    for folder in (first, second, first):
        dialog.add_source(folder)
    dialog.station_edit.setText("采集站1")

    with qtbot.waitSignal(dialog.ingest_finished, timeout=20000):
        dialog.start()
        assert dialog.is_running() and not dialog.start_button.isEnabled()
        assert dialog.close_button.text() == "停止并关闭"

    assert dialog.error is None and dialog.message.text() == "导入完成。"
    assert list(dialog.progress_rows) == [str(first), str(second)]
    for row in dialog.progress_rows.values():
        assert row.bar.value() == row.bar.maximum()
    assert dialog.progress_rows[str(first)].detail.text().startswith("3 / 3 个文件")
    assert _counts(dialog) == {"imported": 6, "duplicate": 0, "rejected": 1, "failed": 0, "damaged": 1}
    damaged = next(result for result in dialog.report.results if result.source_path == str(cut))
    assert damaged.detail
    assert _table(dialog) == [
        [
            "DEV0001/DCIM/VID_20261121_093512.mp4",
            "拒收，留在记录仪上",
            "无法识别的文件名",
            "文件名不符合任何已配置的命名规则",
        ],
        [f"DEV0002/DCIM/{cut.name}", "已导入，文件损坏", "不完整", damaged.detail],
    ]
    assert stray.exists() and cut.exists(), "without 校验清空 the recorders keep their files"
    with archive.sessions.read() as session:
        rows = clips.list_clips(session, clips.ClipFilter(), scope=whole_archive(session))
    assert len(rows) == 6 and {row.ingest_station for row in rows} == {"采集站1"}
    assert dialog.start_button.isEnabled() and dialog.close_button.text() == "关闭"


def test_verify_and_clear_asks_first_then_clears_what_is_archived(qtbot, archive, tmp_path, threaded_operations):
    build_org(archive)
    dump = tmp_path / "DEV0001"
    files = recorder_dump(dump, "DEV0001", "010203", START, clips=1)
    ingest(archive, [dump], IngestOptions(who=STATION))
    dialog = _dialog(qtbot, archive, threaded_operations)
    questions = []
    dialog.confirm = lambda title, _text: questions.append(title) or len(questions) > 1
    dialog.add_source(dump)

    box = dialog.clear_source_box
    indicator = QPoint(box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2, box.height() // 2)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator)
    assert questions == ["清空执法记录仪？"] and not dialog.clear_source_box.isChecked(), "declined"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator)
    assert dialog.clear_source_box.isChecked()
    with qtbot.waitSignal(dialog.ingest_finished, timeout=20000):
        dialog.start()

    assert _counts(dialog) == {"imported": 0, "duplicate": 2, "rejected": 0, "failed": 0, "damaged": 0}
    assert dialog.cleared_label.text() == "已从执法记录仪上删除 2 个校验无误的文件。"
    assert not any(path.exists() for path in files)
    assert dialog.problem_table.isHidden()


def test_a_source_inside_the_archive_is_refused_with_a_message_and_nothing_is_cleared(
    qtbot, archive, tmp_path, threaded_operations
):
    build_org(archive)
    files = recorder_dump(tmp_path / "DEV0001", "DEV0001", "010203", START, clips=1)
    ingest(archive, [tmp_path / "DEV0001"], IngestOptions(who=STATION))
    archived = sorted(path for path in archive.media_root.rglob("*") if path.is_file())
    dialog = _dialog(qtbot, archive, threaded_operations)
    dialog.confirm = lambda _title, _text: True
    dialog.add_source(archive.media_root / "DD01")
    dialog.clear_source_box.setChecked(True)

    with qtbot.waitSignal(dialog.ingest_finished, timeout=20000):
        dialog.start()

    assert isinstance(dialog.error, SourceInsideArchive) and dialog.report is None
    assert "档案库自己的存储目录" in dialog.message.text() and dialog.start_button.isEnabled()
    assert sorted(path for path in archive.media_root.rglob("*") if path.is_file()) == archived
    assert len(archived) == len(files)


def test_start_needs_a_source_folder(qtbot, threaded_operations):
    dialog = _dialog(qtbot, None, threaded_operations)
    dialog.start()
    assert not dialog.is_running() and dialog.message.text() == "请先添加至少一个源文件夹。"


def test_a_full_disk_is_reported_in_plain_chinese(qtbot, monkeypatch, tmp_path, threaded_operations):
    def full(*_args, **_kwargs):
        raise DiskFull("No space left on device")

    monkeypatch.setattr(local, "ingest", full)
    dialog = _dialog(qtbot, None, threaded_operations)
    dialog.add_source(tmp_path)

    with qtbot.waitSignal(dialog.ingest_finished, timeout=5000):
        dialog.start()

    assert isinstance(dialog.error, DiskFull) and dialog.report is None
    assert dialog.message.text().startswith("档案存储空间已满，导入已停止。已导入的文件完整有效。")
    assert dialog.summary_group.isHidden() and dialog.start_button.isEnabled()


def test_closing_during_a_run_asks_then_stops_between_files_and_closes(
    qtbot, monkeypatch, tmp_path, threaded_operations
):
    started = threading.Event()

    def endless(_archive, sources, options, progress):
        """Reports like ingest does, and like ingest stops before the next file once cancel is set."""
        for number in range(10_000):
            if options.cancel.is_set():
                break
            progress(IngestProgress(str(sources[0]), f"F{number}.MP4", number, 10_000, number, 10_000))
            started.set()
            time.sleep(0.002)
            progress(IngestProgress(str(sources[0]), f"F{number}.MP4", number + 1, 10_000, number + 1, 10_000))
        return IngestReport(0)

    monkeypatch.setattr(local, "ingest", endless)
    dialog = _dialog(qtbot, None, threaded_operations)
    dialog.add_source(tmp_path)
    dialog.start()
    assert started.wait(5)

    dialog.confirm = lambda _title, _text: False
    dialog.close()
    assert dialog.isVisible() and dialog.is_running(), "declined: the import goes on"

    dialog.confirm = lambda _title, _text: True
    with qtbot.waitSignal(dialog.ingest_finished, timeout=5000):
        dialog.close()
        assert dialog.isVisible() and not dialog.close_button.isEnabled()
        assert dialog.message.text() == "正在停止，等待当前文件复制完成……"

    assert not dialog.isVisible() and dialog.error is None
    assert dialog.progress_rows[str(tmp_path)].detail.text() == "已停止，下次导入将从此处继续"


def test_a_stop_request_ends_a_real_ingest_at_a_file_boundary(archive, tmp_path):
    """The contract the dialog relies on: the relay's cancel event, set, ends ingest() before the next file."""
    build_org(archive)
    dump = tmp_path / "DEV0001"
    recorder_dump(dump, "DEV0001", "010203", START, clips=2)
    relay = ProgressRelay()
    relay.stop()

    report = ingest(archive, [dump], IngestOptions(who=STATION, cancel=relay.cancel), progress=relay.on_progress)

    assert {result.reason for result in report.results} == {"cancelled"}

    with archive.sessions.read() as session:
        assert clips.count_clips(session, clips.ClipFilter(), scope=whole_archive(session)) == 0
    assert list((archive.media_root / ".incoming").iterdir()) == []
    assert ingest(archive, [dump], IngestOptions(who=STATION)).count(IngestOutcome.IMPORTED) == 3, (
        "the next run imports all"
    )


def test_progress_is_throttled_but_the_last_file_of_a_source_always_arrives(qapp):
    relay = ProgressRelay()
    arrived: list[IngestProgress] = []
    relay.arrived.connect(arrived.append)
    chunks = [IngestProgress("/media/DSJ0001", "A.MP4", 0, 1, done, 2000) for done in range(1, 2001)]

    for update in chunks:
        relay.on_progress(update)
    relay.on_progress(IngestProgress("/media/DSJ0001", "A.MP4", 1, 1, 2000, 2000))

    assert 2 <= len(arrived) < 50, "a burst of chunk reports becomes a few GUI updates"
    assert arrived[0] is chunks[0] and arrived[-1].files_done == 1
