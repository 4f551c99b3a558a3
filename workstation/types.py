"""Enums and plain dataclasses that services return and the UI and CLI consume.

Enum values are the stable codes stored in the database and printed by `--format json`; display
text for them lives in the UI's translations, never here.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class UnitLevel(StrEnum):
    CORPS = "corps"  # 总队
    DETACHMENT = "detachment"  # 支队
    BRIGADE = "brigade"  # 大队


class Role(StrEnum):
    ADMIN = "admin"  # 执法记录仪管理员
    REVIEWER = "reviewer"  # 抽查人员
    APPROVER = "approver"  # 单位负责人
    LEGAL = "legal"  # 法制
    INSPECTION = "inspection"  # 督察
    OFFICER = "officer"  # 执法人员


class FileType(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    PHOTO = "photo"
    LOG = "log"


class MediaStatus(StrEnum):
    """What the archive knows about an original file's readability and integrity."""

    OK = "ok"
    CORRUPT = "corrupt"  # decoder cannot read it
    TRUNCATED = "truncated"  # container says more bytes than the file has
    MISSING = "missing"  # found absent by `verify`
    MISMATCH = "mismatch"  # SHA-256 differs from the one taken at ingest


class CaseKind(StrEnum):
    INCIDENT = "incident"  # 警情
    CASE = "case"  # 案件


class RetentionClass(StrEnum):
    STANDARD = "standard"
    EXTENDED = "extended"  # public gathering / high-risk sites, 5 years
    PERMANENT = "permanent"


class DeviceEventType(StrEnum):
    POWER_ON = "power_on"
    POWER_OFF = "power_off"
    RECORD_START = "record_start"
    RECORD_STOP = "record_stop"
    LOW_BATTERY = "low_battery"
    BATTERY_CHANGE = "battery_change"
    ABNORMAL_INTERRUPTION = "abnormal_interruption"
    OTHER = "other"


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


LATE_UPLOAD_HOURS = 24


@dataclass(frozen=True)
class AuditEntry:
    """One audit row as shown in a clip's history."""

    seq: int
    occurred_at: datetime
    actor: str
    action: str
    details: str


@dataclass(frozen=True)
class ClipDetail:
    clip: ClipRow
    history: tuple[AuditEntry, ...]


@dataclass(frozen=True)
class AuditProblem:
    seq: int
    problem: str  # "hash" (row edited), "gap" (row deleted or reordered), "head" (tail cut off)


@dataclass(frozen=True)
class AuditVerification:
    events_checked: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


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
class UnitRow:
    """A unit as offered in pickers (assigning an officer or registering a recorder)."""

    id: int
    code: str
    name: str
    level: UnitLevel


@dataclass(frozen=True)
class OfficerRow:
    """An officer (执法人员) by 警号; unit_id is None while the officer awaits assignment (待分配)."""

    id: int
    badge_no: str
    name: str
    unit_id: int | None
    unit_code: str | None
    unit_name: str | None

    @property
    def unassigned(self) -> bool:
        return self.unit_id is None


@dataclass(frozen=True)
class DeviceRow:
    """A recorder in the registry (R11) with its current holder; holder_id is None when it is 待分配."""

    id: int
    device_no: str
    model: str | None
    serial: str | None
    unit_code: str | None
    unit_name: str | None
    holder_id: int | None
    holder_name: str | None
    holder_badge_no: str | None
    holder_since: datetime | None
    registered_at: datetime

    @property
    def unassigned(self) -> bool:
        return self.holder_id is None


@dataclass(frozen=True)
class UserRow:
    """A user account as an administrator sees it; locked_until is None unless a lock-out is in force."""

    login: str
    display_name: str
    role: Role
    unit_code: str
    unit_name: str
    active: bool
    locked_until: datetime | None
    failed_logins: int
    must_change_password: bool


@dataclass(frozen=True)
class HolderPeriod:
    """One period during which an officer held a device; released_at is None for the current holder."""

    officer_id: int
    officer_name: str
    badge_no: str
    assigned_at: datetime
    released_at: datetime | None
    handover_note: str
    recorded_by: str


