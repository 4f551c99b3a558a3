"""The 统计 page's 预筛查 tab against a real archive (SQLite and PostgreSQL) whose findings the pre-screen's services
wrote and a reviewer decided: the figures are the service's, the chart draws the findings per kind, a count
opens the clips behind it in the browser, and the tab exports its report."""

from dataclasses import replace

import pytest

from tests.helpers.clients import client_for
from tests.helpers.prescreen_builders import DAY
from tests.helpers.reviewed_findings import reviewed_findings
from ui.common.labels import finding_kind_name
from ui.statistics.finding_tables import DAY_ONLY_KINDS, finding_drill
from ui.statistics.view import StatisticsView
from workstation.footage.types import FOOTAGE_TYPES, ClipFilter
from workstation.prescreen.types import FINDING_KINDS, FindingStatus
from workstation.statistics.types import ReportKind, StatsQuery

KINDS, UNITS, MODELS = 0, 1, 2  # the tab's tables
CONFIRMED, PRECISION, CONFIRMED_CLIPS = 3, 5, 7  # columns of the units table (name first)


@pytest.fixture
def view(qtbot, archive, tmp_path, operations):
    reviewed_findings(archive, tmp_path)
    view = StatisticsView(client_for(archive, "admin"), operations)
    qtbot.addWidget(view)
    view.load()
    view.set_period(DAY, DAY)
    view.unit_box.setCurrentIndex(view.unit_box.findData("ZD01"))
    with qtbot.waitSignal(view.shown, check_params_cb=lambda kind: kind is ReportKind.PRESCREEN):
        view.tabs.setCurrentWidget(view.prescreen_tab)
    return view


def _cells(model) -> list[tuple[str, ...]]:
    return [model.row_at(row).cells for row in range(model.rowCount())]


def test_the_figures_are_the_services(view, archive):
    report = client_for(archive, "admin").statistics_prescreen(StatsQuery(DAY, DAY, "ZD01"))
    kinds = _cells(view.prescreen_tab.models[KINDS])
    assert [row[0] for row in kinds] == [finding_kind_name(kind) for kind in FINDING_KINDS]
    gap = kinds[FINDING_KINDS.index("gap")]
    assert gap == ("录制空档", "2", "1", "1", "0", "100.0%")
    assert kinds[FINDING_KINDS.index("overlap")][1:] == ("1", "0", "0", "1", "0.0%")
    assert kinds[FINDING_KINDS.index("covered")][1:] == ("0", "0", "0", "0", "—")
    units = _cells(view.prescreen_tab.models[UNITS])
    assert [row[0] for row in units] == [row.unit_name for row in report.units] == ["某市支队", "城东大队", "城西大队"]
    assert units[1][CONFIRMED] == "3" and units[1][CONFIRMED_CLIPS] == "2" and units[2][PRECISION] == "—"
    models = _cells(view.prescreen_tab.models[MODELS])
    assert ("DSJ-V9", "无法解码", "1", "0", "1", "0", "100.0%") in models
    assert view.headline.text().startswith("发现 ") and "准确率 75.0%" in view.headline.text()
    chart = view.prescreen_tab.chart
    assert chart.title == "各类发现数" and len(chart.bars) == len(FINDING_KINDS)
    assert chart.bars[FINDING_KINDS.index("gap")] == ("录制空档", 2.0, "2")


def test_a_count_opens_the_clips_behind_it(view, qtbot):
    tab = view.prescreen_tab
    period = ClipFilter(date_from=DAY, date_to=DAY)
    with qtbot.waitSignal(view.clips_requested) as opened:
        tab.tables[UNITS].doubleClicked.emit(tab.models[UNITS].index(1, CONFIRMED))
    on_clips = tuple(kind for kind in FINDING_KINDS if kind not in DAY_ONLY_KINDS)
    confirmed = FindingStatus.CONFIRMED
    assert opened.args == [
        replace(period, unit_code="DD01", file_types=FOOTAGE_TYPES, finding_kinds=on_clips, finding_status=confirmed)
    ]
    late = FINDING_KINDS.index("late_upload")
    with qtbot.waitSignal(view.clips_requested) as opened:
        tab.chart.bar_clicked.emit(late)  # a bar opens what its row does
    assert opened.args == [replace(period, unit_code="ZD01", file_types=FOOTAGE_TYPES, finding_kinds=("late_upload",))]
    assert finding_drill(None, ("late_upload",), FindingStatus.CONFIRMED) is None  # 待分配: no filter names it
    assert finding_drill(period, ("gap",), None) is None  # on the officer's day: no clip carries it


def test_the_tab_exports_its_report(view, tmp_path):
    view.export(tmp_path / "预筛查.html")
    page = (tmp_path / "预筛查.html").read_text(encoding="utf-8")
    assert "视音频资料智能预筛查情况统计" in page and "录制空档" in page
