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


FINDING_KINDS: tuple[str, ...] = tuple(k.value for k in MediaFindingKind) + tuple(k.value for k in DayFindingKind)


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