class Action(StrEnum):
    """What a user does with footage. workstation.permissions decides it per role, level and unit relation."""

    VIEW = "view"  # 调阅: list, play, thumbnails
    DOWNLOAD = "download"  # 下载: export a copy
    MARK = "mark"  # 标记
    ANNOTATE = "annotate"  # 备注
    APPROVE = "approve"  # 审批 viewing requests for the footage
    EDIT = "edit"  # 编辑 (metadata; originals are never changed)
    DELETE = "delete"  # 删除 (destruction after approval, R8)


class Relation(StrEnum):
    """Where a clip's unit stands relative to the user's unit."""

    OWN = "own"
    CHILD = "child"  # a unit below the user's
    SAME_LEVEL = "same_level"  # same level and police type under a common superior, e.g. two brigades
    OTHER_UNIT = "other_unit"  # another police type, or a unit of another level off the user's line
    PARENT = "parent"  # a unit above the user's
    OUTSIDE = "outside"  # another organisation: no common superior unit
    UNASSIGNED = "unassigned"  # footage awaiting assignment (待分配): no unit yet


class AccessBasis(StrEnum):
    """The right under which a user reached a clip, as the access register records it."""

    UNIT = "unit"  # the user's own unit or a unit below it
    OWN_FOOTAGE = "own_footage"  # the user recorded it
    UNASSIGNED = "unassigned"  # an administrator sorting out 待分配 footage
    GRANT = "grant"  # an approved viewing request


class RequestKind(StrEnum):
    """How a viewing request names its footage."""

    CLIPS = "clips"
    OFFICER = "officer"  # an officer (警号) and a time range
    CASE = "case"  # an incident or case number


class OutsideBody(StrEnum):
    """Bodies outside the police that may ask for footage with legal papers (002 第十八条)."""

    PROCURATORATE = "procuratorate"  # 人民检察院
    COURT = "court"  # 人民法院
    SUPERVISION = "supervision"  # 纪检监察
    JUSTICE = "justice"  # 司法行政机关


class RequestStatus(StrEnum):
    PENDING = "pending"
    REJECTED = "rejected"
    APPROVED = "approved"  # the grant is in force
    EXPIRED = "expired"
    REVOKED = "revoked"


class StepStatus(StrEnum):
    WAITING = "waiting"  # an earlier step is not decided yet
    PENDING = "pending"  # in the approver's inbox
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"  # an earlier step rejected the request


class ViewingKind(StrEnum):
    PLAYBACK = "playback"
    EXPORT = "export"


@dataclass(frozen=True)
class ClipScope:
    """The clips a user may list: units (with the units below already expanded), own footage, grants.

    Concrete ids, so a listing query stays on the (unit_id|officer_id, recorded_start) indexes.
    """

    unit_ids: frozenset[int] = frozenset()
    officer_id: int | None = None
    clip_ids: frozenset[int] = frozenset()
    unassigned: bool = False


@dataclass(frozen=True)
class AccessRequestSpec:
    """What a user asks to view (调阅申请): footage named one of three ways, a reason, an access period."""

    kind: RequestKind
    reason: str  # 事由, required
    with_download: bool = False
    days: int = 7
    clip_ids: tuple[int, ...] = ()
    badge_no: str | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None  # exclusive
    case_no: str | None = None
    outside_body: OutsideBody | None = None
    document_ref: str = ""  # the outside body's legal document (法律文书) number


@dataclass(frozen=True)
class ApprovalStepRow:
    step_no: int
    role: Role
    unit_code: str
    unit_name: str
    status: StepStatus
    decided_by: str | None
    decided_at: datetime | None
    comment: str


@dataclass(frozen=True)
class AccessRequestRow:
    """A viewing request with its approval steps and, once approved, its grant."""

    id: int
    requester: str  # login
    requester_name: str
    requester_unit: str  # unit name
    kind: RequestKind
    reason: str
    with_download: bool
    days: int
    outside_body: OutsideBody | None
    document_ref: str
    badge_no: str | None
    period_start: datetime | None
    period_end: datetime | None
    case_no: str | None
    clip_count: int
    status: RequestStatus
    created_at: datetime
    grant_expires_at: datetime | None
    steps: tuple[ApprovalStepRow, ...]

    @property
    def pending_step(self) -> ApprovalStepRow | None:
        return next((step for step in self.steps if step.status is StepStatus.PENDING), None)


@dataclass(frozen=True)
class Viewing:
    """An open access-register entry: the player plays media_path and reports played_ms when it stops."""

    entry_id: int
    clip_id: int
    media_path: str
    kind: ViewingKind
    basis: AccessBasis
    grant_id: int | None


@dataclass(frozen=True)
class RegisterRow:
    """One line of the access register (003 第二十二条: who, which footage, why, when, how long)."""

    id: int
    user: str  # login
    user_name: str
    clip_id: int
    clip_name: str
    kind: ViewingKind
    basis: AccessBasis
    request_id: int | None
    reason: str
    started_at: datetime
    finished_at: datetime | None
    played_ms: int | None


@dataclass(frozen=True)
class AuditEventRow:
    """One audit log row as the audit viewer shows it."""

    seq: int
    occurred_at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    details: str


class Duty(StrEnum):
    """Functions that are not about one clip; workstation.permissions gives them per role and level."""

    APPROVE = "approve"  # decide viewing requests routed to the user's unit (单位负责人)
    LEGAL_REVIEW = "legal_review"  # first step of an outside body's request (法制审核)
    AUDIT = "audit"  # read the audit log and the access register (督察, 管理员)


# --- spot check and check ledger (R5: 000 附件1 第十八条, 001 第三十六条, 003 第二十六条) ---------------------------


class Verdict(StrEnum):
    """The conclusion of one spot check (检查结论)."""

    PASS = "pass"  # 合格
    MOSTLY = "mostly"  # 基本合格
    FAIL = "fail"  # 不合格


class CheckItem(StrEnum):
    """What a spot check covers (003 第二十六条, 001 第三十六条); the last three the system answers itself."""

    ANNOUNCED = "announced"  # 规范告知 (recording announced in the set words)
    ID_SHOWN = "id_shown"  # 出示证件
    CONTINUOUS = "continuous"  # 全程连续无中断
    CLEAR = "clear"  # 画面声音清晰
    LENS_CLEAR = "lens_clear"  # 镜头无遮挡
    CONDUCT = "conduct"  # 执法行为规范
    UPLOADED_24H = "uploaded_24h"  # 24 小时内上传 (automatic: ingest time - recording time)
    CASE_LINKED = "case_linked"  # 已关联警情/案件 (automatic)
    FILE_INTACT = "file_intact"  # 文件完整 (automatic: media status ok)


MANUAL_CHECK_ITEMS = tuple(CheckItem)[:6]
AUTOMATIC_CHECK_ITEMS = tuple(CheckItem)[6:]


class CheckAnswer(StrEnum):
    YES = "yes"  # 是 / 符合
    NO = "no"  # 否 / 不符合
    NOT_APPLICABLE = "na"  # 不适用 (e.g. no ID to show at a purely technical inspection)


class Selection(StrEnum):
    """Why a clip is in a sample."""

    RANDOM = "random"  # drawn by the seeded lottery
    FIRST = "first"  # the officer's first clip of the period (option "include every officer's first clip")


class ItemStatus(StrEnum):
    OPEN = "open"  # waiting for review (possibly claimed)
    REVIEWED = "reviewed"
    WITHDRAWN = "withdrawn"  # its plan was redrawn before the item was reviewed


@dataclass(frozen=True)
class DrawSpec:
    """What to draw: the clips of a period (both days included) with the sampling parameters, one plan for
    each unit with footage: the unit named and the units below it, or every unit when unit_code is None.

    ratio_bp is the proportion in basis points (1000 = 10 %), so the quota is exact integer arithmetic.
    """

    day_from: date
    day_to: date
    unit_code: str | None = None
    ratio_bp: int = 1000
    min_per_officer: int = 1
    weight_long: bool = False
    include_first: bool = False
    exclude_checked: bool = True


@dataclass(frozen=True)
class PlanRow:
    """A spot-check plan (抽查方案): its parameters, seed, digests and progress."""

    id: int
    unit_code: str
    unit_name: str
    day_from: date
    day_to: date
    ratio_bp: int
    min_per_officer: int
    weight_long: bool
    include_first: bool
    exclude_checked: bool
    algorithm: str
    seed: str
    candidates_digest: str
    sample_digest: str
    candidate_count: int
    sample_count: int
    reviewed_count: int
    drawn_at: datetime
    drawn_by: str
    due_on: date
    replaces_id: int | None
    redraw_reason: str
    superseded_at: datetime | None

    @property
    def active(self) -> bool:
        return self.superseded_at is None


@dataclass(frozen=True)
class DrawOutcome:
    """One unit's result of a draw: the new plan, or why none was drawn (existing plan, no footage)."""

    unit_code: str
    plan: PlanRow | None
    existing_plan_id: int | None = None  # an active plan for the same unit and period is already there


@dataclass(frozen=True)
class SampleItemRow:
    """One clip in a plan's sample (or the review queue), with what the checklist shows about it."""

    id: int
    plan_id: int
    clip_id: int
    media_path: str
    original_name: str
    file_type: FileType
    unit_code: str
    unit_name: str
    badge_no: str
    officer_name: str
    device_no: str | None
    recorded_start: datetime
    duration_ms: int | None
    selection: Selection
    status: ItemStatus
    claimed_by: str | None  # login
    claim_expires_at: datetime | None
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class AutomaticFacts:
    """The checklist items the system answers from the archive."""

    uploaded_24h: bool
    case_linked: bool
    file_intact: bool

    def answers(self) -> dict[CheckItem, CheckAnswer]:
        def answer(value: bool) -> CheckAnswer:
            return CheckAnswer.YES if value else CheckAnswer.NO

        return {
            CheckItem.UPLOADED_24H: answer(self.uploaded_24h),
            CheckItem.CASE_LINKED: answer(self.case_linked),
            CheckItem.FILE_INTACT: answer(self.file_intact),
        }


@dataclass(frozen=True)
class ReviewInput:
    """What a reviewer submits: manual answers, verdict, texts, and the player's proof of playback.

    played_intervals are (start_ms, end_ms) spans of the media the player actually played, in any order,
    possibly overlapping; top_speed is the fastest playback rate used (1.0 = normal speed).
    """

    answers: dict[CheckItem, CheckAnswer]
    verdict: Verdict
    problem: str = ""
    rectification: str = ""
    played_intervals: tuple[tuple[int, int], ...] = ()
    top_speed: float = 1.0


@dataclass(frozen=True)
class LedgerRow:
    """One line of the check ledger (检查台帐)."""

    review_id: int
    item_id: int
    plan_id: int
    drawn_on: date  # 抽查日期
    unit_code: str
    unit_name: str
    officer_name: str
    badge_no: str
    device_no: str | None
    recorded_start: datetime
    duration_ms: int | None
    original_name: str
    reviewer: str  # login
    reviewer_name: str
    reviewed_at: datetime
    coverage_bp: int  # played share of the clip in basis points (9050 = 90.5 %)
    top_speed: float
    answers: tuple[tuple[CheckItem, CheckAnswer], ...]
    verdict: Verdict
    problem: str
    rectification: str

    def answer(self, item: CheckItem) -> CheckAnswer | None:
        return next((answer for code, answer in self.answers if code is item), None)


@dataclass(frozen=True)
class OfficerProgress:
    """Spot-check progress of one officer who recorded in a period: is anyone still unchecked?"""

    unit_code: str
    unit_name: str
    badge_no: str
    officer_name: str
    clips_recorded: int
    plan_id: int | None  # the unit's active plan for the period, None while none is drawn
    sampled: int
    reviewed: int
    overdue: int

    @property
    def checked(self) -> bool:
        return self.sampled > 0 and self.reviewed == self.sampled


@dataclass(frozen=True)
class OfficerStatistics:
    """Per officer over a period: clips recorded (video/audio) and the checks done, by verdict."""

    unit_code: str
    unit_name: str
    badge_no: str
    officer_name: str
    clips_recorded: int
    checked: int
    passed: int
    mostly: int
    failed: int


@dataclass(frozen=True)
class PlanVerification:
    """The result of re-deriving a plan (`workstation spotcheck verify`); problems are plain Chinese lines."""

    plan_id: int
    candidate_count: int
    sample_count: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# --- playback: markers, stills, an officer's day (issue #4) ---


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
