"""Who takes part in the spot check, over which units, and its deployment settings.

Rights: administrators (执法记录仪管理人员, who must check every day under 000 附件1 第十八条), spot-check
reviewers and inspection staff draw plans and review; unit heads also read and export the ledger. Each
works on their own unit and the units below it. The command line trusts the operating-system account
that runs it (as every command does) and passes no user.

Settings, in workstation.toml (all optional):

    [spotcheck]
    ratio = "10%"            # default proportion per officer (also 0.1)
    min_per_officer = 1      # default minimum per officer who recorded
    min_coverage = "90%"     # the least played share of a clip for the verdict 合格
    claim_minutes = 30       # a claim not submitted within this time frees itself
    due_days = 1             # a sample is due this many days after it is drawn
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from workstation import config
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.permissions import Principal, principal_of
from workstation.spotcheck.sampling import BASIS_POINTS
from workstation.types import Role, UnitLevel, UnitRow

CHECK_ROLES = frozenset({Role.ADMIN, Role.REVIEWER, Role.INSPECTION})
LEDGER_ROLES = CHECK_ROLES | {Role.APPROVER}


@dataclass(frozen=True)
class SpotCheckSettings:
    ratio_bp: int = 1000
    min_per_officer: int = 1
    min_coverage_bp: int = 9000
    claim_minutes: int = 30
    due_days: int = 1

    @classmethod
    def load(cls) -> "SpotCheckSettings":
        """The [spotcheck] table of workstation.toml over the defaults."""
        return cls.from_settings(config.load_settings())

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> "SpotCheckSettings":
        """The [spotcheck] table of these deployment settings over the defaults."""
        section: dict[str, Any] = settings.get("spotcheck", {})
        defaults = cls()
        try:
            return cls(
                ratio_bp=parse_share(section["ratio"]) if "ratio" in section else defaults.ratio_bp,
                min_per_officer=int(section.get("min_per_officer", defaults.min_per_officer)),
                min_coverage_bp=(
                    parse_share(section["min_coverage"]) if "min_coverage" in section else defaults.min_coverage_bp
                ),
                claim_minutes=int(section.get("claim_minutes", defaults.claim_minutes)),
                due_days=int(section.get("due_days", defaults.due_days)),
            )
        except (TypeError, ValueError) as error:
            raise SpotCheckError("spotcheck_settings_invalid", detail=str(error)) from error


def parse_share(value: object) -> int:
    """A proportion as basis points: 0.1, "0.1", "10%" and "10 %" are all 1000. Exact, never a float product."""
    text = str(value).strip()
    try:
        number = Decimal(text.rstrip("%").strip()) / (100 if text.endswith("%") else 1)
    except InvalidOperation as error:
        raise ValueError(f"“{value}”不是比例（例如 0.1 或 10%）") from error
    points = number * BASIS_POINTS
    if points != points.to_integral_value() or not 1 <= points <= BASIS_POINTS:
        raise ValueError(f"比例“{value}”应在 0.01% 与 100% 之间，最多精确到 0.01%")
    return int(points)


def require_units(session: Session, who: Identity, roles: frozenset[Role]) -> tuple[Principal, frozenset[int]]:
    """The user and the units they work on (their own and those below it); PermissionDenied for other roles
    and for system actors (claiming and reviewing need a person)."""
    principal = principal_of(session, who)
    if principal.role not in roles:
        raise PermissionDenied("spotcheck_role_denied")
    return principal, OrgTree.load(session).subtree(principal.unit_id)


def working_units(session: Session, who: Identity, roles: frozenset[Role]) -> frozenset[int]:
    """The units `who` may draw plans for and read the ledger of: a user's own and those below (as
    require_units); a system actor — the scheduled daily draw, the command line acting for the computer's
    account — every unit. That is all a system actor may do in the spot check."""
    if who.is_user:
        return require_units(session, who, roles)[1]
    return frozenset(session.execute(select(Unit.id)).scalars())


def units_in_charge(session: Session, who: Identity, roles: frozenset[Role] = CHECK_ROLES) -> list[UnitRow]:
    """The units the user works on, their own first and then the units below by code (for unit pickers)."""
    principal, units = require_units(session, who, roles)
    rows = session.execute(select(Unit).where(Unit.id.in_(sorted(units)))).scalars()
    ordered = sorted(rows, key=lambda unit: (unit.id != principal.unit_id, unit.code))
    return [UnitRow(unit.id, unit.code, unit.name, UnitLevel(unit.level)) for unit in ordered]
