"""What the footage services return: clips, ingest and verify reports, marks, stills, an officer's day."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from workstation.types import LATE_UPLOAD_HOURS, AuditEntry, FileType, MediaStatus, UnitFacts

MAX_NOTE_CHARS = 2000
"""The longest note on a marker."""


class CaseKind(StrEnum):
    INCIDENT = "incident"  # 警情
    CASE = "case"  # 案件
    COMPLAINT = "complaint"  # 投诉、异议、上访 (000 第十五条 (一)): its footage is kept permanently


class DeviceEventType(StrEnum):
    POWER_ON = "power_on"
    POWER_OFF = "power_off"
    RECORD_START = "record_start"
    RECORD_STOP = "record_stop"
    LOW_BATTERY = "low_battery"
    BATTERY_CHANGE = "battery_change"
    ABNORMAL_INTERRUPTION = "abnormal_interruption"
    DOCK = "dock"  # docked at a station, which wrote its own time beside the recorder's (a clock measurement)
    CLOCK_SYNC = "clock_sync"  # the recorder's clock was set: the line's time is before, its detail the new time
    OTHER = "other"


EVENT_WORDS = {
    DeviceEventType.POWER_ON: "开机",
    DeviceEventType.POWER_OFF: "关机",
    DeviceEventType.RECORD_START: "开始录像",
    DeviceEventType.RECORD_STOP: "停止录像",
    DeviceEventType.LOW_BATTERY: "电量低",
    DeviceEventType.BATTERY_CHANGE: "更换电池",
    DeviceEventType.ABNORMAL_INTERRUPTION: "异常中断",
    DeviceEventType.DOCK: "接入工作站",
    DeviceEventType.CLOCK_SYNC: "校时",
    DeviceEventType.OTHER: "其他",
}
"""Each recorder log event in Chinese, as the recorders' logs write it and the reports show it."""
CLOCK_EVENTS = frozenset({DeviceEventType.DOCK, DeviceEventType.CLOCK_SYNC})
"""The events whose detail begins with a second time: the station's (DOCK) or the time set (CLOCK_SYNC)."""


class RejectReason(StrEnum):
    """Why ingest left a file on the recorder."""

    UNRECOGNISED_NAME = "unrecognised_name"
    UNSUPPORTED_TYPE = "unsupported_type"
    BAD_TIMESTAMP = "bad_timestamp"  # unreadable, or a time no recording can have (year 0001, 9999)
    BAD_NAME = "bad_name"  # not valid text, control characters, or a device number / 警号 unfit for a folder
    LINK = "link"  # a symbolic link or junction: never followed, whatever it points to
    UNREADABLE_SOURCE = "unreadable_source"
    IMPORT_FAILED = "import_failed"  # an error while copying, verifying or storing: nothing was stored
    CANCELLED = "cancelled"  # the run was stopped before this file; it is still on the recorder


