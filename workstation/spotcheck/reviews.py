"""Reviewing a sampled clip: the checklist, the verdict, and the proof that the clip was played back.

The reviewer answers the six observation items; the system answers three from the archive (uploaded
within 24 h of recording, linked to an incident or case, file intact). The player's played spans give
the coverage; 合格 below the minimum coverage is refused, so "passed" always means "watched". 合格 is
also refused with an observation answered 否 or a file that is not intact; a late upload or a missing
case link is recorded in the ledger but left to the reviewer's judgement (not every recording has a case).
"""

import json
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Clip, ClipCaseLink, SpotCheckAnswer, SpotCheckItem, SpotCheckReview
from db.session import Sessions
from workstation import audit, clock
from workstation.errors import CoverageTooLow, ItemTaken, PermissionDenied, ReviewIncomplete
from workstation.identity import Identity
from workstation.spotcheck import coverage
from workstation.spotcheck.ledger import get_ledger_row
from workstation.spotcheck.policy import CHECK_ROLES, require_units
from workstation.spotcheck.review_audit import REVIEW_ACTION, REVIEW_TARGET, review_details
from workstation.spotcheck.types import (
    MANUAL_CHECK_ITEMS,
    AutomaticFacts,
    CheckAnswer,
    ItemStatus,
    LedgerRow,
    ReviewInput,
    Verdict,
)
from workstation.types import LATE_UPLOAD_HOURS, MediaStatus

MAX_SPEED = 64.0


def automatic_facts(session: Session, clip_id: int) -> AutomaticFacts:
    """What the archive says about the clip for the three automatic checklist items."""
    clip = session.get(Clip, clip_id)
    if clip is None:
        raise ReviewIncomplete("review_clip_missing", clip_id=clip_id)
    linked = session.execute(select(ClipCaseLink.clip_id).where(ClipCaseLink.clip_id == clip_id).limit(1)).first()
    return AutomaticFacts(
        uploaded_24h=clip.ingested_at - clip.recorded_start <= timedelta(hours=LATE_UPLOAD_HOURS),
        case_linked=linked is not None,
        file_intact=clip.media_status == MediaStatus.OK,
    )


def item_facts(session: Session, who: Identity, item_id: int) -> AutomaticFacts:
    """The automatic answers for a sampled item, for the checklist form before it is submitted."""
    _, units = require_units(session, who, CHECK_ROLES)
    item = session.get(SpotCheckItem, item_id)
    if item is None or item.unit_id not in units:
        raise PermissionDenied("review_item_denied", item_id=item_id)
    return automatic_facts(session, item.clip_id)


def check_review(review: ReviewInput) -> None:
    """Refuse an incomplete checklist before touching the database (ReviewIncomplete)."""
    missing = tuple(item for item in MANUAL_CHECK_ITEMS if item not in review.answers)
    if missing:
        raise ReviewIncomplete("checklist_unanswered", items=missing)
    if review.verdict is not Verdict.PASS and not review.problem.strip():
        raise ReviewIncomplete("problem_missing", verdict=review.verdict)
    if review.verdict is Verdict.FAIL and not review.rectification.strip():
        raise ReviewIncomplete("rectification_missing")
    failed = tuple(item for item in MANUAL_CHECK_ITEMS if review.answers[item] is CheckAnswer.NO)
    if review.verdict is Verdict.PASS and failed:
        raise ReviewIncomplete("pass_with_failed_items", items=failed)
    if not 0 < review.top_speed <= MAX_SPEED:
        raise ReviewIncomplete("speed_implausible", speed=review.top_speed)


def submit_review(
    sessions: Sessions,
    who: Identity,
    item_id: int,
    review: ReviewInput,
    min_coverage_bp: int = 9000,
    now: datetime | None = None,
) -> LedgerRow:
    """Record the review of a sampled item as a ledger line, in one transaction with its audit row.

    The item must be open and either free or claimed by the user (an expired claim of someone else's
    counts as free). CoverageTooLow when 合格 is asked for below `min_coverage_bp` of the clip played.
    """
    check_review(review)
    now = now or clock.now()
    with sessions.write() as session:
        principal, units = require_units(session, who, CHECK_ROLES)
        item = session.execute(
            select(SpotCheckItem).where(SpotCheckItem.id == item_id).with_for_update()
        ).scalar_one_or_none()
        if item is None or item.unit_id not in units:
            raise PermissionDenied("review_item_denied", item_id=item_id)
        if item.status != ItemStatus.OPEN:
            raise ItemTaken("item_closed", item_id=item_id)
        if item.claimed_by not in (None, principal.id) and item.claim_expires_at and item.claim_expires_at > now:
            raise ItemTaken("item_claimed", item_id=item_id)
        clip = session.get_one(Clip, item.clip_id)
        spans = coverage.merge(review.played_intervals, clip.duration_ms)
        covered = coverage.coverage_bp(spans, clip.duration_ms)
        if review.verdict is Verdict.PASS and covered < min_coverage_bp:
            if not clip.duration_ms:
                raise CoverageTooLow("duration_unknown")
            raise CoverageTooLow("coverage_too_low", covered_bp=covered, required_bp=min_coverage_bp)
        facts = automatic_facts(session, clip.id)
        if review.verdict is Verdict.PASS and not facts.file_intact:
            raise ReviewIncomplete("pass_on_damaged_file")
        entry = SpotCheckReview(
            item_id=item.id,
            clip_id=clip.id,
            unit_id=item.unit_id,
            officer_id=item.officer_id,
            reviewer_id=principal.id,
            reviewed_at=now,
            verdict=review.verdict,
            problem=review.problem.strip(),
            rectification=review.rectification.strip(),
            duration_ms=clip.duration_ms,
            played_ms=sum(end - start for start, end in spans),
            coverage_bp=covered,
            top_speed=float(review.top_speed),
            played_intervals=json.dumps(spans),
        )
        session.add(entry)
        session.flush()
        answers = {item_code: (answer, False) for item_code, answer in review.answers.items()}
        answers |= {item_code: (answer, True) for item_code, answer in facts.answers().items()}
        session.add_all(
            SpotCheckAnswer(review_id=entry.id, item_code=code, answer=answer, automatic=automatic)
            for code, (answer, automatic) in answers.items()
        )
        item.status, item.claimed_by, item.claimed_at, item.claim_expires_at = ItemStatus.REVIEWED, None, None, None
        stored = {code.value: (answer.value, automatic) for code, (answer, automatic) in answers.items()}
        details = review_details(entry, principal.login, stored)
        audit.record(session, who.audit_name, REVIEW_ACTION, REVIEW_TARGET, item.id, details)
        session.flush()
        return get_ledger_row(session, entry.id)
