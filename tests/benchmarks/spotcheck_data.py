"""Bulk rows for the spot-check benchmarks: a detachment's day of footage, and a ledger of N checks.

Rows go in through SQLAlchemy Core `executemany` in chunks (no ORM, no media files) into an archive
migrated by the real migrations; everything is deterministic for a given seed.
"""

import hashlib
import json
import random
from datetime import date, datetime, timedelta

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from db.models import (
    AuditChainHead,
    AuditEvent,
    Clip,
    Device,
    Officer,
    SpotCheckAnswer,
    SpotCheckItem,
    SpotCheckPlan,
    SpotCheckReview,
    Unit,
    User,
)
from workstation import clock, sample_seeds
from workstation.archive import Archive
from workstation.audit import canonical_details
from workstation.audit.chain import archive_keys, row_digest
from workstation.retention.policy import add_months
from workstation.spotcheck.review_audit import REVIEW_ACTION, REVIEW_TARGET, review_details
from workstation.spotcheck.types import CheckAnswer, CheckItem, ItemStatus, Verdict

CHUNK = 10_000
DETACHMENT = "ZD01"
BRIGADES = 10
EPOCH = datetime(2026, 1, 1)
CHAIN_COLUMNS = ("prev_hash", "seq", "occurred_at", "actor", "action", "target_type", "target_id", "details")


def _chunks(engine: Engine, table, rows) -> None:
    batch = []
    with engine.begin() as connection:
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                connection.execute(insert(table), batch)
                batch = []
        if batch:
            connection.execute(insert(table), batch)


def _organisation(engine: Engine, officers: int) -> tuple[list[int], list[tuple[int, int, int]]]:
    """A detachment with BRIGADES brigades; officers spread over them, each with a recorder.
    Returns the brigade ids and (officer id, unit id, device id) per officer."""
    _chunks(
        engine,
        Unit.__table__,
        [
            {
                "code": DETACHMENT,
                "name": "临江市消防救援支队",
                "level": "detachment",
                "police_type": "消防",
                "parent_id": None,
            }
        ],
    )
    with engine.connect() as connection:
        top = connection.execute(select(Unit.id).where(Unit.code == DETACHMENT)).scalar_one()
    _chunks(
        engine,
        Unit.__table__,
        [
            {
                "code": f"DD{n:02d}",
                "name": f"第{n}消防救援大队",
                "level": "brigade",
                "police_type": "消防",
                "parent_id": top,
            }
            for n in range(1, BRIGADES + 1)
        ],
    )
    with engine.connect() as connection:
        brigades = list(connection.execute(select(Unit.id).where(Unit.parent_id == top).order_by(Unit.id)).scalars())
    _chunks(
        engine,
        Officer.__table__,
        [
            {
                "badge_no": f"{100000 + n}",
                "name": f"民警{n:04d}",
                "unit_id": brigades[n % BRIGADES],
                "registered_at": EPOCH,
            }
            for n in range(officers)
        ],
    )
    _chunks(
        engine,
        Device.__table__,
        [
            {
                "device_no": f"DSJ{n:05d}",
                "serial": None,
                "model": "DSJ-V9",
                "unit_id": brigades[n % BRIGADES],
                "holder_officer_id": None,
                "clock_offset_ms": 0,
                "registered_at": EPOCH,
            }
            for n in range(officers)
        ],
    )
    with engine.connect() as connection:
        officer_rows = connection.execute(select(Officer.id, Officer.unit_id).order_by(Officer.id)).all()
        devices = list(connection.execute(select(Device.id).order_by(Device.id)).scalars())
    return brigades, [(o.id, o.unit_id, d) for o, d in zip(officer_rows, devices, strict=True)]


def _clip(number: int, officer: tuple[int, int, int], start: datetime, duration_ms: int) -> dict:
    name = f"DSJ_{officer[0]:05d}_{start:%Y%m%d%H%M%S}_{number:07d}.MP4"
    return {
        "sha256": hashlib.sha256(name.encode()).hexdigest(),
        "file_type": "video",
        "original_name": name,
        "media_path": f"bench/{officer[0]}/{name}",
        "size_bytes": duration_ms * 500,
        "unit_id": officer[1],
        "officer_id": officer[0],
        "device_id": officer[2],
        "recorded_start": start,
        "recorded_end": start + timedelta(milliseconds=duration_ms),
        "duration_ms": duration_ms,
        "clock_offset_ms": 0,
        "ingested_at": start + timedelta(hours=3),
        "ingest_station": "采集站1",
        "name_pattern": "gat947",
        "important": False,
        "retention_class": "years_2",
        "retention_rule": "base",
        "retention_triggers": "",
        "keep_until": add_months(start.date(), 24),
        "media_status": "ok",
        "media_problem": "",
    }


