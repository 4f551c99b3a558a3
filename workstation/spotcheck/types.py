"""The spot check and its ledger: verdicts, checklist items, plans, samples, reviews, statistics."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from workstation.types import FileType


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
    PRESCREEN = "prescreen"  # added on top of the random sample for its pre-screen findings (findings_draw)


RANDOM_PART = (Selection.RANDOM, Selection.FIRST)
"""The selections the seeded draw makes: what `spotcheck verify` re-derives and the sample digest covers."""


class ItemStatus(StrEnum):
    OPEN = "open"  # waiting for review (possibly claimed)
    REVIEWED = "reviewed"
    WITHDRAWN = "withdrawn"  # its plan was redrawn before the item was reviewed


MAX_FINDINGS_EXTRA = 100
"""The most clips a plan may add for pre-screen findings (DrawSpec.findings_extra)."""


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
    findings_extra: int = 0
    """Add at most this many clips with pre-screen findings per plan, on top of the random sample (0: none)."""


@dataclass(frozen=True)
class DaySeed:
    """A day seed a plan revealed: the unit's seed number `index` for recording day `day`, committed in the
    audit row `commit_seq` (workstation.sample_seeds). The plan's seed derives from its day seeds."""

    day: date
    index: int
    seed: str
    commit_seq: int


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
    day_seeds: tuple[DaySeed, ...] = ()
    """Empty for a plan drawn before seeds were committed (its seed came from the random source)."""
    findings_extra: int = 0  # at most this many clips with pre-screen findings were asked for (0: option off)
    findings_count: int = 0  # how many were added on top of sample_count

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
    finding_kinds: tuple[str, ...] = ()  # for a `prescreen` item: the finding kinds that brought it in


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
    audit_mismatch: str = ""  # what differs from the review's audit row; "" when it agrees (review_audit)
    selection: Selection = Selection.RANDOM  # why the clip was in the sample
    finding_kinds: tuple[str, ...] = ()  # for a `prescreen` item: the finding kinds that brought it in

    def answer(self, item: CheckItem) -> CheckAnswer | None:
        return next((answer for code, answer in self.answers if code is item), None)


@dataclass(frozen=True)
class LedgerExport:
    """What a ledger export wrote: its lines, and how many of them differ from their audit rows (marked
    与审计日志不符 in the workbook)."""

    rows: int
    disputed: int
    named: tuple[int, ...] = ()  # the review ids of the first NAMED_DISPUTES lines marked


NAMED_DISPUTES = 20


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


@dataclass(frozen=True)
class LedgerFilter:
    """Every field narrows the ledger; None means "any". Days are the check days, both ends included."""

    date_from: date | None = None
    date_to: date | None = None
    unit_code: str | None = None  # the unit and the units below it
    officer: str | None = None  # 警号, or part of the officer's name
    reviewer: str | None = None  # login, or part of the reviewer's name
    verdict: Verdict | None = None
