"""Case links: the incidents and cases (by number) each clip is linked to, as `clip.link_case` and
`clip.unlink_case` set them. Only clips these events name, and links of clips no such event names, are read.
"""

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models import Case, ClipCaseLink
from workstation.integrity.replay import Expected, History, Tally, batches, compare, histories, logged
from workstation.integrity.types import Discrepancy

TABLE = "clip_case_links"
ACTIONS = ("clip.link_case", "clip.unlink_case")


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    for batch in batches(histories(session, "clip", ACTIONS, tally)):
        expected = {history.row_id: _fold(history) for history in batch}
        current = dict(_linked(session, ClipCaseLink.clip_id.in_(expected)))
        tally.rows += len(current)
        for clip_id, state in expected.items():
            yield from compare(TABLE, clip_id, state, {"case_no": current.get(clip_id, [])})
    for clip_id, numbers in _linked(session, ~logged("clip", ACTIONS, ClipCaseLink.clip_id)):
        tally.rows += 1
        yield from compare(TABLE, clip_id, Expected(), {"case_no": numbers})


def _linked(session: Session, which: ColumnElement[bool]) -> Iterator[tuple[int, list[str]]]:
    """The case numbers of the links `which` selects, clip by clip."""
    statement = (
        select(ClipCaseLink.clip_id, Case.case_no)
        .join(Case, Case.id == ClipCaseLink.case_id)
        .where(which)
        .order_by(ClipCaseLink.clip_id, Case.case_no)
    )
    for clip_id, links in groupby(session.execute(statement), key=itemgetter(0)):
        yield clip_id, [case_no for _, case_no in links]


def _fold(history: History) -> Expected:
    state = Expected()
    linked: set[str] = set()
    for event in history.events:
        number = str(event.details.get("case_no", ""))
        if event.action == "clip.link_case":
            linked.add(number)
        else:
            linked.discard(number)
        state.set("case_no", sorted(linked), event.seq)
    return state
