"""The draw bar's option "add clips with pre-screen findings" (issue 17), in Chinese, on a copy of the demo
archive whose last day's clips carry confirmed `covered` findings: the count is off until the box is ticked,
the plan table shows how many clips were added, and the sample marks them with their finding kinds."""

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import Clip, PrescreenFinding
from tests.helpers.clients import client_for
from tests.helpers.spotcheck_builders import demo_copy, demo_last_day
from ui.spotcheck.view import SpotCheckView
from workstation.spotcheck.types import Selection
from workstation.types import FileType

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

TIMEOUT = 15_000
ADDED_COLUMN, DRAWN_AS_COLUMN = 7, 6


@pytest.fixture
def demo(tmp_path):
    archive = demo_copy(tmp_path / "demo")
    day = demo_last_day()
    start = datetime.combine(day, time.min)
    with archive.sessions.write() as session:
        clips = session.execute(
            select(Clip.id, Clip.unit_id, Clip.officer_id).where(
                Clip.recorded_start >= start,
                Clip.recorded_start < start + timedelta(days=1),
                Clip.file_type.in_((FileType.VIDEO, FileType.AUDIO)),
            )
        ).all()
        for clip_id, unit_id, officer_id in clips:
            session.add(
                PrescreenFinding(
                    key=f"test:covered:{clip_id}",
                    kind="covered",
                    clip_id=clip_id,
                    officer_id=officer_id,
                    unit_id=unit_id,
                    day=day,
                    start_ms=0,
                    end_ms=4000,
                    confidence=0.9,
                    found_at=start,
                    status="confirmed",
                    decided_by="reviewer",
                    decided_at=start,
                )
            )
    yield archive
    archive.close()


def test_the_draw_option_adds_marked_clips(qtbot, demo, operations):
    view = SpotCheckView(client_for(demo, "admin"), operations)
    qtbot.addWidget(view)
    view.resize(1700, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
        view.load()
    if view.day() != demo_last_day():
        with qtbot.waitSignal(view.loaded, timeout=TIMEOUT):
            view.day_edit.setDate(demo_last_day())
    assert view.findings_box.text() == "另加抽有预筛查提示的文件，至多："
    assert not view.findings_spin.isEnabled() and view.spec().findings_extra == 0  # off until ticked
    qtbot.mouseClick(view.findings_box, Qt.MouseButton.LeftButton)
    assert view.findings_spin.isEnabled()
    view.findings_spin.setValue(1)
    assert view.spec().findings_extra == 1

    with qtbot.waitSignal(view.plans_drawn, timeout=TIMEOUT) as drawn:
        qtbot.mouseClick(view.draw_button, Qt.MouseButton.LeftButton)
    plans = [outcome.plan for outcome in drawn.args[0]]
    assert [plan.findings_count for plan in plans] == [1, 1, 1]  # every clip of the day has a confirmed finding
    assert view.status.text().endswith("另有 3 个文件因预筛查提示加抽。")
    assert view.plan_model.headerData(ADDED_COLUMN, Qt.Orientation.Horizontal) == "预筛查加抽"
    assert view.plan_model.index(0, ADDED_COLUMN).data() == "1（至多 1）"

    view.tabs.setCurrentIndex(1)
    view.plan_table.selectRow(0)
    rows = [view.sample_model.row(n) for n in range(view.sample_model.rowCount())]
    added = [n for n, row in enumerate(rows) if row.selection is Selection.PRESCREEN]
    assert len(added) == 1 and len(rows) == plans[0].sample_count + 1
    assert view.sample_model.index(added[0], DRAWN_AS_COLUMN).data() == "预筛查加抽：镜头遮挡"
    assert {view.sample_model.index(n, DRAWN_AS_COLUMN).data() for n in range(len(rows)) if n not in added} <= {
        "随机抽取",
        "首段",
    }
