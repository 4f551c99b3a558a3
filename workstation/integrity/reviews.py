"""Spot-check reviews: each review's verdict, answers, coverage, reviewer and time as its `spotcheck.review`
audit row recorded them (the row names the sampled item; one review per item, never changed afterwards).

Fields an older audit row did not hold (reviewer, time, problem, played spans) are reported as "no event".
A review whose item has no `spotcheck.review` row is one the log does not explain.
"""

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import SpotCheckAnswer, SpotCheckReview
from workstation.integrity.replay import Expected, History, Tally, batches, compare, histories, logged, unexplained
from workstation.integrity.types import Discrepancy

TABLE = "spotcheck_reviews"
ACTIONS = ("spotcheck.review",)
FIELDS = (
    "clip_id",
    "reviewer_id",
    "reviewed_at",
    "verdict",
    "problem",
    "rectification",
    "duration_ms",
    "played_ms",
    "coverage_bp",
    "top_speed",
)
_LOGGED_AS = {"clip_id": "clip"}  # the audit row's key where it differs from the column


def discrepancies(session: Session, tally: Tally) -> Iterator[Discrepancy]:
    for batch in batches(histories(session, "spotcheck_item", ACTIONS, tally)):
        expected = {history.row_id: _fold(history) for history in batch}
        rows = {
            row.item_id: row
            for row in session.execute(
                select(
                    SpotCheckReview.id,
                    SpotCheckReview.item_id,
                    SpotCheckReview.played_intervals,
                    *(getattr(SpotCheckReview, name) for name in FIELDS),
                ).where(SpotCheckReview.item_id.in_(expected))
            )
        }
        answers = _answers(session, [row.id for row in rows.values()])
        tally.rows += len(rows)
        for item_id, state in expected.items():
            row = rows.get(item_id)
            review_id = state.fields["id"].value if "id" in state.fields else f"抽查项{item_id}"
            current = None
            if row is not None:
                review_id = row.id
                current = {"id": row.id, **{name: getattr(row, name) for name in FIELDS}}
                current["played_intervals"] = json.loads(row.played_intervals)
                current |= answers.get(row.id, {"answers": {}, "automatic": []})
            yield from compare(TABLE, review_id, state, current)
    orphans = select(SpotCheckReview.id).where(~logged("spotcheck_item", ACTIONS, SpotCheckReview.item_id))
    for (review_id,) in session.execute(orphans):
        tally.rows += 1
        yield unexplained(TABLE, review_id, "无审查记录")


def _answers(session: Session, review_ids: list[int]) -> dict[int, dict[str, object]]:
    """Each review's checklist: the answers by item, and which items the archive answered."""
    answers: dict[int, dict[str, str]] = defaultdict(dict)
    automatic: dict[int, list[str]] = defaultdict(list)
    for review_id, code, answer, by_archive in session.execute(
        select(SpotCheckAnswer.review_id, SpotCheckAnswer.item_code, SpotCheckAnswer.answer, SpotCheckAnswer.automatic)
        .where(SpotCheckAnswer.review_id.in_(review_ids))
        .order_by(SpotCheckAnswer.review_id, SpotCheckAnswer.item_code)
    ):
        answers[review_id][code] = answer
        if by_archive:
            automatic[review_id].append(code)
    return {review_id: {"answers": answers[review_id], "automatic": automatic[review_id]} for review_id in review_ids}


def _fold(history: History) -> Expected:
    state = Expected()
    for event in history.events:
        details = event.details
        state.set("id", details.get("review"), event.seq)
        for name in (*FIELDS, "played_intervals", "answers", "automatic"):
            key = _LOGGED_AS.get(name, name)
            if key in details:
                value = details[key]
                if name == "reviewed_at" and isinstance(value, str):  # ISO 8601, to the microsecond
                    value = datetime.fromisoformat(value)
                state.set(name, value, event.seq)
    return state
