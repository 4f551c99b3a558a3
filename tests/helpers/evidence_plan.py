"""An export plan built directly from the dataclasses, for the tests of the package's papers (no archive:
the sheet only prints what the plan says)."""

import hashlib
from datetime import datetime, timedelta

from workstation.access.types import RequestKind, Viewing, ViewingKind
from workstation.evidence.types import (
    DerivedFile,
    ExportFormat,
    ExportPlan,
    ExportRow,
    ExportStatus,
    Handover,
    HistoryFact,
    MarkFact,
    PackageFile,
    ReceivingBody,
    WrittenFile,
)
from workstation.types import AccessBasis

EXPORT_NO = "DC-20261201-0007"
CHAIN_STAMP = "审计链头 4711:0a1b2c3d 4e5f6071 8293a4b5 c6d7e8f9 0a1b2c3d 4e5f6071 8293a4b5 c6d7e8f9"
MANIFEST_SHA256 = hashlib.sha256(b"manifest-sha256").hexdigest()
MANIFEST_SM3 = hashlib.new("sm3", b"manifest-sm3").hexdigest()
STILL = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def digest(kind: str, clip_id: int) -> str:
    return hashlib.new(kind, f"clip {clip_id}".encode()).hexdigest()


def export_row(clip_count: int = 3, handover: Handover | None = None) -> ExportRow:
    return ExportRow(
        id=7,
        export_no=EXPORT_NO,
        requester="fazhi01",
        requester_name="王喆",
        requester_unit="某市消防救援支队法制科",
        kind=RequestKind.CASE,
        selector="案件 X消行罚决字〔2026〕0815号",
        body=ReceivingBody.PROCURATORATE,
        document_ref="X检调〔2026〕12号",
        purpose="审查起诉：某商场消防设施违法案调取现场执法视音频",
        receiver="检察官 李堃",
        status=ExportStatus.COMPLETED,
        access_request_id=31,
        clip_count=clip_count,
        total_bytes=3 * 734_003_200,
        created_at=datetime(2026, 12, 1, 9, 0, 0),
        completed_at=datetime(2026, 12, 1, 9, 42, 17),
        format=ExportFormat.ISO,
        package_name=f"{EXPORT_NO}.iso",
        manifest_sha256=MANIFEST_SHA256,
        manifest_sm3=MANIFEST_SM3,
        handover=handover,
    )


def package_file(clip_id: int, package_path: str, original_name: str, marks: int = 0) -> PackageFile:
    start = datetime(2026, 11, 20, 14, 5, 9) + timedelta(hours=clip_id)
    return PackageFile(
        clip_id=clip_id,
        viewing=Viewing(100 + clip_id, clip_id, f"/media/{clip_id}.mp4", ViewingKind.EXPORT, AccessBasis.GRANT, 5),
        package_path=package_path,
        original_name=original_name,
        size_bytes=734_003_200 + clip_id,
        sha256=digest("sha256", clip_id),
        file_type="video",
        recorded_start=start,
        recorded_end=start + timedelta(minutes=12, seconds=5),
        duration_ms=725_000,
        device_no=f"DSJ-3201{clip_id:04d}",
        officer=f"张{'伟磊'[clip_id % 2]}（警号 01020{clip_id}）",
        unit="某市消防救援支队鼓楼区大队防火监督科",
        place="某商场（中山路 188 号）消防监督检查",
        case_nos=("X消行罚决字〔2026〕0815号",) if clip_id != 3 else (),
        ingested_at=start + timedelta(hours=6),
        ingest_station="鼓楼大队采集站 01",
        marks=tuple(
            MarkFact(
                65_200 * (index + 1),
                70_000 * (index + 1) if index % 2 == 0 else None,
                "重点",
                f"标注 {index}：消防通道被货物堵塞",
                "李堃",
            )
            for index in range(marks)
        ),
        history=(
            HistoryFact(start + timedelta(hours=6), "system", "clip.ingested", "入库：采集站 01 导入"),
            HistoryFact(start + timedelta(days=1), "wangzhe", "access.viewed", "调阅回放 12 分钟"),
            HistoryFact(datetime(2026, 12, 1, 9, 0, 5), "fazhi01", "evidence.exported", f"导出 {EXPORT_NO}"),
        ),
    )


def export_plan(file_count: int = 3) -> ExportPlan:
    files = [
        package_file(1, "data/DSJ_20261120140509_0001.MP4", "DSJ_20261120140509_0001.MP4", marks=2),
        package_file(2, "data/DSJ_20261120150509_0002.MP4", "DSJ_20261120150509_0002.MP4"),
        package_file(3, "data/DSJ_20261120140509_0001__3.MP4", "DSJ_20261120140509_0001.MP4", marks=1),
    ]
    files += [
        package_file(clip_id, f"data/DSJ_{clip_id:04d}.MP4", f"DSJ_{clip_id:04d}.MP4")
        for clip_id in range(4, file_count + 1)
    ]
    return ExportPlan(
        export=export_row(clip_count=file_count),
        sending_unit="某市消防救援支队",
        receiving="某市鼓楼区人民检察院（X检调〔2026〕12号）",
        extractor="赵敏（zhaomin）",
        extracted_at=datetime(2026, 12, 1, 9, 0, 0),
        chain_stamp=CHAIN_STAMP,
        approvals=("法制 王喆 2026-11-30 14:05:09 同意", "支队领导 陈建国 2026-11-30 16:20:41 同意"),
        files=tuple(files[:file_count]),
        derived=(
            DerivedFile(
                1,
                "data/derived/DSJ_20261120140509_0001_00-01-05.200.png",
                STILL,
                "截图：DSJ_20261120140509_0001.MP4 00:01:05.200 处画面",
            ),
        ),
    )


def written(plan: ExportPlan) -> tuple[WrittenFile, ...]:
    return tuple(WrittenFile(file.clip_id, file.sha256, digest("sm3", file.clip_id)) for file in plan.files)
