"""The description sheet (提取固定清单.xlsx / .pdf) read back as a receiver reads it: every required fact of
every file present, the hashes whole, the QR code scanning to the manifests' digests, the PDF at ≥ 9 pt
with no text over other text, the workbook set up to print on A4."""

import itertools
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.evidence_plan import EXPORT_NO, MANIFEST_SHA256, MANIFEST_SM3, export_plan, written
from tests.workstation.evidence.pdf_reading import (
    font_sizes,
    pdf_text,
    printed_points,
    read_qr,
    render,
    squeezed,
    words,
)
from workstation.evidence import fonts
from workstation.evidence.errors import EvidenceError
from workstation.evidence.sheet import write_description
from workstation.evidence.sheet_xlsx import FILE_COLUMNS, FILES_SHEET, HEADING_SHEET
from workstation.evidence.text import duration_text, qr_text, size_text, time_text
from workstation.evidence.types import ExportPlan, PackageFile

QR = qr_text(EXPORT_NO, MANIFEST_SHA256, MANIFEST_SM3)


def _write(plan: ExportPlan, folder: Path) -> tuple[Path, Path]:
    names = write_description(plan, written(plan), MANIFEST_SHA256, MANIFEST_SM3, folder)
    assert names == ("提取固定清单.xlsx", "提取固定清单.pdf")
    return folder / names[0], folder / names[1]


def _file_facts(file: PackageFile) -> list[str]:
    """What R9 and the 清单 ask to see of one original (the hashes come from `written`)."""
    return [
        file.package_path,
        size_text(file.size_bytes),
        time_text(file.recorded_start),
        time_text(file.recorded_end),
        duration_text(file.duration_ms),
        file.device_no,
        file.officer,
        file.unit,
        file.place,
        *file.case_nos,
        time_text(file.ingested_at),
        file.ingest_station,
    ]


def _plan_facts(plan: ExportPlan) -> list[str]:
    return [
        plan.export.export_no,
        plan.sending_unit,
        plan.receiving,
        plan.export.document_ref,
        plan.export.purpose,
        plan.extractor,
        time_text(plan.extracted_at),
        *plan.approvals,
        plan.chain_stamp,
        MANIFEST_SHA256,
        MANIFEST_SM3,
        *(mark.note for file in plan.files for mark in file.marks),
        *(event.summary for file in plan.files for event in file.history),
        *(event.action for file in plan.files for event in file.history),
        *(derived.package_path for derived in plan.derived),
        *(derived.description for derived in plan.derived),
        "提取人签名",
        "见证人签名",
        "接收人签名",
    ]


def test_the_pdf_states_every_fact_and_hash(tmp_path):
    plan = export_plan()
    _, pdf = _write(plan, tmp_path)
    text = squeezed(pdf_text(pdf))
    hashes = [value for file in written(plan) for value in (file.sha256, file.sm3)]
    for fact in [*_plan_facts(plan), *(fact for file in plan.files for fact in _file_facts(file)), *hashes]:
        assert squeezed(fact) in text, fact
    assert "派生文件（由原始文件制作，不是原始证据）" in text
    assert sorted(tmp_path.iterdir()) == sorted([tmp_path / "提取固定清单.xlsx", pdf])  # no partial file left


def test_the_pdf_prints_at_9_points_or_more_with_no_text_over_other_text(tmp_path):
    plan = export_plan(file_count=40)  # several pages of the file list
    _, pdf = _write(plan, tmp_path)
    assert min(font_sizes(pdf)) >= 9
    boxes = words(pdf, tmp_path)
    pages = {word.page for word in boxes}
    assert len(pages) >= 4
    for page in pages:
        on_page = sorted((word for word in boxes if word.page == page), key=lambda word: word.x0)
        clashes = [
            (a.text, b.text)
            for a, b in itertools.combinations(on_page, 2)
            if b.x0 < a.x1 and a.overlaps(b)  # sorted by x0: b starts after a
        ]
        assert not clashes, f"page {page}: {clashes[:5]}"
    hashes = {file.sha256 for file in plan.files}
    for page in {word.page for word in boxes if word.text in hashes}:  # the header rows on every page of the list
        assert any(word.text.startswith("完整性校验值") for word in boxes if word.page == page), page
    for file in plan.files:  # each file's two rows on one page: its name and its hashes together
        name_pages = {word.page for word in boxes if file.package_path.rsplit("/", 1)[-1][:12] in word.text}
        hash_pages = {word.page for word in boxes if word.text == file.sha256}
        assert hash_pages <= name_pages and len(hash_pages) == 1, file.package_path


