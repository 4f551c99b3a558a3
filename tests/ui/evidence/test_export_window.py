"""导出证据… and the 证据导出 page in Chinese, against a real archive (SQLite and PostgreSQL) through the
LocalClient: an export for the own unit asked for from the browser's selection and written at once with
progress and a summary; an outside body's export sent for approval; a cancelled package resumed; an officer's
day and a case as what is exported; the page's search, handover and ledger workbook.

The package writer on this branch is a stand-in (it copies and hashes the originals); the window relies only
on run_export's contract: progress, cancel (ExportCancelled), resume at the same place, the recorded row.
"""

import hashlib
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from db.models import Clip, Officer, Unit
from tests.helpers.access_builders import AccessOrg, add_clip, add_users, build_access_org
from tests.helpers.clients import client_for
from ui.archive.view import ArchiveView
from ui.common.export_target import ExportTarget
from ui.evidence.export_dialog import ExportDialog
from ui.evidence.view import EvidenceExportsView
from ui.evidence.write_dialog import BAR_STEPS, WriteDialog, rate_text
from workstation import clock
from workstation.access.types import RequestKind
from workstation.archive import Archive
from workstation.evidence.types import ExportFormat, ExportSpec, ExportStatus, Handover, ReceivingBody
from workstation.footage.types import CaseKind
from workstation.types import Role

pytestmark = pytest.mark.clock  # the handover time and the export numbers follow the test's clock

ADMIN = "admin_zd01"  # may download 一支队's footage (D)
BIG = 3 * (1 << 20) + 12345  # several of the writer's chunks


@pytest.fixture
def org(archive: Archive) -> AccessOrg:
    """The access organisation with real originals: DD01's clip and two more of its officer's the same day (one
    of them large), and DD02's clip."""
    built = build_access_org(archive)
    add_users(archive, ((ADMIN, Role.ADMIN, "ZD01"),))
    with archive.sessions.write() as session:
        unit, officer = session.get_one(Unit, built.units["DD01"]), session.get_one(Officer, built.officers["DD01"])
        recorded = session.get_one(Clip, built.clips["DD01"]).recorded_start
        big, more = (add_clip(session, unit, officer, recorded + timedelta(hours=hour)) for hour in (1, 2))
        ids = [built.clips["DD01"], built.clips["DD02"], big, more]
        for clip in session.execute(select(Clip).where(Clip.id.in_(ids))).scalars():
            content = (f"原始文件 {clip.id} ".encode() * 300_000)[: BIG if clip.id == big else 4000 + clip.id]
            path = archive.absolute_path(clip.media_path)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            clip.sha256, clip.size_bytes = hashlib.sha256(content).hexdigest(), len(content)
    return AccessOrg(built.units, {**built.clips, "big": big, "more": more}, built.officers)


def _browser(qtbot, archive, operations) -> ArchiveView:
    view = ArchiveView(client_for(archive, ADMIN), operations)
    qtbot.addWidget(view)
    view.load()
    return view


def _dialog(qtbot, archive, operations, target: ExportTarget) -> ExportDialog:
    dialog = ExportDialog(client_for(archive, ADMIN), operations, target)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load()
    return dialog


def _fill(dialog: ExportDialog, body: ReceivingBody, document: str, out: Path | None = None) -> None:
    dialog.body_box.setCurrentIndex(dialog.body_box.findData(body))
    dialog.document.setText(document)
    dialog.purpose.setText("移送审查起诉")
    dialog.receiver.setText("李检察官")
    if out is not None:
        dialog.output.location.setText(str(out))


def _original(archive: Archive, clip_id: int) -> bytes:
    with archive.sessions.read() as session:
        return archive.absolute_path(session.get_one(Clip, clip_id).media_path).read_bytes()


