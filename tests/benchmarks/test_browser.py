"""Archive browser on a BENCH_CLIPS-clip archive (5,000,000 with tools/bench.sh), SQLite and PostgreSQL.

Issue #3's targets: from changing a filter to the first page shown < 100 ms; longest stall of the GUI
event loop while scrolling through 10,000 rows < 50 ms. Baseline in the same run: the same first-page
query through the service on the calling thread (what the GUI path adds is the ratio).
"""

import random
import statistics
import time
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from tests.benchmarks.bulk import DAYS, FIRST_DAY
from tests.helpers.builders import add_user
from ui.archive.view import ArchiveView
from ui.common.memory import freeze_startup_heap
from ui.common.tasks import Operations
from workstation import permissions
from workstation.client.local import LocalClient
from workstation.footage import clips
from workstation.identity import Identity
from workstation.types import Role

pytestmark = pytest.mark.benchmark

SCROLL_ROWS = 10_000
SCROLL_STEP_ROWS = 25  # about one wheel flick
FILTERS = 30


def _filters(archive, count: int, seed: int) -> list[clips.ClipFilter]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        brigade = rng.choice(archive.org.brigade_ids)
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 31))
        found.append(
            clips.ClipFilter(
                unit_code=archive.org.unit_code(brigade), date_from=start, date_to=start + timedelta(days=30)
            )
        )
    return found


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)], ordered[-1]


class StallMeter(QObject):
    """Measures the longest gap between ticks of a 1 ms timer: how long the event loop was blocked."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.longest_ms = 0.0
        self._last = 0.0
        self.timer = QTimer(self, interval=1)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def stop(self) -> None:
        self.timer.stop()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_browser_filter_and_scroll(kind, request, qtbot, bench_scale, bench_report, tmp_path):
    archive_fixture = request.getfixturevalue(f"{kind}_clip_archive")
    archive = archive_fixture.archive
    org = archive_fixture.org
    add_user(archive, f"bench-{kind}", Role.ADMIN, org.unit_code(org.corps_id))  # sees all: the largest scope
    operations = Operations(QApplication.instance())  # owned by Qt: see tests/ui/conftest.py
    view = ArchiveView(LocalClient(archive, Identity.user(f"bench-{kind}"), tmp_path / "thumbs"), operations)
    qtbot.addWidget(view)
    view.resize(1500, 900)
    view.show()
    app = QApplication.instance()
    criteria = _filters(archive_fixture, FILTERS, bench_scale.seed)

    service_ms, gui_ms = [], []
    for criterion in criteria:
        started = time.perf_counter()
        with archive.sessions.read() as session:
            scope = permissions.clip_scope(session, Identity.user(f"bench-{kind}"))
            clips.list_clips(session, criterion, limit=200, scope=scope)
        service_ms.append((time.perf_counter() - started) * 1000)
    for criterion in criteria:
        started = time.perf_counter()
        with qtbot.waitSignal(view.model.first_page_shown, timeout=10_000):
            view.model.set_query(criterion)
        view.table.viewport().repaint()  # the page is on screen, not just in the model
        gui_ms.append((time.perf_counter() - started) * 1000)
        operations.wait()
        app.processEvents()

    with qtbot.waitSignal(view.model.count_changed, timeout=60_000):
        view.model.set_query(clips.ClipFilter(date_from=date(2000, 1, 1)))  # everything: the largest result
    rows = view.model.rowCount()
    freeze_startup_heap()  # as the application does once its window shows the first page
    scroll_to = min(SCROLL_ROWS, rows - 1)
    meter = StallMeter(view)
    meter.start()
    started = time.perf_counter()
    bar = view.table.verticalScrollBar()
    row_height = view.table.verticalHeader().defaultSectionSize()
    for first_row in range(0, scroll_to, SCROLL_STEP_ROWS):
        bar.setValue(first_row if bar.maximum() < rows else first_row * row_height)
        view.table.scrollTo(view.model.index(first_row, 0))
        qtbot.wait(5)
    qtbot.waitUntil(lambda: view.model.data(view.model.index(scroll_to, 0)) is not None, timeout=30_000)
    scroll_seconds = time.perf_counter() - started
    meter.stop()
    operations.wait()

    service = _percentiles(service_ms)
    gui = _percentiles(gui_ms)
    bench_report.table(
        f"Archive browser, {kind}, {archive_fixture.clips.total:,} clips",
        ["measurement", "p50 ms", "p95 ms", "max ms", "target"],
        [
            ["filter change → first page shown (GUI)", f"{gui[0]:.1f}", f"{gui[1]:.1f}", f"{gui[2]:.1f}", "< 100"],
            ["same page via the service (baseline)", f"{service[0]:.1f}", f"{service[1]:.1f}", f"{service[2]:.1f}", ""],
            ["ratio GUI / baseline (p95)", f"{gui[0] / service[0]:.2f}", f"{gui[1] / service[1]:.2f}", "", ""],
            [f"longest event-loop stall, scrolling {scroll_to:,} rows", "", "", f"{meter.longest_ms:.1f}", "< 50"],
        ],
        [f"scrolled {scroll_to:,} of {rows:,} rows in {scroll_seconds:.1f} s ({SCROLL_STEP_ROWS} rows a step)"],
    )
    bench_report.write(
        f"browser-{kind}",
        {
            "clips": archive_fixture.clips.total,
            "filter_first_page_ms": gui_ms,
            "service_first_page_ms": service_ms,
            "scroll_rows": scroll_to,
            "scroll_longest_stall_ms": meter.longest_ms,
            "scroll_seconds": scroll_seconds,
        },
    )
    assert rows == archive_fixture.clips.total
