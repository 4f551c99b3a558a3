"""What the description sheet (电子数据提取固定清单) says, as text: one source for its Excel and PDF forms.

R9 (002 第十七条, 001 第二十九条) asks for a written description naming the producer (制作人: the officer and
the recorder that made each file), the extractor (提取人), the extraction time, the place and each file's
integrity value. The sheet prints them with the export's header (who sent it to whom under which document,
the approvals, the audit chain head, the digests of both manifests and their QR code), one line per
original, the derived copies as derived, the marks and notes on each clip and each clip's audit history.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from workstation.evidence.text import (
    DESCRIPTION_TITLE,
    MANIFEST_SHA256,
    MANIFEST_SM3,
    NONE_MARK,
    duration_text,
    position_text,
    qr_text,
    size_text,
    time_text,
)
from workstation.evidence.types import ExportPlan, PackageFile, WrittenFile

FILE_HEADERS = (
    "序号",
    "文件名（包内路径）",
    "大小",
    "录制起止 / 时长",
    "执法记录仪编号",
    "执法人员（警号）",
    "单位",
    "地点",
    "关联案件",
    "导入时间 / 采集站",
)
HASH_HEADERS = ("SHA-256", "SM3")
DERIVED_HEADERS = ("序号", "派生文件（包内路径）", "来源文件", "说明", "大小", "SHA-256")
MARK_HEADERS = ("文件序号", "文件名", "位置（起 – 止）", "类别", "标注内容", "标注人")
HISTORY_HEADERS = ("文件序号", "文件名", "时间", "操作人", "操作", "说明")

SIGNATURES = ("提取人签名：", "见证人签名：", "接收人签名：", "日期：")
NOTES = (
    "说明：data/ 下为原始文件，由档案存储逐字节复制，未经转码、剪辑或任何改动；data/derived/ 下为由原始文件制作的"
    "派生文件（截图等），仅供查看，不是原始证据，其校验值同样列于清单文件中。",
    "制作人：各原始文件由表中所列执法人员使用所列执法记录仪录制；提取人、提取时间见上。",
    "完整性校验值：SHA-256 与 SM3（GB/T 32905—2016），均以十六进制小写表示；"
    f"全部文件的校验值另列于包内 {MANIFEST_SHA256} 与 {MANIFEST_SM3}，核对方法见包内 README.txt。",
)


@dataclass(frozen=True)
class FileLine:
    """One original as printed: its facts under FILE_HEADERS, then its two hashes."""

    cells: tuple[str, ...]
    sha256: str
    sm3: str


@dataclass(frozen=True)
class SheetFacts:
    title: str
    export_no: str
    chain_stamp: str
    heading: tuple[tuple[str, str], ...]  # (label, value) pairs of the header block
    qr: str  # the QR code's text
    files: tuple[FileLine, ...]
    derived: tuple[tuple[str, ...], ...]  # rows under DERIVED_HEADERS
    marks: tuple[tuple[str, ...], ...]  # rows under MARK_HEADERS
    history: tuple[tuple[str, ...], ...]  # rows under HISTORY_HEADERS


def sheet_facts(
    plan: ExportPlan, written: Sequence[WrittenFile], manifest_sha256: str, manifest_sm3: str
) -> SheetFacts:
    """Everything the sheet prints. `written` holds the hashes of every original of the plan (by clip id)."""
    hashes = {file.clip_id: file for file in written}
    numbers = {file.clip_id: number for number, file in enumerate(plan.files, start=1)}
    names = {file.clip_id: file.package_path for file in plan.files}
    return SheetFacts(
        title=DESCRIPTION_TITLE,
        export_no=plan.export.export_no,
        chain_stamp=plan.chain_stamp,
        heading=_heading(plan, manifest_sha256, manifest_sm3),
        qr=qr_text(plan.export.export_no, manifest_sha256, manifest_sm3),
        files=tuple(_file_line(number, file, hashes[file.clip_id]) for number, file in enumerate(plan.files, start=1)),
        derived=tuple(
            (
                str(number),
                derived.package_path,
                f"{numbers[derived.clip_id]}. {names[derived.clip_id]}",
                derived.description,
                size_text(len(derived.content)),
                hashlib.sha256(derived.content).hexdigest(),
            )
            for number, derived in enumerate(plan.derived, start=1)
        ),
        marks=tuple(
            (
                str(number),
                file.package_path,
                position_text(mark.start_ms) + ("" if mark.end_ms is None else f" – {position_text(mark.end_ms)}"),
                mark.category,
                mark.note or NONE_MARK,
                mark.author,
            )
            for number, file in enumerate(plan.files, start=1)
            for mark in file.marks
        ),
        history=tuple(
            (str(number), file.package_path, time_text(event.at), event.actor, event.action, event.summary)
            for number, file in enumerate(plan.files, start=1)
            for event in file.history
        ),
    )


def _heading(plan: ExportPlan, manifest_sha256: str, manifest_sm3: str) -> tuple[tuple[str, str], ...]:
    export = plan.export
    producers = dict.fromkeys(f"{file.officer} 使用 {file.device_no}" for file in plan.files)
    places = dict.fromkeys(file.place for file in plan.files if file.place)
    return (
        ("导出编号", export.export_no),
        ("导出范围", export.selector),
        ("关联案件", case_numbers(plan)),
        ("发送单位", plan.sending_unit),
        ("接收单位", plan.receiving),
        ("文书编号", export.document_ref),
        ("用途（事由）", export.purpose),
        ("申请人", f"{export.requester_name}（{export.requester}） {export.requester_unit}"),
        ("审批", "\n".join(plan.approvals) or "本单位内部使用，依下载权限导出，无需审批"),
        ("提取人", plan.extractor),
        ("提取时间", time_text(plan.extracted_at)),
        ("制作人（执法人员 / 执法记录仪）", _first(list(producers))),
        ("地点", _first(list(places)) if places else "见文件清单"),
        ("文件", files_summary(plan)),
        ("审计链头（提取时）", plan.chain_stamp),
        (f"清单摘要 SHA-256（{MANIFEST_SHA256}）", manifest_sha256),
        (f"清单摘要 SM3（{MANIFEST_SM3}）", manifest_sm3),
    )


LISTED = 6
"""Producers and places named in the header block; more are summed up (the block stays on the first page)."""


def _first(items: list[str]) -> str:
    shown = "；".join(items[:LISTED]) or NONE_MARK
    return shown if len(items) <= LISTED else f"{shown} 等 {len(items)} 项，详见文件清单"


def case_numbers(plan: ExportPlan) -> str:
    """The cases the files are linked to, as printed."""
    return "、".join(sorted({case for file in plan.files for case in file.case_nos})) or NONE_MARK


def files_summary(plan: ExportPlan) -> str:
    total = sum(file.size_bytes for file in plan.files)
    return f"原始文件 {len(plan.files)} 个，共 {size_text(total)}；派生文件 {len(plan.derived)} 个"


def _file_line(number: int, file: PackageFile, written: WrittenFile) -> FileLine:
    recorded = "\n".join(
        (
            time_text(file.recorded_start),
            f"至 {time_text(file.recorded_end)}",
            f"时长 {duration_text(file.duration_ms)}",
        )
    )
    name = file.package_path
    if file.original_name != name.rsplit("/", 1)[-1]:
        name += f"\n（原文件名 {file.original_name}）"
    cells = (
        str(number),
        name,
        size_text(file.size_bytes),
        recorded,
        file.device_no,
        file.officer,
        file.unit or NONE_MARK,
        file.place or NONE_MARK,
        "\n".join(file.case_nos) or NONE_MARK,
        f"{time_text(file.ingested_at)}\n{file.ingest_station or NONE_MARK}",
    )
    return FileLine(cells, written.sha256, written.sm3)