def test_the_browsers_selection_is_exported_for_the_own_unit_and_written_at_once(
    qtbot, archive, org, operations, tmp_path
):
    view = _browser(qtbot, archive, operations)
    wanted = {org.clips["DD01"], org.clips["big"]}
    selection = view.table.selectionModel()
    for row in range(view.model.rowCount()):
        if view.model.row_at(row).id in wanted:
            selection.select(view.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    with qtbot.waitSignal(view.export_requested) as asked:
        view.export_selected()
    target: ExportTarget = asked.args[0]
    assert target.kind is RequestKind.CLIPS and set(target.clip_ids) == wanted

    dialog = _dialog(qtbot, archive, operations, target)
    size = sum(len(_original(archive, clip)) for clip in wanted)
    assert dialog.summary.text() == f"2 个文件，{size / 1e6:,.1f} MB"
    _fill(dialog, ReceivingBody.INTERNAL, "内部〔2026〕1号")
    dialog.submit()
    assert dialog.message.text() == "请选择证据包的保存位置。" and dialog.answer is None  # nothing asked yet

    dialog.output.location.setText(str(tmp_path))
    with qtbot.waitSignal(dialog.requested) as answered:
        dialog.submit()
    assert answered.args[0].status is ExportStatus.AUTHORISED
    writer = dialog.write_dialog
    assert writer is not None and writer.result_row is not None  # written (the operations run inline)
    qtbot.addWidget(writer)
    row = writer.result_row
    out = tmp_path / row.export_no
    assert row.status is ExportStatus.COMPLETED and writer.out == out and writer.bar.value() == BAR_STEPS
    assert writer.figures.text().startswith(f"{size / 1e6:,.1f} MB / {size / 1e6:,.1f} MB")  # the last progress
    summary = writer.summary.text().splitlines()
    assert summary[:4] == ["文件数：2", f"大小：{size / 1e6:,.1f} MB", "格式：文件夹", f"位置：{out}"]
    assert summary[4] == f"清单 SHA-256：{row.manifest_sha256}" and summary[5].startswith("校验：已校验")
    assert writer.message.text() == f"证据包 {row.export_no} 已制作完成。"
    written = sorted(path.read_bytes() for path in (out / "data").iterdir())
    assert written == sorted(_original(archive, clip) for clip in wanted)  # the originals, byte for byte


def test_an_outside_bodys_export_goes_for_approval_first(qtbot, archive, org, operations):
    target = ExportTarget.of_clips(client_for(archive, ADMIN).get_clips([org.clips["DD02"]]))
    dialog = _dialog(qtbot, archive, operations, target)
    _fill(dialog, ReceivingBody.PROCURATORATE, "检调〔2026〕7号")
    assert "法制审核" in dialog.route.text()
    with qtbot.waitSignal(dialog.requested) as answered:
        dialog.submit()  # no place to write is needed yet
    row = answered.args[0]
    assert row.status is ExportStatus.AWAITING_APPROVAL and dialog.write_dialog is None
    assert dialog.message.text() == (
        f"证据导出 {row.export_no} 已提交法制审核，再报单位负责人审批。批准后，请在“证据导出”页制作证据包。"
    )
    assert not dialog.submit_button.isEnabled()
    assert row.access_request_id in [request.id for request in client_for(archive, ADMIN).my_requests()]


def test_rate_text_gives_the_speed_and_the_time_left():
    assert rate_text(50_000_000, 150_000_000, 0, 4.0) == "12.5 MB/s，剩余约 0:08"
    assert rate_text(10_000_000, 72_010_000_000, 0, 1.0) == "10.0 MB/s，剩余约 2:00:00"
    assert rate_text(5, 10, 0, 0.1) == ""  # too early to tell


def _expand(qtbot, tree, item, text: str):
    """The child of `item` whose text starts with `text`, after opening `item` (its children load then)."""
    tree.expand(item.index())
    qtbot.waitUntil(lambda: any(item.child(row).text().startswith(text) for row in range(item.rowCount())))
    return next(item.child(row) for row in range(item.rowCount()) if item.child(row).text().startswith(text))


def test_an_officers_day_and_a_case_are_exported_from_the_browser(qtbot, archive, org, operations):
    view = _browser(qtbot, archive, operations)
    tree = view.tree
    corps = tree.tree_model.item(0)
    detachment = _expand(qtbot, tree, corps, "一支队")
    brigade = _expand(qtbot, tree, detachment, "城东大队")
    officer = _expand(qtbot, tree, brigade, "民警DD01")
    with archive.sessions.read() as session:
        day = session.get_one(Clip, org.clips["DD01"]).recorded_start.date()
    day_item = _expand(qtbot, tree, officer, day.isoformat())
    assert not tree.request_day_export(officer.index())  # only a day is exported from the tree
    with qtbot.waitSignal(view.export_requested) as asked:
        assert tree.request_day_export(day_item.index())
    target: ExportTarget = asked.args[0]
    assert (target.kind, target.badge_no, target.period_end - target.period_start) == (
        RequestKind.OFFICER,
        "9DD01",
        timedelta(days=1),
    )
    sizes = [len(_original(archive, org.clips[key])) for key in ("DD01", "big", "more")]
    assert _dialog(qtbot, archive, operations, target).summary.text() == f"3 个文件，{sum(sizes) / 1e6:,.1f} MB"

    view.link_case([org.clips["DD01"]], "A2026001", CaseKind.CASE, "张某", "王某", "")
    row = next(row for row in range(view.model.rowCount()) if view.model.row_at(row).id == org.clips["DD01"])
    view.select_row(row)
    titles = [action.text() for action in view.detail.export_menu.actions()]
    assert titles == ["所选文件…", "A2026001 的全部文件…"]
    with qtbot.waitSignal(view.export_requested) as asked:
        view.detail.export_menu.actions()[1].trigger()
    case: ExportTarget = asked.args[0]
    assert (case.kind, case.case_no) == (RequestKind.CASE, "A2026001")
    dialog = _dialog(qtbot, archive, operations, case)
    assert dialog.summary.text() == f"1 个文件，{sizes[0] / 1e3:,.0f} KB"
    _fill(dialog, ReceivingBody.COURT, "法调1")
    with qtbot.waitSignal(dialog.requested) as answered:
        dialog.submit()
    assert answered.args[0].selector == "案件 A2026001" and answered.args[0].clip_count == 1


def _internal(archive, *clips: int, document: str):
    spec = ExportSpec(RequestKind.CLIPS, ReceivingBody.INTERNAL, document, "内部复核", clip_ids=clips)
    return client_for(archive, ADMIN).request_evidence_export(spec)


def test_a_cancelled_package_leaves_nothing_at_its_place_and_the_next_run_completes_it(
    qtbot, archive, org, operations, tmp_path, monkeypatch
):
    # every progress report reaches the bar, so that one arrives mid-way however fast the machine writes
    monkeypatch.setattr("ui.evidence.write_dialog.PROGRESS_INTERVAL_S", 0.0)
    row = _internal(archive, org.clips["big"], org.clips["DD02"], document="内部〔2026〕2号")
    out = tmp_path / f"{row.export_no}.zip"
    writer = WriteDialog(client_for(archive, ADMIN), operations, row, out, ExportFormat.ZIP)
    qtbot.addWidget(writer)
    writer.show()
    shown: list[int] = []

    def cancel_midway(value: int) -> None:
        shown.append(value)
        if 0 < value < BAR_STEPS:
            writer.reject()  # Cancel while the writer runs: it stops at its next chunk

    writer.bar.valueChanged.connect(cancel_midway)
    writer.start()
    assert any(0 < value < BAR_STEPS for value in shown) and writer.result_row is None and not writer.running
    assert not out.exists()  # no package at the place chosen
    assert writer.message.text() == "已取消。证据包未制作完成；再次导出到同一位置即可从中断处继续。"
    assert writer.resume.isVisible() and writer.isVisible()
    [listed] = client_for(archive, ADMIN).evidence_exports("内部〔2026〕2号", 10)
    assert listed.status is ExportStatus.WRITING  # started, not recorded

    writer.bar.valueChanged.disconnect(cancel_midway)
    writer.resume.click()  # 继续制作: the same export, the same place
    assert writer.result_row is not None and writer.result_row.status is ExportStatus.COMPLETED
    assert out.is_file() and writer.result_row.format is ExportFormat.ZIP
    assert "格式：ZIP" in writer.summary.text()


def test_the_page_lists_searches_writes_records_a_handover_and_exports_the_ledger(
    qtbot, archive, org, operations, tmp_path
):
    first = _internal(archive, org.clips["DD01"], document="甲-1")
    second = _internal(archive, org.clips["DD02"], document="乙-2")
    view = EvidenceExportsView(client_for(archive, ADMIN), operations)
    qtbot.addWidget(view)
    view.show()
    view.load()
    assert [view.model.index(row, 0).data() for row in range(2)] == [second.export_no, first.export_no]
    assert (
        view.model.index(1, 2).data() == "本单位（内部使用） 甲-1" and view.model.index(1, 6).data() == "已授权，未制作"
    )
    view.search.setText("甲")
    view.load()
    assert view.model.rowCount() == 1 and view.model.row_at(0).id == first.id

    view.select(first.id)
    assert view.write_button.isEnabled() and not view.handover_button.isEnabled()
    writer = view.write_selected((tmp_path / first.export_no, ExportFormat.FOLDER))
    assert writer is not None and writer.result_row is not None
    qtbot.addWidget(writer)
    assert view.model.index(0, 6).data() == "已完成" and view.model.index(0, 8).data() == "文件夹"
    assert view.model.index(0, 7).data()  # when it was completed
    assert view.handover_button.isEnabled() and not view.write_button.isEnabled()

    received = clock.now().replace(second=0)
    view.record_handover(Handover("光盘", "李检察官（市检察院）", received, "一式两份"))
    assert view.message.text() == f"已登记 {first.export_no} 的移交。"
    assert (view.model.index(0, 9).data(), view.model.index(0, 10).data()) == ("光盘", "李检察官（市检察院）")
    [recorded] = client_for(archive, ADMIN).evidence_exports("甲", 10)
    assert recorded.handover == Handover("光盘", "李检察官（市检察院）", received, "一式两份")

    view.search.clear()
    view.load()
    ledger = tmp_path / "导出登记.xlsx"
    view.export_ledger(ledger)
    assert view.message.text() == f"已将 2 条导出记录写入 {ledger}"
    sheet = openpyxl.load_workbook(ledger).active
    cells = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert {first.export_no, second.export_no} <= cells
