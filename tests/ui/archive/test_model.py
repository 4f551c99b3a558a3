"""The paged clip model on more rows than one page: first page first, then the count, pages on demand."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from db.models import Clip
from tests.helpers.builders import build_org
from tests.helpers.clients import client_for
from ui.archive.model import COLUMNS, PAGE_ROWS, ClipPageModel, ClipRowRole
from workstation import clock
from workstation.footage import clips

ROWS = 2 * PAGE_ROWS + 50


def _bulk_clips(archive) -> None:
    """Rows without media: the model must page them, thumbnails simply stay empty."""
    start = datetime(2026, 11, 1, 8, 0)
    with archive.sessions.write() as session:
        for number in range(ROWS):
            session.add(
                Clip(
                    sha256=f"{number:064x}",
                    file_type="video",
                    original_name=f"DEV0001_010203_{start + timedelta(minutes=number):%Y%m%d%H%M%S}_{number:04d}.MP4",
                    media_path=f"DD01/010203/x/{number}.MP4",
                    size_bytes=1000 + number,
                    unit_id=None,
                    recorded_start=start + timedelta(minutes=number),
                    duration_ms=60_000,
                    ingested_at=clock.now(),
                    ingest_station="test",
                    name_pattern="gat947",
                )
            )


def test_pages_load_on_demand_after_the_first_page_and_the_count(
    qtbot, qtmodeltester, archive, tmp_path, threaded_operations
):
    """On the real threads: a page is requested by reading a row, and arrives later."""
    build_org(archive)
    _bulk_clips(archive)
    model = ClipPageModel(client_for(archive, "admin"), threaded_operations)

    with qtbot.waitSignal(model.first_page_shown, timeout=5000):
        model.set_query(clips.ClipFilter())
    assert model.rowCount() == PAGE_ROWS
    qtbot.waitUntil(lambda: model.rowCount() == ROWS, timeout=5000)

    assert model.data(model.index(ROWS - 1, 0)) is None, "not loaded yet: requested"
    qtbot.waitUntil(lambda: model.data(model.index(ROWS - 1, 0)) == "2026-11-01 08:00:00", timeout=5000)
    assert model.data(model.index(PAGE_ROWS, 0), ClipRowRole) is None
    qtbot.waitUntil(lambda: model.data(model.index(PAGE_ROWS, 0), ClipRowRole) is not None, timeout=5000)
    newest_first = [model.data(model.index(row, 0), ClipRowRole).recorded_start for row in range(PAGE_ROWS + 10)]
    assert newest_first == sorted(newest_first, reverse=True)
    qtmodeltester.check(model)

    with qtbot.waitSignal(model.first_page_shown, timeout=5000):
        model.sort(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)  # by file name
    assert model.data(model.index(0, COLUMNS.index("name"))).endswith("_0000.MP4")