def load_day_footage(engine: Engine, officers: int, clips_per_officer: int, days: list[date], seed: int) -> None:
    """`officers` officers over the brigades, each with `clips_per_officer` clips (1–30 min) on each day."""
    rng = random.Random(seed)
    _, roster = _organisation(engine, officers)

    def clips():
        number = 0
        for day in days:
            for officer in roster:
                start = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
                for _ in range(clips_per_officer):
                    duration = rng.randint(1, 30) * 60_000 - rng.randint(0, 59_000)
                    yield _clip(number, officer, start, duration)
                    start += timedelta(milliseconds=duration + rng.randint(60_000, 1_800_000))
                    number += 1

    _chunks(engine, Clip.__table__, clips())


def record_as_ingested(archive: Archive, actor: str = "station:采集站1") -> None:
    """Write to the chain what ingest writes for the loaded clips: each unit and day's sampling seeds committed
    (workstation.sample_seeds) before the clips' `clip.ingest` rows, so plans drawn from the footage verify.

    The commitments go through the real service; the clip rows, tens of thousands, are chained in bulk."""
    with archive.sessions.write() as session:
        clips = session.execute(select(Clip.id, Clip.unit_id, Clip.recorded_start, Clip.sha256).order_by(Clip.id)).all()
        for unit_id, day in sorted({(clip.unit_id, clip.recorded_start.date()) for clip in clips}):
            sample_seeds.ensure_committed(session, actor, unit_id, day, "ingest")
        _chain(
            session, [(actor, "clip.ingest", "clip", str(clip_id), {"sha256": sha256}) for clip_id, *_, sha256 in clips]
        )


def record_as_reviewed(archive: Archive) -> None:
    """Write to the chain what submitting each loaded review writes: its `spotcheck.review` row, whose details
    the ledger and `spotcheck verify` check the review against (workstation.spotcheck.review_audit)."""
    with archive.sessions.write() as session:
        answers: dict[int, dict[str, tuple[str, bool]]] = {}
        for review_id, code, answer, automatic in session.execute(
            select(
                SpotCheckAnswer.review_id, SpotCheckAnswer.item_code, SpotCheckAnswer.answer, SpotCheckAnswer.automatic
            )
        ):
            answers.setdefault(review_id, {})[code] = (answer, automatic)
        reviews = session.execute(
            select(SpotCheckReview, User.login).join(User, User.id == SpotCheckReview.reviewer_id)
        ).all()
        _chain(
            session,
            [
                (
                    login,
                    REVIEW_ACTION,
                    REVIEW_TARGET,
                    str(review.item_id),
                    review_details(review, login, answers[review.id]),
                )
                for review, login in reviews
            ],
        )


def _chain(session: Session, events: list[tuple[str, str, str, str, dict[str, object]]]) -> None:
    """Append events (actor, action, target type, target id, details) exactly as audit.record chains them, in
    one executemany per chunk (audit.record one by one takes most of a minute on PostgreSQL)."""
    head = session.execute(select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()).scalar_one()
    keys = archive_keys(session).for_writing(session)
    seq, digest, when = head.last_seq, head.last_hash, clock.now()
    rows = []
    for actor, action, target_type, target_id, details in events:
        seq, prev = seq + 1, digest
        fields = (prev, seq, when, actor, action, target_type, target_id, canonical_details(details))
        digest = row_digest(keys.secret(keys.current), keys.current, *fields)
        rows.append(dict(zip(CHAIN_COLUMNS, fields, strict=True)) | {"row_hash": digest, "key_id": keys.current})
    for start in range(0, len(rows), CHUNK):
        session.connection().execute(insert(AuditEvent.__table__), rows[start : start + CHUNK])
    head.last_seq, head.last_hash = seq, digest


