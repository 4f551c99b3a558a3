"""The browser's 预筛查 column and filter on a real archive (both databases) with real scanned clips: the column
shows each clip's findings, read once per page; the filter narrows the list by kind and review status."""

from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt

from tests.helpers.builders import build_org
from tests.helpers.clients import client_for
from tests.helpers.prescreen_builders import scanned_clips
from ui.archive.filters import CLIP_FINDING_KINDS
from ui.archive.model import COLUMNS, ClipRowRole
from ui.archive.view import ArchiveView
from workstation.archive import Archive
from workstation.client.local import LocalClient
from workstation.identity import Identity
from workstation.prescreen.types import Finding

FINDINGS = COLUMNS.index("findings")


class CountingClient(LocalClient):
    """The real client, remembering each clip_findings call (the model must ask once per page, not per row)."""

    def __init__(self, archive: Archive, login: str) -> None:
        super().__init__(archive, Identity.user(login))
        self.asked: list[list[int]] = []

    def clip_findings(self, clip_ids: Sequence[int]) -> list[Finding]:
        self.asked.append(sorted(clip_ids))
        return super().clip_findings(clip_ids)


@pytest.fixture
def browser(qtbot, archive, tmp_path, operations):
    build_org(archive)
    clips = scanned_clips(archive, tmp_path, client_for(archive, "admin"))
    client = CountingClient(archive, "admin")
    view = ArchiveView(client, operations)
    qtbot.addWidget(view)
    view.load()
    return view, client, clips


def _cells(view: ArchiveView, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> dict[int, str]:
    model = view.model
    rows = [model.data(model.index(row, 0), ClipRowRole) for row in range(model.rowCount())]
    return {clip.id: model.data(model.index(number, FINDINGS), role) for number, clip in enumerate(rows)}


def _listed(qtbot, view: ArchiveView, kind_text: str, status_text: str) -> list[int]:
    view.filters.finding_kind.setCurrentIndex(view.filters.finding_kind.findText(kind_text))
    view.filters.finding_status.setCurrentIndex(view.filters.finding_status.findText(status_text))
    wanted = view.filters.current()
    qtbot.waitUntil(lambda: view.model.criteria == wanted, timeout=3000)
    return sorted(_cells(view))


def test_the_column_shows_each_clips_findings_read_once_per_page(browser):
    view, client, clips = browser
    cells = _cells(view)
    assert cells[clips.flagged] == "镜头遮挡 1 · 无声 1 — 需人工复核 2"
    assert cells[clips.clean] == "超24小时上传 1 — 需人工复核 1"
    assert cells[clips.quiet] == ""
    tooltip = _cells(view, Qt.ItemDataRole.ToolTipRole)[clips.flagged].splitlines()
    page = sorted([clips.flagged, clips.clean, clips.quiet])
    assert client.asked and all(ids == page for ids in client.asked)  # a call per page shown, never per row
    covered, silent = client.clip_findings([clips.flagged])
    assert [line.split(" · ")[0] for line in tooltip] == [
        f"镜头遮挡 00:0{covered.start_ms // 1000}–00:0{covered.end_ms // 1000}",
        f"无声 00:0{silent.start_ms // 1000}–00:{silent.end_ms // 1000:02d}",
    ]
    assert all("置信度 " in line and line.endswith("需人工复核") for line in tooltip)
    assert view.model.headerData(FINDINGS, Qt.Orientation.Horizontal) == "预筛查"


def test_the_filter_narrows_the_list_by_kind_and_review_status(qtbot, browser):
    view, client, clips = browser
    everything = sorted([clips.flagged, clips.clean, clips.quiet])
    assert _listed(qtbot, view, "预筛查：不限", "复核：不限") == everything
    assert _listed(qtbot, view, "有预筛查提示", "复核：不限") == sorted([clips.flagged, clips.clean])
    assert _listed(qtbot, view, "镜头遮挡", "复核：不限") == [clips.flagged]
    assert _listed(qtbot, view, "声音类提示", "需人工复核") == [clips.flagged]
    assert _listed(qtbot, view, "超24小时上传", "已确认") == []
    late = next(f for f in client.clip_findings([clips.clean]) if f.kind == "late_upload")
    client.decide_finding(late.id, True, "")
    assert _listed(qtbot, view, "预筛查：不限", "已确认") == [clips.clean]
    assert view.filters.current().finding_kinds == ()
    view.filters.reset()
    assert view.filters.current().finding_status is None
    view.filters.finding_kind.setCurrentIndex(1)
    assert view.filters.current().finding_kinds == CLIP_FINDING_KINDS
