"""The facts of a clip that retention rules look at, as stable trigger keys.

A clip's triggers are what it *is*, whatever the policy says about it: "important" (a person's or the
recorder's IMP mark), "site:<category>", "case:<kind>" for each kind of case it is linked to, and
"marker:<category>" for each mark category on it. They are stored on the clip (sorted, joined by "|") so a
policy change is priced by grouping clips by (unit, triggers) instead of reading each clip's facts.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Case, Clip, ClipCaseLink, Marker

SEPARATOR = "|"
OUTSIDE_POLICY = ("!unassessed", "!destroyed")
"""Trigger strings no rule matches, for clips the policy does not govern: archived before retention existed
(until `retention run` assesses them) or destroyed. They keep such clips out of every policy grouping."""
UNASSESSED, DESTROYED = OUTSIDE_POLICY
CASE_KINDS = ("incident", "case", "complaint")
"""The values of workstation.footage.types.CaseKind (a test keeps them equal): case rules name one of them."""


def join(keys: Iterable[str]) -> str:
    return SEPARATOR.join(sorted(set(keys)))


def split(stored: str) -> tuple[str, ...]:
    return tuple(stored.split(SEPARATOR)) if stored else ()


def own_triggers(important: bool, site_category: str | None) -> set[str]:
    """The triggers a clip row carries by itself (no links or marks)."""
    keys = {"important"} if important else set()
    if site_category:
        keys.add(f"site:{site_category}")
    return keys


def of_clips(session: Session, clip_ids: Sequence[int]) -> dict[int, str]:
    """Each clip's trigger string, from its row, its case links and its marks."""
    found: dict[int, set[str]] = defaultdict(set)
    for clip_id, important, site in session.execute(
        select(Clip.id, Clip.important, Clip.site_category).where(Clip.id.in_(clip_ids))
    ):
        found[clip_id] |= own_triggers(important, site)
    for clip_id, kind in session.execute(
        select(ClipCaseLink.clip_id, Case.kind)
        .join(Case, Case.id == ClipCaseLink.case_id)
        .where(ClipCaseLink.clip_id.in_(clip_ids))
    ):
        found[clip_id].add(f"case:{kind}")
    for clip_id, category in session.execute(
        select(Marker.clip_id, Marker.category).where(Marker.clip_id.in_(clip_ids)).distinct()
    ):
        found[clip_id].add(f"marker:{category}")
    return {clip_id: join(found[clip_id]) for clip_id in clip_ids}
