"""Display text for the retention codes (profiles, rule triggers, queue and request states, execution
outcomes) and the common formats of periods, dates and sizes, translated by Qt. Shared by the 保存期限 page,
the approvals inbox and the clip detail."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from workstation.footage.types import CaseKind, MarkerCategoryRow
from workstation.retention.types import (
    ClassRow,
    DestructionStatus,
    ItemOutcome,
    Profile,
    QueueStatus,
    SiteCategory,
)
from workstation.types import UnitRow


def profile_name(profile: Profile) -> str:
    return {
        Profile.FIRE_RESCUE: QCoreApplication.translate("retention_labels", "Fire and rescue"),
        Profile.POLICE: QCoreApplication.translate("retention_labels", "Public security"),
        Profile.EMERGENCY: QCoreApplication.translate("retention_labels", "Emergency management"),
    }[profile]


def site_name(site: SiteCategory) -> str:
    return {
        SiteCategory.PUBLIC_GATHERING: QCoreApplication.translate("retention_labels", "Public gathering place"),
        SiteCategory.HIGH_RISK: QCoreApplication.translate("retention_labels", "High fire risk site"),
        SiteCategory.MAJOR_HAZARD: QCoreApplication.translate("retention_labels", "Site with a major fire hazard"),
    }[site]


def case_kind_name(kind: CaseKind) -> str:
    return {
        CaseKind.INCIDENT: QCoreApplication.translate("retention_labels", "Incident"),
        CaseKind.CASE: QCoreApplication.translate("retention_labels", "Case"),
        CaseKind.COMPLAINT: QCoreApplication.translate("retention_labels", "Complaint"),
    }[kind]


@dataclass(frozen=True)
class RetentionLabels:
    """What a view needs to name a clip's retention: the classes, and the trigger names (trigger_names)."""

    classes: dict[str, ClassRow]
    names: dict[str, str]


def trigger_names(units: Iterable[UnitRow], categories: Iterable[MarkerCategoryRow]) -> dict[str, str]:
    """The names `trigger_name` shows for "unit:<id>" and "marker:<code>" triggers."""
    return {f"unit:{unit.id}": unit.name for unit in units} | {f"marker:{c.code}": c.name for c in categories}


def trigger_name(trigger: str, names: dict[str, str] | None = None) -> str:
    """What a rule's trigger key means ("base", "unit:<id>", "site:…", "important", "case:…", "marker:…");
    units and mark categories by the names given (see `trigger_names`), else by their id or code."""
    kind, _, value = trigger.partition(":")
    named = (names or {}).get(trigger, value)
    if trigger == "base":
        return QCoreApplication.translate("retention_labels", "All footage")
    if trigger == "important":
        return QCoreApplication.translate("retention_labels", "Marked important (a recorder's IMP mark included)")
    if kind == "unit":
        return QCoreApplication.translate("retention_labels", "Default of unit %1").replace("%1", named)
    if kind == "site" and value in _values(SiteCategory):
        return QCoreApplication.translate("retention_labels", "Site: %1").replace("%1", site_name(SiteCategory(value)))
    if kind == "case" and value in _values(CaseKind):
        return QCoreApplication.translate("retention_labels", "Linked to: %1").replace(
            "%1", case_kind_name(CaseKind(value))
        )
    if kind == "marker":
        return QCoreApplication.translate("retention_labels", "Mark: %1").replace("%1", named)
    return trigger


def period_text(months: int | None) -> str:
    if months is None:
        return QCoreApplication.translate("retention_labels", "Permanent")
    if months % 12 == 0:
        return QCoreApplication.translate("retention_labels", "%1 years").replace("%1", str(months // 12))
    return QCoreApplication.translate("retention_labels", "%1 months").replace("%1", str(months))


def class_text(code: str, classes: dict[str, ClassRow]) -> str:
    """A class by its name (its code if the archive does not know it, e.g. "unassessed")."""
    found = classes.get(code)
    if found is None:
        return QCoreApplication.translate("retention_labels", "Not assessed") if code == "unassessed" else code
    return found.name


def keep_until_text(day: date | None) -> str:
    return QCoreApplication.translate("retention_labels", "Kept permanently") if day is None else day.isoformat()


def queue_status_name(status: QueueStatus) -> str:
    return {
        QueueStatus.EXPIRED: QCoreApplication.translate("retention_labels", "Expired, may be destroyed"),
        QueueStatus.EXPIRING: QCoreApplication.translate("retention_labels", "Expiring"),
        QueueStatus.HELD: QCoreApplication.translate("retention_labels", "Kept: legal hold"),
        QueueStatus.REQUESTED: QCoreApplication.translate("retention_labels", "On a destruction request"),
    }[status]


def destruction_status_name(status: DestructionStatus) -> str:
    return {
        DestructionStatus.PENDING: QCoreApplication.translate("retention_labels", "Pending"),
        DestructionStatus.APPROVED: QCoreApplication.translate("retention_labels", "Approved"),
        DestructionStatus.REJECTED: QCoreApplication.translate("retention_labels", "Rejected"),
        DestructionStatus.EXECUTED: QCoreApplication.translate("retention_labels", "Executed"),
    }[status]


def outcome_name(outcome: ItemOutcome) -> str:
    return {
        ItemOutcome.LISTED: QCoreApplication.translate("retention_labels", "Not executed yet"),
        ItemOutcome.DESTROYED: QCoreApplication.translate("retention_labels", "Destroyed"),
        ItemOutcome.KEPT_HELD: QCoreApplication.translate("retention_labels", "Kept: legal hold"),
        ItemOutcome.KEPT_NOT_EXPIRED: QCoreApplication.translate("retention_labels", "Kept: no longer expired"),
        ItemOutcome.KEPT_HASH_MISMATCH: QCoreApplication.translate(
            "retention_labels", "Kept: file changed (SHA-256 differs)"
        ),
        ItemOutcome.KEPT_MISSING: QCoreApplication.translate("retention_labels", "Kept: file missing"),
    }[outcome]


def outcomes_text(outcomes: tuple[tuple[ItemOutcome, int], ...]) -> str:
    return "；".join(f"{outcome_name(outcome)} {count}" for outcome, count in outcomes)


def size_text(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1e9:,.2f} GB"
    return f"{size / 1e6:,.1f} MB" if size >= 1_000_000 else f"{size / 1e3:,.0f} KB"


def _values(kind: type[StrEnum]) -> set[str]:
    return {member.value for member in kind}
