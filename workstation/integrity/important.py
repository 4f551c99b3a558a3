"""Important marks (★): a clip is important when the recorder marked it (`clip.recorder_marked_important`,
written at ingest for an IMP file) or a person did (`clip.mark_important`), until `clip.unmark_important`.

Only clips these events name, and clips marked important without any of them, are read: the archive may
hold millions of clips, nearly all unmarked.
"""

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip
from workstation.integrity.replay import Expected, History, Tally, batches, compare, histories, logged
from workstation.integrity.types import Discrepancy

TABLE = "clips"
_SETS = {"clip.recorder_marked_important": True, "clip.mark_important": True, "clip.unmark_important": False}
ACTIONS = tuple(_SETS)


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    for batch in batches(histories(session, "clip", ACTIONS, tally)):
        expected = {history.row_id: _fold(history) for history in batch}
        current = dict(session.execute(select(Clip.id, Clip.important).where(Clip.id.in_(expected))).all())
        tally.rows += len(current)
        for clip_id, state in expected.items():
            yield from compare(TABLE, clip_id, state, {"important": current[clip_id]} if clip_id in current else None)
    orphans = select(Clip.id).where(Clip.important.is_(True), ~logged("clip", ACTIONS, Clip.id))
    for (clip_id,) in session.execute(orphans):
        tally.rows += 1
        yield from compare(TABLE, clip_id, Expected(), {"important": True})


def _fold(history: History) -> Expected:
    state = Expected()
    for event in history.events:
        state.set("important", _SETS[event.action], event.seq)
    return state