def load_ledger(engine: Engine, reviews: int, seed: int, first_day: date, days: int) -> None:
    """`reviews` checks done over `days` days from first_day: clips, plans, items, reviews, nine answers each."""
    rng = random.Random(seed)
    brigades, roster = _organisation(engine, 200)
    _chunks(
        engine,
        User.__table__,
        [
            {
                "login": f"checker{n}",
                "display_name": f"检查员{n}",
                "unit_id": brigades[n],
                "role": "reviewer",
                "password_hash": "-",
                "officer_id": None,
                "active": True,
                "failed_logins": 0,
                "locked_until": None,
                "created_at": EPOCH,
            }
            for n in range(5)
        ],
    )
    drawn = datetime.combine(first_day, datetime.min.time())
    _chunks(
        engine,
        SpotCheckPlan.__table__,
        [
            {
                "unit_id": unit,
                "day_from": first_day - timedelta(days=1),
                "day_to": first_day + timedelta(days=days),
                "ratio_bp": 1000,
                "min_per_officer": 1,
                "weight_long": False,
                "include_first": False,
                "exclude_checked": True,
                "algorithm": "SC1",
                "seed": f"{unit:064x}",
                "candidates_digest": "0" * 64,
                "sample_digest": "0" * 64,
                "candidate_count": reviews,
                "sample_count": reviews,
                "drawn_at": drawn,
                "drawn_by": "admin",
                "due_on": first_day,
                "active_key": f"bench-{unit}",
                "superseded_at": None,
                "replaces_id": None,
                "redraw_reason": "",
            }
            for unit in brigades
        ],
    )
    with engine.connect() as connection:
        plans = {unit: plan for unit, plan in connection.execute(select(SpotCheckPlan.unit_id, SpotCheckPlan.id))}
        users = list(connection.execute(select(User.id).order_by(User.id)).scalars())
    spread = timedelta(days=days).total_seconds()
    starts = [drawn + timedelta(seconds=spread * n / reviews) for n in range(reviews)]
    owners = [roster[rng.randrange(len(roster))] for _ in range(reviews)]
    durations = [rng.randint(1, 30) * 60_000 for _ in range(reviews)]
    _chunks(
        engine,
        Clip.__table__,
        (_clip(n, owners[n], starts[n] - timedelta(hours=20), durations[n]) for n in range(reviews)),
    )
    with engine.connect() as connection:
        first_clip = connection.execute(select(Clip.id).order_by(Clip.id).limit(1)).scalar_one()
    _chunks(
        engine,
        SpotCheckItem.__table__,
        (
            {
                "plan_id": plans[owners[n][1]],
                "clip_id": first_clip + n,
                "officer_id": owners[n][0],
                "unit_id": owners[n][1],
                "selection": "random",
                "rank": 0,
                "status": ItemStatus.REVIEWED,
                "claimed_by": None,
                "claimed_at": None,
                "claim_expires_at": None,
            }
            for n in range(reviews)
        ),
    )
    with engine.connect() as connection:
        first_item = connection.execute(select(SpotCheckItem.id).order_by(SpotCheckItem.id).limit(1)).scalar_one()
    verdicts = [Verdict.PASS] * 8 + [Verdict.MOSTLY, Verdict.FAIL]
    _chunks(
        engine,
        SpotCheckReview.__table__,
        (
            {
                "item_id": first_item + n,
                "clip_id": first_clip + n,
                "unit_id": owners[n][1],
                "officer_id": owners[n][0],
                "reviewer_id": users[n % len(users)],
                "reviewed_at": starts[n],
                "verdict": (v := verdicts[n % 10]),
                "problem": "" if v is Verdict.PASS else "未按规定告知当事人正在录音录像，执法用语不规范",
                "rectification": "组织学习执法规范用语" if v is Verdict.FAIL else "",
                "duration_ms": durations[n],
                "played_ms": durations[n],
                "coverage_bp": 10_000,
                "top_speed": 2.0,
                "played_intervals": json.dumps([[0, durations[n]]]),
            }
            for n in range(reviews)
        ),
    )
    with engine.connect() as connection:
        first_review = connection.execute(select(SpotCheckReview.id).order_by(SpotCheckReview.id).limit(1)).scalar_one()
    _chunks(
        engine,
        SpotCheckAnswer.__table__,
        (
            {"review_id": first_review + n, "item_code": item, "answer": CheckAnswer.YES, "automatic": index >= 6}
            for n in range(reviews)
            for index, item in enumerate(CheckItem)
        ),
    )
