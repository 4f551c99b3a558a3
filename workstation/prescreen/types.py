"""Types of the pre-screen area (issue 17): finding kinds with stable codes, their review status, and a finding."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from player.media.prescreen.types import MediaFindingKind


class DayFindingKind(StrEnum):
    """What the archive's records show about an officer's day (no media decoding needed)."""

    GAP = "gap"  # no recording between two clips during a shift
    OVERLAP = "overlap"  # two clips of one officer overlap in time
    ABNORMAL_END = "abnormal_end"  # the recorder log shows 异常中断 at the clip's end
    LOW_BATTERY_END = "low_battery_end"  # the recorder log shows 电量低 at the clip's end
    LATE_UPLOAD = "late_upload"  # docked more than 24 h after recording
    NO_CASE_LINK = "no_case_link"  # a day of footage with no clip linked to a case
    CLOCK_DRIFT = "clock_drift"  # the recorder's clock drifts beyond the threshold


FINDING_KIND_NAMES = {
    "covered": "镜头遮挡",
    "dark": "画面过暗",
    "frozen": "画面冻结",
    "silent": "无声",
    "clipped": "声音失真",
    "undecodable": "无法解码",
    "gap": "录制空档",
    "overlap": "录制重叠",
    "abnormal_end": "异常中断结束",
    "low_battery_end": "电量低结束",
    "late_upload": "超24小时上传",
    "no_case_link": "全天未关联警情",
    "clock_drift": "时钟漂移",
}
"""Each kind as the Chinese documents print it (the check ledger, the reports); the window translates its own
names (ui.common.labels.finding_kind_name)."""

FINDING_KINDS: tuple[str, ...] = tuple(k.value for k in MediaFindingKind) + tuple(k.value for k in DayFindingKind)


MAX_FINDING_NOTE = 2000
"""The longest note a reviewer may give with a decision."""


class FindingStatus(StrEnum):
    PENDING = "pending"  # 需人工复核: a hint nobody has looked at
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class Finding:
    """One hint: on a clip (a time span inside it) or on an officer's day (clip_id None)."""

    id: int
    kind: str  # a code of FINDING_KINDS
    clip_id: int | None
    officer_id: int | None
    day: date | None
    start_ms: int
    end_ms: int
    confidence: float
    status: FindingStatus
    decided_by: str | None = None
    decided_at: datetime | None = None
    note: str = ""


class ScanOutcome(StrEnum):
    OK = "ok"
    FAILED = "failed"  # the file could not be read at all (missing, unreadable): the error code says why


@dataclass(frozen=True)
class ScanProgress:
    """How far a pre-screen run is: clips done of those it found to scan, the one just done."""

    done: int
    total: int
    clip_id: int
    outcome: ScanOutcome


@dataclass(frozen=True)
class ScanReport:
    """What a run did: clips scanned, failed (recorded with their reason), findings written, days recomputed;
    `cancelled` when it stopped early (the next run goes on from there)."""

    scanned: int = 0
    failed: int = 0
    findings: int = 0
    days: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class FindingFilter:
    """Findings of a unit (and the units below; None: every unit in the user's charge) over days, of kinds
    (empty: all) and a status (None: any)."""

    unit_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()
    status: FindingStatus | None = None


@dataclass(frozen=True)
class FindingFigure:
    """How a kind of finding fared with the reviewers, for one recorder model ("" for none or day findings)."""

    kind: str
    model: str
    pending: int
    confirmed: int
    dismissed: int

    @property
    def precision(self) -> float | None:
        """confirmed / (confirmed + dismissed): how often the detector was right; None before any decision."""
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None
