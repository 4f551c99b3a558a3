"""Enums and plain dataclasses shared by every area: units and roles, file types and media status, the
permission vocabulary, audit entries. Each area keeps its own in its types.py.

Enum values are the stable codes stored in the database and printed by `--format json`; display
text for them lives in the UI's translations, never here.
"""

from dataclasses import dataclass
from datetime import datetime
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
    STATION = "station"  # 采集站账户: uploads recorder dumps to the branch server, and nothing else


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
    UNATTESTED = "unattested"  # no authentic ingest row in the audit chain vouches for the clip's SHA-256
    DESTROYED = "destroyed"  # destroyed after an approved request (R8): the row and its tombstone remain


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
class AuditProblem:
    """One finding of `audit verify`, at row `seq`. problem: "hash" (row edited or forged: its digest is not
    the one its key gives), "gap" (row deleted or reordered), "head" (tail cut off or head moved), "key" (row
    under a key this archive's key store does not have), "unkeyed" (a plain-hash row where only keyed rows may
    be), "anchor" (the chain no longer passes through an anchor kept outside the database)."""

    seq: int
    problem: str


@dataclass(frozen=True)
class ChainAnchor:
    """A point of the audit chain kept outside the database (anchor file, printed ledger): a row's seq and its
    digest, as 64 hex digits or, typed from paper, a prefix of at least 16."""

    seq: int
    digest: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.digest}"

    def printed(self) -> str:
        """As printed on a ledger or an export: seq, then the digest in groups of eight for reading aloud."""
        groups = " ".join(self.digest[index : index + 8] for index in range(0, len(self.digest), 8))
        return f"{self.seq}:{groups}"


@dataclass(frozen=True)
class AuditVerification:
    """What `audit verify` found. head: the chain head it verified up to; from_seq: 0 for the whole chain,
    else the anchor an incremental check started from; anchors_checked: how many anchors it compared."""

    events_checked: int
    problems: tuple[AuditProblem, ...]
    head: ChainAnchor = ChainAnchor(0, "0" * 64)
    from_seq: int = 0
    anchors_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class UnitRow:
    """A unit as offered in pickers (assigning an officer or registering a recorder)."""

    id: int
    code: str
    name: str
    level: UnitLevel


@dataclass(frozen=True)
class UnitFacts:
    """A unit in the hierarchy: the org tree's node (workstation.orgtree) and the archive browser's (UnitNode)."""

    id: int
    code: str
    name: str
    level: UnitLevel
    police_type: str
    parent_id: int | None


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
    INGEST = "ingest"  # put recorder dumps into the archive (采集站, 管理员)
