"""What the retention services take and return: classes, rules, a clip's retention and its explanation,
the expiry queue, policy dry runs, legal holds, destruction requests."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from workstation.types import Role

QUEUE_HORIZONS = (30, 90)
"""The expiry queue's windows in days (what expires in the next 30 / 90 days)."""


class Profile(StrEnum):
    """The organisation whose regulations the deployment follows; each seeds its own rules."""

    FIRE_RESCUE = "fire_rescue"  # 消防救援: 000 第十四、十五条, 001 第二十八至三十条
    POLICE = "police"  # 公安: 002 第十六条
    EMERGENCY = "emergency"  # 应急管理: 003 第二十条


class SiteCategory(StrEnum):
    """Sites whose footage is kept longer (001 第二十八条, 第三十条 (三))."""

    PUBLIC_GATHERING = "public_gathering"  # 公众聚集场所
    HIGH_RISK = "high_risk"  # 火灾高危单位
    MAJOR_HAZARD = "major_hazard"  # 重大火灾隐患单位


class QueueStatus(StrEnum):
    """Where a clip of the expiry queue stands."""

    EXPIRED = "expired"  # past its keep-until date, not held: may be listed for destruction
    EXPIRING = "expiring"  # reaches its keep-until date within the window
    HELD = "held"  # under a legal hold: kept whatever its class
    REQUESTED = "requested"  # on a destruction request not yet carried out


class DestructionStatus(StrEnum):
    PENDING = "pending"  # awaiting review and approval
    APPROVED = "approved"  # approved, reported upwards; may be executed
    REJECTED = "rejected"
    EXECUTED = "executed"  # executed: each item's outcome says what happened to it


class ItemOutcome(StrEnum):
    """What execution did with one listed clip."""

    LISTED = "listed"  # not executed yet
    DESTROYED = "destroyed"
    KEPT_HELD = "kept_held"  # a legal hold was placed after the request
    KEPT_NOT_EXPIRED = "kept_not_expired"  # its period grew (a case link, a mark) after the request
    KEPT_HASH_MISMATCH = "kept_hash_mismatch"  # the file is not the original any more: kept, flagged
    KEPT_MISSING = "kept_missing"  # the file was not found: nothing to destroy, flagged


@dataclass(frozen=True)
class ClassRow:
    """A retention class: months, or None for permanent."""

    code: str
    name: str
    months: int | None
    basis: str


@dataclass(frozen=True)
class RuleRow:
    """One rule: when `trigger` applies to a clip, keep it at least as long as class `class_code`."""

    trigger: str
    class_code: str
    changed_at: datetime | None = None
    changed_by: str = ""


@dataclass(frozen=True)
class PolicyView:
    """The archive's retention policy as the 保存期限 page and `retention classes` show it."""

    profile: Profile
    classes: tuple[ClassRow, ...]
    rules: tuple[RuleRow, ...]


@dataclass(frozen=True)
class AppliedRule:
    """One rule that applies to a clip, with the class it asks for; `governs` for the one that sets the period."""

    trigger: str
    class_code: str
    months: int | None
    governs: bool


@dataclass(frozen=True)
class ClipRetention:
    """A clip's retention and why: every rule that applies, the governing one, active holds, the request."""

    clip_id: int
    class_code: str
    rule: str
    keep_until: date | None  # None: kept permanently
    applied: tuple[AppliedRule, ...]
    holds: tuple["HoldRow", ...]
    destroyed: bool


@dataclass(frozen=True)
class RetentionChange:
    """A clip's retention before and after a change of its facts (shown to the user and audited)."""

    clip_id: int
    class_before: str
    class_after: str
    rule_before: str
    rule_after: str
    keep_until_before: date | None
    keep_until_after: date | None

    @property
    def shortened(self) -> bool:
        before, after = self.keep_until_before, self.keep_until_after
        return after is not None and (before is None or after < before)


@dataclass(frozen=True)
class HoldRow:
    id: int
    reason: str
    placed_by: str
    placed_at: datetime
    clip_count: int
    released_by: str | None = None
    released_at: datetime | None = None
    release_reason: str = ""


@dataclass(frozen=True)
class QueueRow:
    """One clip of the expiry queue, with the reason it is (still) kept or not."""

    clip_id: int
    unit_code: str | None
    unit_name: str | None
    badge_no: str | None
    officer_name: str | None
    original_name: str
    recorded_start: datetime
    size_bytes: int
    class_code: str
    rule: str
    keep_until: date
    status: QueueStatus
    hold_ids: tuple[int, ...] = ()
    request_id: int | None = None


@dataclass(frozen=True)
class UnitExpiry:
    """Per unit: how many clips are expired, and how many expire within each window."""

    unit_code: str | None
    unit_name: str | None
    expired: int
    within: tuple[int, ...]  # one count per QUEUE_HORIZONS window
    held: int
    requested: int


@dataclass(frozen=True)
class ExpiryDate:
    """How many clips of a unit a policy change makes expire on one date."""

    unit_code: str | None
    keep_until: date
    clips: int


@dataclass(frozen=True)
class PolicyDryRun:
    """What a policy change would do: clips kept shorter (by unit and new date), kept longer, and how many of
    the shortened ones would be expired at once or within the queue's windows."""

    changes: tuple[RuleRow, ...]
    shortened: int
    lengthened: int
    expire_now: int
    expire_within: tuple[int, ...]  # per QUEUE_HORIZONS window
    dates: tuple[ExpiryDate, ...]
    held: int  # shortened clips under a legal hold (kept while held)


@dataclass(frozen=True)
class DestructionStepRow:
    step_no: int
    role: Role
    unit_code: str
    status: str
    decided_by: str | None
    decided_at: datetime | None
    comment: str


@dataclass(frozen=True)
class DestructionRequestRow:
    """A destruction request as listed in the approvals inbox and the 保存期限 page."""

    id: int
    status: DestructionStatus
    requested_by: str
    unit_code: str
    report_unit_code: str | None
    reason: str
    conditions: str
    created_at: datetime
    clip_count: int
    size_bytes: int
    steps: tuple[DestructionStepRow, ...]
    reported_at: datetime | None = None
    executed_at: datetime | None = None
    outcomes: tuple[tuple[ItemOutcome, int], ...] = ()


@dataclass(frozen=True)
class DestructionSpec:
    """What a destruction request lists: the given clips, or every clip matching the conditions that is
    expired, not held and on no other open request (unit_code: that unit and the units below it;
    recorded_before: recorded before that day). reason is the 筛查 statement the form prints."""

    reason: str
    clip_ids: tuple[int, ...] = ()
    unit_code: str | None = None
    recorded_before: date | None = None


@dataclass(frozen=True)
class ExecutionReport:
    """One pass of executing an approved request: what it did in this pass, and what is left."""

    request_id: int
    destroyed: int
    kept: tuple[tuple[ItemOutcome, int], ...]
    bytes_freed: int
    remaining: int  # listed clips not yet executed: call again to go on

    @property
    def done(self) -> bool:
        return self.remaining == 0
