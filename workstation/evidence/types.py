"""What the evidence-export services take and return (issue 15, R9): export requests, the package plan the
writer works from, the writer's outcome, the retained copy record (导出登记), and a package's verification."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workstation.access.types import RequestKind, Viewing


class ReceivingBody(StrEnum):
    """Who receives the package. The outside bodies go through approval (legal review, then the head, 002
    第十八条); an export for use inside the unit is decided by the download right (D) alone."""

    PROCURATORATE = "procuratorate"  # 人民检察院
    COURT = "court"  # 人民法院
    SUPERVISION = "supervision"  # 纪检监察
    JUSTICE = "justice"  # 司法行政机关
    INTERNAL = "internal"  # 本单位（办案、复核）


class ExportFormat(StrEnum):
    FOLDER = "folder"  # a folder, e.g. straight onto a removable drive
    ZIP = "zip"  # one .zip file (stored, not compressed: the originals byte for byte)
    ISO = "iso"  # an ISO 9660 + Joliet + UDF disc image, for burning


class ExportStatus(StrEnum):
    AWAITING_APPROVAL = "awaiting_approval"  # an outside body's export: its viewing request is being decided
    AUTHORISED = "authorised"  # may be written (approved, or the download right decided)
    WRITING = "writing"  # started (register entries open); a killed run goes on from here
    COMPLETED = "completed"  # the package was written, verified and recorded
    REFUSED = "refused"  # the approval was rejected or revoked


@dataclass(frozen=True)
class ExportSpec:
    """What to export (files, an officer's period or a case), for whom, under which document."""

    kind: RequestKind
    body: ReceivingBody
    document_ref: str  # the receiving body's document (调取证据通知书 …) number; required
    purpose: str  # 用途/事由; required
    clip_ids: tuple[int, ...] = ()
    badge_no: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None  # exclusive
    case_no: str | None = None
    receiver: str = ""  # the receiving person (接收人), if known when asking


@dataclass(frozen=True)
class Handover:
    """How the package left the archive: on which medium, to whom, when (the retained copy record)."""

    medium: str  # 光盘 / U盘 / 移动硬盘 …
    received_by: str  # name (and unit) of the person who received it
    received_at: datetime
    note: str = ""


@dataclass(frozen=True)
class ExportRow:
    """One export: its request, status, and once written the retained copy record (导出登记)."""

    id: int
    export_no: str  # printed on every sheet, e.g. DC-20261201-0007
    requester: str  # login
    requester_name: str
    requester_unit: str
    kind: RequestKind
    selector: str  # what was asked for, in words: "3 个文件" / "警号 012345 2026-11-20 至 2026-11-22" / 案件号
    body: ReceivingBody
    document_ref: str
    purpose: str
    receiver: str
    status: ExportStatus
    access_request_id: int | None  # the viewing request carrying the approval (outside bodies)
    clip_count: int
    total_bytes: int
    created_at: datetime
    completed_at: datetime | None
    format: ExportFormat | None
    package_name: str  # the folder or file name written (no directories: the medium is the user's)
    manifest_sha256: str  # SHA-256 of manifest-sha256.txt, as printed in the QR code
    manifest_sm3: str  # SM3 of manifest-sm3.txt
    handover: Handover | None


@dataclass(frozen=True)
class MarkFact:
    """A mark or note on a clip as printed in the description sheet."""

    start_ms: int
    end_ms: int | None
    category: str  # the category's Chinese name
    note: str
    author: str


@dataclass(frozen=True)
class HistoryFact:
    """One audit event of a clip (its history in the archive) as printed."""

    at: datetime
    actor: str
    action: str  # the audit action code
    summary: str  # a short Chinese description


@dataclass(frozen=True)
class PackageFile:
    """One original in the package, with every fact the description sheet prints about it."""

    clip_id: int
    viewing: Viewing  # the open register entry (kind EXPORT) its bytes are read under
    package_path: str  # relative to the package root, "/"-separated, under data/
    original_name: str
    size_bytes: int
    sha256: str  # the archive's hash: the bytes read must have it
    file_type: str
    recorded_start: datetime
    recorded_end: datetime | None
    duration_ms: int | None
    device_no: str  # 执法记录仪编号 (producer)
    officer: str  # 姓名（警号）
    unit: str
    place: str  # where, as far as the archive knows (the linked case's title), else ""
    case_nos: tuple[str, ...]
    ingested_at: datetime
    ingest_station: str
    marks: tuple[MarkFact, ...]
    history: tuple[HistoryFact, ...]


@dataclass(frozen=True)
class DerivedFile:
    """A copy made from an original (a still frame): labelled, under data/derived/, never mistaken for one."""

    clip_id: int
    package_path: str  # under data/derived/
    content: bytes
    description: str  # e.g. "截图：DSJ_…MP4 00:01:05.200 处画面"


@dataclass(frozen=True)
class ExportPlan:
    """Everything the package writer needs, fixed when the export starts (the chain head included)."""

    export: ExportRow
    sending_unit: str  # the extractor's unit (发送单位)
    receiving: str  # the receiving body's name with its document number
    extractor: str  # 提取人: name (login)
    extracted_at: datetime  # the time the export started (提取时间)
    chain_stamp: str  # the audit chain head as printed (workstation.export_stamp)
    approvals: tuple[str, ...]  # the approval steps in words ("法制 王某 2026-11-22 14:05:09 同意"); () if internal
    files: tuple[PackageFile, ...]
    derived: tuple[DerivedFile, ...]


@dataclass(frozen=True)
class WrittenFile:
    """What the writer read and wrote for one original."""

    clip_id: int
    sha256: str
    sm3: str


@dataclass(frozen=True)
class PackageOutcome:
    """What the writer reports when the package is complete and verified."""

    format: ExportFormat
    package_name: str
    files: tuple[WrittenFile, ...]
    manifest_sha256: str
    manifest_sm3: str
    payload_bytes: int


class Finding(StrEnum):
    """What `evidence verify` found wrong with one path of a package."""

    CHANGED = "changed"  # its bytes do not have the hash the manifest lists
    MISSING = "missing"  # listed in a manifest, not in the package
    EXTRA = "extra"  # in the payload, listed in no manifest
    MANIFEST_MISMATCH = "manifest_mismatch"  # the two manifests do not list the same files
    MALFORMED = "malformed"  # a manifest or tag file that cannot be read as one


@dataclass(frozen=True)
class VerificationProblem:
    path: str
    finding: Finding
    detail: str = ""


@dataclass(frozen=True)
class PackageVerification:
    """The result of re-hashing a package against both manifests (and the tag manifest)."""

    files_checked: int
    bytes_checked: int
    problems: tuple[VerificationProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems
