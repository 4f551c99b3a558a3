"""Viewing requests, approvals and the access register: their enums and rows."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from workstation.types import AccessBasis, Role

DEFAULT_DAYS = 7
"""How long a grant lasts unless the request asks otherwise."""
MAX_DAYS = 90
"""The longest access period a request may ask for."""


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
class AccessRequestSpec:
    """What a user asks to view (调阅申请): footage named one of three ways, a reason, an access period."""

    kind: RequestKind
    reason: str  # 事由, required
    with_download: bool = False
    days: int = DEFAULT_DAYS
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
class AuditFilter:
    """Every field narrows the result; None means "any". `end` is exclusive.

    The access register (workstation.access_register) takes the same filter and ignores `action`.
    """

    actor: str | None = None
    action: str | None = None
    clip_id: int | None = None
    start: datetime | None = None
    end: datetime | None = None