class IngestOutcome(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # already in the archive (same SHA-256): skipped
    REJECTED = "rejected"  # left on the recorder, with a RejectReason
    FAILED = "failed"  # an error during copy or verification; nothing was stored


@dataclass(frozen=True)
class ClipRow:
    """One archived file as listed by `workstation clips` and the archive browser."""

    id: int
    sha256: str
    file_type: FileType
    original_name: str
    media_path: str
    size_bytes: int
    unit_code: str | None
    unit_name: str | None
    badge_no: str | None
    officer_name: str | None
    device_no: str | None
    recorded_start: datetime
    recorded_end: datetime | None
    duration_ms: int | None
    clock_offset_ms: int
    container: str | None
    video_codec: str | None
    width: int | None
    height: int | None
    fps: float | None
    ingested_at: datetime
    ingest_station: str
    important: bool
    retention_class: str
    media_status: MediaStatus
    media_problem: str
    case_numbers: tuple[str, ...] = ()
    marker_count: int = 0

    @property
    def late_upload(self) -> bool:
        """Ingested more than 24 h after recording began (001: footage is stored within 24 h)."""
        return (self.ingested_at - self.recorded_start).total_seconds() > LATE_UPLOAD_HOURS * 3600

    @property
    def has_media_problem(self) -> bool:
        return self.media_status is not MediaStatus.OK

    @property
    def corrected_start(self) -> datetime:
        """The true time recording began: the recorder's time with the clip's clock offset applied."""
        return self.recorded_start + timedelta(milliseconds=self.clock_offset_ms)


@dataclass(frozen=True)
class ClipDetail:
    clip: ClipRow
    history: tuple[AuditEntry, ...]


@dataclass(frozen=True)
class IngestFileResult:
    source_path: str
    outcome: IngestOutcome
    clip_id: int | None = None
    sha256: str | None = None
    reason: str = ""  # a RejectReason code for REJECTED and FAILED
    detail: str = ""  # plain-language explanation (also the media problem of an imported damaged file)
    media_status: MediaStatus | None = None
    source_cleared: bool = False
    archive_confirmed: bool = False
    """The archive holds exactly these bytes, proven now: IMPORTED (its verified copy was just stored), or a
    DUPLICATE whose archived copy was read back (asked for when the source is to be cleared). Only then may
    a recorder file be cleared."""


@dataclass(frozen=True)
class UploadSpec:
    """What an ingest station tells the branch server about a file before sending it."""

    station: str
    source: str
    """The file as the station shows it (its folder on the recorder, printable): reported and audited."""
    name: str
    """The original file name, which the server's naming patterns parse (no folder)."""
    size: int
    sha256: str | None = None
    """The SHA-256 the station read; the server archives the file only if the received bytes have it. None:
    the station hashes the file while sending it and claims the SHA-256 at finish (unless the server answers
    `hash_first`)."""
    confirm_duplicate: bool = False
    """The station will clear the file once archived: an already archived copy is read back first."""


@dataclass(frozen=True)
class UploadState:
    """Where an upload stands: bytes received so far, or (result set) nothing more to send."""

    upload_id: str
    """"" when no upload was needed: the result says why (already archived, or the name was rejected)."""
    size: int
    received: int
    result: IngestFileResult | None = None
    hash_first: bool = False
    """Begun without the SHA-256, the file may be archived already (a clip has its name and size): nothing
    was opened; hash the file and begin again with the SHA-256 (the server checks it against the archive)."""


@dataclass
class IngestReport:
    run_id: int
    results: list[IngestFileResult] = field(default_factory=list)

    def count(self, outcome: IngestOutcome) -> int:
        return sum(1 for result in self.results if result.outcome is outcome)


@dataclass(frozen=True)
class IngestProgress:
    """Sent to the progress callback after each chunk and each file (from worker threads)."""

    source: str
    current_file: str
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int


@dataclass(frozen=True)
class VerifyProblem:
    clip_id: int
    media_path: str
    status: MediaStatus
    detail: str


@dataclass(frozen=True)
class VerifyReport:
    files_checked: int
    bytes_checked: int
    problems: tuple[VerifyProblem, ...]


@dataclass(frozen=True)
class MarkerCategoryRow:
    """A word of the marker vocabulary. code is stored in markers; name and color are for display."""

    code: str
    name: str
    color: str  # "#rrggbb"
    sort_order: int
    active: bool


@dataclass(frozen=True)
class MarkerRow:
    """A point marker (end_ms None) or a segment of a clip, in ms from the media start, with its note."""

    id: int
    clip_id: int
    author: str
    start_ms: int
    end_ms: int | None
    category: str  # a MarkerCategoryRow.code
    note: str
    created_at: datetime
    updated_at: datetime

    @property
    def is_segment(self) -> bool:
        return self.end_ms is not None


@dataclass(frozen=True)
class StillRow:
    """A frame saved from a clip as PNG (kept in the database; the original is never touched)."""

    id: int
    clip_id: int
    position_ms: int
    shown_at: datetime  # the frame's absolute time (recorder clock corrected by the clip's offset)
    clip_sha256: str
    png_sha256: str
    width: int
    height: int
    size_bytes: int
    taken_by: str
    taken_at: datetime


@dataclass(frozen=True)
class DayClip:
    """One recording of an officer's day, placed at its true (clock-corrected) time."""

    clip_id: int
    file_type: FileType
    original_name: str
    media_path: str
    sha256: str
    device_no: str | None
    start: datetime  # recorded_start + clock_offset_ms
    end: datetime  # start + duration_ms
    duration_ms: int  # 0 when unknown
    media_status: MediaStatus
    media_problem: str


@dataclass(frozen=True)
class DayEvent:
    """A recorder log event of the day (power, record start/stop, battery, 异常中断), at true time."""

    occurred_at: datetime
    event_type: DeviceEventType
    detail: str
    device_no: str


@dataclass(frozen=True)
class DayGap:
    """Time between two recordings of the day with nothing recorded, and the log events inside it."""

    start: datetime
    end: datetime
    events: tuple[DayEvent, ...]

    @property
    def duration_ms(self) -> int:
        return int((self.end - self.start).total_seconds() * 1000)


@dataclass(frozen=True)
class OfficerDay:
    """All video and audio recordings of one officer on one day, in time order, with the gaps between."""

    badge_no: str
    officer_name: str
    unit_name: str | None
    day: date
    clips: tuple[DayClip, ...]
    gaps: tuple[DayGap, ...]
    events: tuple[DayEvent, ...]


# --- what the archive browser asks for (workstation.footage.clips, browse) ---


FOOTAGE_TYPES = frozenset({FileType.VIDEO, FileType.AUDIO, FileType.PHOTO})  # all but the recorders' log files
RECORDING_TYPES = frozenset({FileType.VIDEO, FileType.AUDIO})  # what has a duration


@dataclass(frozen=True)
class ClipFilter:
    """Every field narrows the result; None means "any". A unit includes the units below it."""

    unit_code: str | None = None
    badge_no: str | None = None
    device_no: str | None = None
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    case_no: str | None = None
    important: bool | None = None
    file_type: FileType | None = None
    annotated: bool | None = None  # has markers or segments
    text: str | None = None  # free text: officer name or 警号, device number, case number
    # what a figure of the 统计 page counts (issue 16), so that a click on it lists exactly those clips:
    uploaded_late: bool | None = None  # archived more than LATE_UPLOAD_HOURS after the recording started
    linked: bool | None = None  # linked to an incident or case
    file_types: frozenset[FileType] | None = None  # any of these types (e.g. footage without the recorder logs)
    # the pre-screen's findings on the clip itself (issue 17; an officer-day finding such as a gap, on no clip,
    # is not a clip's): a clip with at least one finding of these kinds (empty: any kind) and this status
    # (pending, confirmed, dismissed; None: any). Both empty: no condition.
    finding_kinds: tuple[str, ...] = ()
    finding_status: str | None = None


@dataclass(frozen=True)
class PageCursor:
    """Where the previous page ended (keyset paging: no deep OFFSET scans)."""

    recorded_start: datetime
    clip_id: int


class SortKey(StrEnum):
    RECORDED = "recorded"
    DURATION = "duration"
    SIZE = "size"
    FILE_TYPE = "file_type"
    NAME = "name"
    INGESTED = "ingested"


@dataclass(frozen=True)
class ClipOrder:
    """Sort order of a listing; ties are broken by clip id in the same direction, so pages are stable."""

    key: SortKey = SortKey.RECORDED
    descending: bool = True


NEWEST_FIRST = ClipOrder()


def cursor_after(row: ClipRow) -> PageCursor:
    """The cursor of the page that follows `row` in the default order (newest first)."""
    return PageCursor(row.recorded_start, row.id)


UnitNode = UnitFacts
"""A unit in the archive browser's tree (workstation.footage.browse): the kernel's unit facts."""


@dataclass(frozen=True)
class OfficerNode:
    id: int
    badge_no: str
    name: str
    unit_id: int | None


@dataclass(frozen=True)
class DayNode:
    day: date
    clips: int


# --- recorder clocks (R3) ---

DEFAULT_DRIFT_LIMIT_S_PER_DAY = 2.0
"""A recorder whose clock drifts by more than this (seconds a day, either way) is a finding; the standard for
recorders is a few seconds a day. Setting: [clocks] drift_limit_s_per_day in workstation.toml."""
MAX_CLOCK_NOTE_CHARS = 500


class ClockSource(StrEnum):
    """Where a clock measurement came from."""

    DOCK_LOG = "dock_log"  # the recorder log: the dock wrote the station's time beside the recorder's
    CLOCK_SYNC = "clock_sync"  # the recorder log: its clock was set (the offset just before); a new segment begins
    ADMIN = "admin"  # an administrator compared a clip's burned-in time with a known time


@dataclass(frozen=True)
class ClockMeasurementRow:
    """One measured offset of a recorder's clock: offset_ms = recorder time − true time (positive: fast)."""

    id: int
    measured_at: datetime  # true (station) time
    recorder_time: datetime
    offset_ms: int
    source: ClockSource
    clip_id: int | None
    recorded_by: str
    recorded_at: datetime
    note: str


@dataclass(frozen=True)
class ClockFit:
    """The least-squares line through a recorder's measurements since its last clock sync: the offset at `at`
    (recorder − true, ms) and the drift (seconds gained a day; None with fewer than two distinct moments)."""

    at: datetime
    offset_ms: int
    drift_s_per_day: float | None
    points: int


@dataclass(frozen=True)
class ClockCorrectionRow:
    """A batch correction of a recorder's footage of a period; reverted_at set once it was taken back."""

    id: int
    device_no: str
    date_from: date
    date_to: date
    offset_ms: int  # the fitted offset (recorder − true) at the period's start
    drift_s_per_day: float | None
    clips: int
    reason: str
    corrected_by: str
    corrected_at: datetime
    reverted_at: datetime | None
    reverted_by: str | None
    revert_reason: str


@dataclass(frozen=True)
class RecorderClock:
    """A recorder's clock: its measurements (oldest first), the fit now, and its corrections (newest first)."""

    device_no: str
    unit_code: str | None
    measurements: tuple[ClockMeasurementRow, ...]
    fit: ClockFit | None
    corrections: tuple[ClockCorrectionRow, ...]


@dataclass(frozen=True)
class ClockMeasurementSpec:
    """An administrator's measurement: the recorder showed `recorder_time` (e.g. burned into clip `clip_id`)
    when the true time was `true_time`."""

    device_no: str
    recorder_time: datetime
    true_time: datetime
    clip_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class DriftingRecorder:
    """A recorder whose fitted drift is beyond the limit (a finding for the pre-screen, DayFindingKind.CLOCK_DRIFT)."""

    device_id: int
    device_no: str
    unit_id: int | None
    drift_s_per_day: float
    offset_ms: int  # fitted, now
    points: int
    since: datetime  # the first moment of the fitted segment (the last clock sync, or the first measurement)
