"""The 统计 page against a real archive (SQLite and PostgreSQL): a unit's figures as the services count them,
the period presets, a figure opening exactly its clips in the archive browser, and the report export."""

from datetime import date, datetime, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from sqlalchemy import select

from db.models import Clip
from tests.helpers.builders import ADMIN_PASSWORD, build_org, recorder_dump, whole_archive
from tests.helpers.clients import client_for
from ui.common import prefs
from ui.shell.main_window import MainWindow
from ui.statistics.periods import Preset, period
from ui.statistics.view import StatisticsView
from workstation import clock
from workstation.client.links import EmbeddedLink
from workstation.footage import clips
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import FOOTAGE_TYPES, ClipFilter
from workstation.identity import Identity
from workstation.statistics.types import StatsQuery
from workstation.types import FileType

pytestmark = pytest.mark.clock  # the presets are worked out from the program's clock
FIRST, LAST = date(2026, 11, 20), date(2026, 11, 21)
UNITS, OFFICERS = 0, 1  # the workload tab's tables
FILES, LATE = 2, 9  # columns of the units table: name, officers, files, …, on-time rate, late


@pytest.fixture
def preferences(tmp_path):
    return prefs.Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def stocked(archive, tmp_path):
    """Officer 010203 (DD01): 3 videos on 11-21, the first archived 25 h after it began; 010204 (DD02): 2 videos
    on 11-20. Each recorder's log file is archived too (a clip the statistics do not count as footage)."""
    build_org(archive)
    recorder_dump(tmp_path / "a", "DEV0001", "010203", datetime(2026, 11, 21, 8, 30), clips=3, seed=1)
    recorder_dump(tmp_path / "b", "DEV0002", "010204", datetime(2026, 11, 20, 9, 0), clips=2, seed=2)
    ingest(archive, [tmp_path / "a", tmp_path / "b"], IngestOptions(who=Identity.system("采集站1")))
    with archive.sessions.write() as session:
        stored = session.execute(select(Clip).order_by(Clip.recorded_start, Clip.id)).scalars().all()
        for clip in stored:
            clip.ingested_at = clip.recorded_start + timedelta(hours=2)
        late = next(clip for clip in stored if clip.original_name.startswith("DEV0001") and clip.file_type == "video")
        late.ingested_at = late.recorded_start + timedelta(hours=25)
        return late.id


def _view(qtbot, archive, operations) -> StatisticsView:
    view = StatisticsView(client_for(archive, "admin"), operations)
    qtbot.addWidget(view)
    view.load()
    view.set_period(FIRST, LAST)
    return view


def _row(model, name: str) -> int:
    return next(row for row in range(model.rowCount()) if model.row_at(row).cells[0] == name)


def test_a_units_figures_are_the_services(qtbot, archive, stocked, operations):
    view = _view(qtbot, archive, operations)
    view.unit_box.setCurrentIndex(view.unit_box.findData("ZD01"))
    report = client_for(archive, "admin").statistics_workload(StatsQuery(FIRST, LAST, "ZD01"))
    units = view.workload_tab.models[UNITS]
    assert [units.row_at(row).cells[0] for row in range(units.rowCount())] == ["某市支队", "城东大队", "城西大队"]
    east = units.row_at(_row(units, "城东大队")).cells
    assert east[FILES] == "3" == str(report.units[1].workload.clips)  # the log file is not footage
    assert east[LATE] == "1" and east[LATE - 1] == "66.7%"
    assert units.row_at(0).cells[FILES] == "5"
    officers = view.workload_tab.models[OFFICERS]
    assert {officers.row_at(row).cells[0] for row in range(officers.rowCount())} == {"010203", "010204"}
    assert view.headline.text().startswith("文件数 5（上期 0）")
    assert view.workload_tab.chart.bars[0] == ("某市支队", 5.0, "5")
    view.tabs.setCurrentIndex(1)  # 执法记录仪: read when first shown
    devices = view.devices_tab.models[0]
    assert sorted(devices.row_at(row).cells[0] for row in range(devices.rowCount())) == ["DEV0001", "DEV0002"]


