"""README.txt's text and the retained copy record (导出登记) workbook, read back."""

import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl

from tests.helpers.evidence_plan import EXPORT_NO, MANIFEST_SHA256, MANIFEST_SM3, export_plan, export_row
from tests.workstation.evidence.pdf_reading import printed_points
from workstation.evidence.export_ledger import LEDGER_COLUMNS, LEDGER_SHEET
from workstation.evidence.sheet import readme_text, write_export_ledger
from workstation.evidence.types import ExportStatus, Handover


def test_the_readme_says_what_the_package_is_and_how_to_check_it():
    plan = export_plan()
    text = readme_text(plan, MANIFEST_SHA256, MANIFEST_SM3)
    assert text.startswith("\ufeff")  # Notepad of Windows 7 reads UTF-8 as GBK without it
    assert "\n" not in text.replace("\r\n", "")  # CRLF only
    for fact in (
        EXPORT_NO,
        plan.sending_unit,
        plan.receiving,
        plan.export.document_ref,
        plan.extractor,
        "X消行罚决字〔2026〕0815号",
        MANIFEST_SHA256,
        MANIFEST_SM3,
        plan.chain_stamp,
        "data/derived/",
        "不是原始证据",
        "python verify_package.py",
        "workstation evidence verify",
        "certutil -hashfile",
        "sha256sum -c manifest-sha256.txt",
        "gmssl sm3",
        "openssl dgst -sm3",
        "发送单位联系",
    ):
        assert fact in text, fact


def test_the_sha256sum_check_the_readme_gives_works(tmp_path):
    """The by-hand check as written: run in the package root against a manifest of data/ paths."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.MP4").write_bytes(b"footage")
    digest = subprocess.run(
        ["sha256sum", "data/a.MP4"], cwd=tmp_path, capture_output=True, text=True, check=True
    ).stdout.split()[0]
    (tmp_path / "manifest-sha256.txt").write_text(f"{digest}  data/a.MP4\n", encoding="utf-8")
    command = next(line for line in readme_text(export_plan(), "", "").splitlines() if "sha256sum -c" in line)
    assert "sha256sum -c manifest-sha256.txt" in command
    checked = subprocess.run(["sha256sum", "-c", "manifest-sha256.txt"], cwd=tmp_path, capture_output=True, text=True)
    assert checked.returncode == 0 and "data/a.MP4: OK" in checked.stdout


def _ledger_rows():
    handed = export_row(handover=Handover("光盘", "检察官 李堃（鼓楼区人民检察院）", datetime(2026, 12, 2, 10, 30, 0)))
    waiting = export_row()
    pending = export_row(clip_count=0)
    return [
        handed,
        replace(waiting, id=8, export_no="DC-20261201-0008"),
        replace(
            pending,
            id=9,
            export_no="DC-20261202-0001",
            status=ExportStatus.AWAITING_APPROVAL,
            completed_at=None,
            format=None,
            manifest_sha256="",
            manifest_sm3="",
        ),
    ]


def test_the_export_ledger_records_what_went_where(tmp_path):
    rows = _ledger_rows()
    stamp = "审计链头 4711:0a1b2c3d 4e5f6071 8293a4b5 c6d7e8f9 0a1b2c3d 4e5f6071 8293a4b5 c6d7e8f9"
    path = tmp_path / "导出登记.xlsx"
    assert write_export_ledger(rows, stamp, path) == 3
    assert [entry.name for entry in tmp_path.iterdir()] == [path.name]  # no partial file left
    sheet = openpyxl.load_workbook(path)[LEDGER_SHEET]
    assert [cell.value for cell in sheet[2]] == [column.header for column in LEDGER_COLUMNS]
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.print_title_rows == "$1:$2"
    assert sheet.oddHeader.right.text == stamp
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3, max_row=5)]
    first = dict(zip([column.header for column in LEDGER_COLUMNS], values[0], strict=True))
    assert first["导出编号"] == EXPORT_NO and first["接收单位"] == "人民检察院"
    assert first["文书编号"] == "X检调〔2026〕12号" and first["状态"] == "已完成" and first["格式"] == "光盘镜像（ISO）"
    assert first["介质"] == "光盘" and first["接收人"].startswith("检察官 李堃")
    assert first["移交时间"] == datetime(2026, 12, 2, 10, 30) and first["完成时间"] == datetime(2026, 12, 1, 9, 42, 17)
    assert "".join(first["清单摘要（SHA-256）"].split()) == MANIFEST_SHA256
    assert first["申请人 / 单位"].startswith("王喆（fazhi01）")
    assert values[1][11] is None and values[1][12] == "检察官 李堃"  # not handed over yet: the receiver asked for
    assert values[2][9] == "待审批" and values[2][14] is None
    for number in (3, 4, 5):
        assert sheet.row_dimensions[number].height
    assert any(stamp == cell.value for row in sheet.iter_rows(min_row=6) for cell in row)
    assert printed_points(LEDGER_COLUMNS) >= 9


def test_an_empty_ledger_is_a_table_with_its_stamp(tmp_path):
    path = Path(tmp_path) / "导出登记.xlsx"
    assert write_export_ledger([], "审计链头 1:00000000", path) == 0
    sheet = openpyxl.load_workbook(path)[LEDGER_SHEET]
    assert sheet["A1"].value.startswith("执法记录仪声像资料证据导出登记")
