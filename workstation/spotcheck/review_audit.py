"""Each review against its `spotcheck.review` audit row (issue 13: checks against the chain).

A review row (verdict, answers, coverage, problem, rectification, reviewer, time) can be edited by anyone
who can write the database; its audit row cannot be forged without the audit key. `review_details` is
what the audit row records, written by `reviews.submit_review` and re-derived here from the current
rows: every key the authentic audit row holds must still say the same. A key an older audit row does not
hold (written before these keys were recorded) is not compared; verdict, answers, coverage and speed
were recorded from the start. A review with no authentic audit row is itself a finding.

`mismatches` checks a batch of reviews with three queries, so the ledger export can check every line it
writes; `spotcheck verify PLAN` checks the reviews of the plan.
"""

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AuditEvent, SpotCheckAnswer, SpotCheckReview, User
from workstation import audit
from workstation.spotcheck.text import ANSWER_NAMES, CHECK_ITEM_NAMES, VERDICT_NAMES
from workstation.spotcheck.types import Verdict

REVIEW_ACTION = "spotcheck.review"
REVIEW_TARGET = "spotcheck_item"
NO_RECORD = "审计日志中没有该检查可信的记录"

FIELD_NAMES = {
    "review": "检查记录",
    "clip": "文件",
    "unit": "单位",
    "officer": "执法人员",
    "reviewer": "检查人",
    "reviewer_id": "检查人编号",
    "reviewed_at": "检查时间",
    "verdict": "结论",
    "problem": "存在问题",
    "rectification": "整改要求",
    "duration_ms": "时长",
    "played_ms": "回放时长",
    "coverage_bp": "回放覆盖率",
    "played_intervals": "回放区间",
    "top_speed": "最高倍速",
    "answers": "检查项",
    "automatic": "自动检查项",
}


def review_details(review: SpotCheckReview, reviewer: str, answers: Mapping[str, tuple[str, bool]]) -> dict[str, Any]:
    """The details of a review's audit row; `answers` maps an item code to (answer, automatic), as stored."""
    return {
        "review": review.id,
        "clip": review.clip_id,
        "unit": review.unit_id,
        "officer": review.officer_id,
        "reviewer": reviewer,
        "reviewer_id": review.reviewer_id,
        "reviewed_at": review.reviewed_at.isoformat(),
        "verdict": review.verdict,
        "problem": review.problem,
        "rectification": review.rectification,
        "duration_ms": review.duration_ms,
        "played_ms": review.played_ms,
        "coverage_bp": review.coverage_bp,
        "played_intervals": json.loads(review.played_intervals),
        "top_speed": review.top_speed,
        "answers": {code: answer for code, (answer, _) in sorted(answers.items())},
        "automatic": sorted(code for code, (_, automatic) in answers.items() if automatic),
    }


def mismatches(session: Session, review_ids: Iterable[int]) -> dict[int, str]:
    """Review id → what differs from its authentic audit row, for the reviews of `review_ids` that differ."""
    wanted = sorted(set(review_ids))
    if not wanted:
        return {}
    reviews = session.execute(
        select(SpotCheckReview, User.login)
        .join(User, User.id == SpotCheckReview.reviewer_id)
        .where(SpotCheckReview.id.in_(wanted))
    ).all()
    answers: dict[int, dict[str, tuple[str, bool]]] = defaultdict(dict)
    for review_id, code, answer, automatic in session.execute(
        select(
            SpotCheckAnswer.review_id, SpotCheckAnswer.item_code, SpotCheckAnswer.answer, SpotCheckAnswer.automatic
        ).where(SpotCheckAnswer.review_id.in_(wanted))
    ):
        answers[review_id][code] = (answer, automatic)
    recorded = _recorded(session, [review.item_id for review, _ in reviews])
    found = {}
    for review, login in reviews:
        details = recorded.get(review.id)
        if details is None:
            found[review.id] = NO_RECORD
            continue
        current = json.loads(audit.canonical_details(review_details(review, login, answers[review.id])))
        differences = [
            f"{FIELD_NAMES[key]}为 {_shown(key, value)}，审计日志记录为 {_shown(key, details[key])}"
            for key, value in current.items()
            if key in details and details[key] != value
        ]
        if differences:
            found[review.id] = "；".join(differences)
    return found


def _recorded(session: Session, item_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Review id → the details of its first authentic audit row (one query over the items' rows)."""
    rows = session.execute(
        select(AuditEvent)
        .where(
            AuditEvent.target_type == REVIEW_TARGET,
            AuditEvent.target_id.in_([str(item_id) for item_id in item_ids]),
            AuditEvent.action == REVIEW_ACTION,
        )
        .order_by(AuditEvent.seq)
    ).scalars()
    recorded: dict[int, dict[str, Any]] = {}
    for row in rows:
        details = json.loads(row.details)
        review_id = details.get("review")
        if isinstance(review_id, int) and review_id not in recorded and audit.row_is_authentic(session, row):
            recorded[review_id] = details
    return recorded


def _shown(key: str, value: object) -> str:
    """A recorded value as the ledger reader knows it (合格, not pass)."""
    if key == "verdict" and value in set(Verdict):
        return VERDICT_NAMES[Verdict(str(value))]
    if key == "answers" and isinstance(value, dict):
        items = {item.value: name for item, name in CHECK_ITEM_NAMES.items()}
        words = {answer.value: name for answer, name in ANSWER_NAMES.items()}
        return "，".join(f"{items.get(code, code)} {words.get(answer, answer)}" for code, answer in value.items())
    if isinstance(value, str):
        return f"“{value}”" if key in ("problem", "rectification") else value
    return json.dumps(value, ensure_ascii=False)