def test_a_preset_sets_its_period_from_the_clock_and_refreshes(qtbot, archive, stocked, operations):
    view = _view(qtbot, archive, operations)
    assert view.workload_tab.models[UNITS].rowCount() > 0
    today = clock.now().date()
    with qtbot.waitSignal(view.shown):
        view.period_box.setCurrentIndex(view.period_box.findData(Preset.LAST_MONTH))
    assert (view.query().date_from, view.query().date_to) == period(Preset.LAST_MONTH, today)
    first_of_month = today.replace(day=1)
    assert view.query().date_to == first_of_month - timedelta(days=1) and view.query().date_from.day == 1
    with qtbot.waitSignal(view.shown):
        view.period_box.setCurrentIndex(view.period_box.findData(Preset.THIS_WEEK))
    assert view.query().date_from.weekday() == 0 and view.query().date_to == today
    with qtbot.waitSignal(view.shown):
        view.from_edit.setDate(view.from_edit.date().addDays(-1))  # a date of one's own: 自定义
    assert view.preset() is Preset.CUSTOM


def _double_click(qtbot, table, row: int, column: int) -> None:
    qtbot.waitUntil(table.isVisible)
    rect = table.visualRect(table.model().index(row, column))
    assert rect.isValid(), (row, column, table.size())
    # a real double-click begins with a click; QTest's mouseDClick sends only the second press's events
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center()))


def test_double_clicks_open_the_browser_on_exactly_the_counted_clips(
    qtbot, archive, stocked, operations, preferences, tmp_path
):
    link = EmbeddedLink(archive, tmp_path / "thumbs")
    signed_in = link.sign_in("admin", ADMIN_PASSWORD)
    window = MainWindow(link.client(signed_in), link, signed_in, "测试档案库", preferences, operations)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    window.load()
    window.navigation.setCurrentRow(list(window.sections).index("reports"))
    view = window.statistics_view
    view.set_period(FIRST, LAST)
    view.unit_box.setCurrentIndex(view.unit_box.findData("ZD01"))
    table = view.workload_tab.tables[UNITS]
    east = _row(view.workload_tab.models[UNITS], "城东大队")

    _double_click(qtbot, table, east, 0)  # the row: the unit's footage of the period
    browser = window.archive_view
    assert window.pages.currentWidget() is browser
    assert browser.model.criteria == ClipFilter(
        unit_code="DD01", date_from=FIRST, date_to=LAST, file_types=FOOTAGE_TYPES
    )
    qtbot.waitUntil(lambda: browser.model.rowCount() == 3)
    assert browser.filters.current() == browser.model.criteria  # the filter bar shows it

    window.navigation.setCurrentRow(list(window.sections).index("reports"))
    _double_click(qtbot, table, east, LATE)  # 超24小时上传: the one clip archived late
    qtbot.waitUntil(lambda: browser.model.rowCount() == 1)
    assert browser.model.criteria.uploaded_late is True
    assert browser.model.row_at(0) is not None and browser.model.row_at(0).id == stocked
    with archive.sessions.read() as session:
        logs = clips.count_clips(
            session, ClipFilter(unit_code="DD01", file_type=FileType.LOG), scope=whole_archive(session)
        )
    assert logs == 1  # in the unit, and rightly not listed


def test_export_writes_the_tabs_report_in_the_format_of_the_suffix(qtbot, archive, stocked, operations, tmp_path):
    view = _view(qtbot, archive, operations)
    view.export(tmp_path / "工作量.xlsx")
    assert "行" in view.status.text()
    workbook = openpyxl.load_workbook(tmp_path / "工作量.xlsx")
    assert workbook.sheetnames
    view.tabs.setCurrentIndex(1)
    view.export(tmp_path / "执法记录仪.html")
    assert "DEV0001" in (tmp_path / "执法记录仪.html").read_text(encoding="utf-8")
    view.export(tmp_path / "报表.pdf")
    assert view.status.text() == "请将文件命名为 .html 或 .xlsx。" and not (tmp_path / "报表.pdf").exists()
