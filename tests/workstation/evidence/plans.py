"""Export plans over real files for the package writer's tests (what the lead's export service hands it)."""

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from player.media.byte_source import ByteSource, FileByteSource
from workstation.access.types import RequestKind, Viewing, ViewingKind
from workstation.evidence.types import (
    DerivedFile,
    ExportFormat,
    ExportPlan,
    ExportRow,
    ExportStatus,
    HistoryFact,
    MarkFact,
    PackageFile,
    ReceivingBody,
)
from workstation.types import AccessBasis

EXTRACTED = datetime(2026, 12, 1, 9, 30, 0)


def export_row(export_id: int = 7, clip_count: int = 0, total_bytes: int = 0) -> ExportRow:
    return ExportRow(
        id=export_id,
        export_no=f"DC-20261201-{export_id:04d}",
        requester="zhangwei",
        requester_name="张伟",
        requester_unit="第1支队第1大队",
        kind=RequestKind.CLIPS,
        selector=f"{clip_count} 个文件",
        body=ReceivingBody.PROCURATORATE,
        document_ref="某检调字〔2026〕12号",
        purpose="审查起诉",
        receiver="李明",
        status=ExportStatus.WRITING,
        access_request_id=3,
        clip_count=clip_count,
        total_bytes=total_bytes,
        created_at=EXTRACTED,
        completed_at=None,
        format=ExportFormat.FOLDER,
        package_name="",
        manifest_sha256="",
        manifest_sm3="",
        handover=None,
    )


def package_file(clip_id: int, path: Path, package_path: str | None = None) -> PackageFile:
    with path.open("rb") as handle:
        sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
    return PackageFile(
        clip_id=clip_id,
        viewing=Viewing(clip_id * 10, clip_id, str(path), ViewingKind.EXPORT, AccessBasis.GRANT, 3),
        package_path=package_path or f"data/{path.name}",
        original_name=path.name,
        size_bytes=path.stat().st_size,
        sha256=sha256,
        file_type="video",
        recorded_start=EXTRACTED,
        recorded_end=None,
        duration_ms=1000,
        device_no="DSJ001",
        officer="张伟（012345）",
        unit="第1支队第1大队",
        place="",
        case_nos=("A4401002026120001",),
        ingested_at=EXTRACTED,
        ingest_station="采集站1",
        marks=(MarkFact(0, 500, "执法过程", "出示证件", "zhangwei"),),
        history=(HistoryFact(EXTRACTED, "zhangwei", "clip_ingested", "采集入库"),),
    )


def plan_of(files: Sequence[Path], export_id: int = 7, stills: int = 1, names: Sequence[str] = ()) -> ExportPlan:
    """A plan over `files` (package names `names` if given), with `stills` derived PNG stand-ins."""
    originals = tuple(
        package_file(index + 1, path, f"data/{names[index]}" if names else None) for index, path in enumerate(files)
    )
    derived = tuple(
        DerivedFile(
            1, f"data/derived/截图_{index + 1}.png", b"\x89PNG\r\n\x1a\n" + bytes([index]) * 64, "截图：第 1 秒画面"
        )
        for index in range(stills)
    )
    return ExportPlan(
        export=export_row(export_id, len(originals), sum(item.size_bytes for item in originals)),
        sending_unit="某市公安局第1支队",
        receiving="某市人民检察院（某检调字〔2026〕12号）",
        extractor="张伟（zhangwei）",
        extracted_at=EXTRACTED,
        chain_stamp="审计链 #1234 3f2a…",
        approvals=("法制 王某 2026-11-30 14:05:09 同意",),
        files=originals,
        derived=derived,
    )


def open_file(viewing: Viewing) -> ByteSource:
    """The client's media_source for local files."""
    return FileByteSource(Path(viewing.media_path))