def test_the_qr_code_scans_to_the_manifests_digests(tmp_path):
    workbook, pdf = _write(export_plan(), tmp_path)
    first_page = render(pdf, tmp_path, dpi=150)[0]
    assert read_qr(first_page) == [QR]
    with zipfile.ZipFile(workbook) as archive:
        images = [name for name in archive.namelist() if name.startswith("xl/media/")]
        assert len(images) == 1
        (tmp_path / "qr.png").write_bytes(archive.read(images[0]))
    assert read_qr(tmp_path / "qr.png") == [QR]


def test_the_workbook_holds_every_fact_and_prints_on_a4(tmp_path):
    plan = export_plan()
    workbook_path, _ = _write(plan, tmp_path)
    workbook = openpyxl.load_workbook(workbook_path)
    assert workbook.sheetnames == ["基本情况", "文件清单", "派生文件", "标注与说明", "审计记录"]
    everything = ""
    for sheet in workbook.worksheets:
        assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$2"
        assert plan.chain_stamp in sheet.oddHeader.right.text
        for row in sheet.iter_rows(min_row=3, max_row=sheet.max_row):
            if any(cell.value not in (None, "") for cell in row):
                assert sheet.row_dimensions[row[0].row].height, f"{sheet.title} row {row[0].row} has no height"
        everything += "".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None)
    for fact in _plan_facts(plan):
        assert squeezed(fact) in squeezed(everything), fact
    files = workbook[FILES_SHEET]
    rows = [[cell.value for cell in row] for row in files.iter_rows(min_row=3, max_row=2 + len(plan.files))]
    for number, (file, hashes, row) in enumerate(zip(plan.files, written(plan), rows, strict=True), start=3):
        cells = squeezed("".join(str(value) for value in row))
        for fact in _file_facts(file):
            assert squeezed(fact) in cells, fact
        assert squeezed(row[-2]) == hashes.sha256 and squeezed(row[-1]) == hashes.sm3
        lines = max(str(value).count("\n") + 1 for value in row)
        assert files.row_dimensions[number].height >= lines * 12  # wrapped lines fit their row
    assert files[f"K{3}"].font.name == "Courier New"
    assert len(workbook[HEADING_SHEET]._images) == 1


def test_the_file_list_prints_at_9_points_or_more():
    assert printed_points(FILE_COLUMNS) >= 9


def test_no_chinese_truetype_font_is_a_clear_error_and_writes_nothing(tmp_path, monkeypatch):
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # PostScript outlines: unusable
    assert noto.is_file()
    monkeypatch.setattr(fonts, "candidate_paths", lambda: [noto])
    fonts._registered.cache_clear()
    try:
        with pytest.raises(EvidenceError) as raised:
            write_description(export_plan(), (), MANIFEST_SHA256, MANIFEST_SM3, tmp_path)
    finally:
        fonts._registered.cache_clear()
    assert raised.value.code == "export_no_cjk_font"
    assert str(noto) in str(raised.value.data["searched"])
    assert list(tmp_path.iterdir()) == []


def test_the_font_found_here_is_embedded(tmp_path):
    assert fonts.candidate_paths()  # tools/setup.sh installs fonts-wqy-microhei
    _, pdf = _write(export_plan(file_count=1), tmp_path)
    assert b"/FontFile2" in pdf.read_bytes()  # an embedded TrueType font program
