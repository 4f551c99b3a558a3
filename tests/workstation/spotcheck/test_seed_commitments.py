"""Committed sampling seeds on both databases: a day's seeds are committed in the chain before its first clip,
a draw reveals the next unused one, a draw made again after a rollback gives the same sample, a redraw takes
the next seed, and `verify` notices a late, replaced, skipped or underived seed."""

import hashlib
import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from db.models import AuditEvent, Clip, SeedCommitment, SpotCheckItem, SpotCheckPlan, SpotCheckPlanSeed, Unit
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import audit, sample_seeds
from workstation.errors import SpotCheckError
from workstation.identity import Identity
from workstation.spotcheck import plans as spotcheck_plans
from workstation.spotcheck import sampling
from workstation.spotcheck.types import DrawSpec
from workstation.spotcheck.verify import verify_plan
from workstation.types import FileType

DRAWN_AT = datetime(2026, 11, 22, 9, 0)
ADMIN = Identity.user("admin")


@pytest.fixture
def org(archive):
    return build_spotcheck_org(archive)


def _draw(archive, unit: str = "DD01"):
    [outcome] = spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, unit), ADMIN, now=DRAWN_AT)
    return outcome.plan


def _problems(archive, plan_id: int) -> tuple[str, ...]:
    with archive.sessions.read() as session:
        return verify_plan(session, ADMIN, plan_id).problems


def _sample(archive, plan_id: int) -> set[int]:
    with archive.sessions.read() as session:
        return set(session.execute(select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == plan_id)).scalars())


def test_a_days_seeds_are_committed_once_before_its_first_clip(archive, org):
    with archive.sessions.read() as session:
        [commitment] = session.execute(
            select(SeedCommitment).where(SeedCommitment.unit_id == org.units["DD01"])
        ).scalars()
        event = sample_seeds.commit_event(session, org.units["DD01"], DAY)
        first_clip = min(org.clips["100001"] + org.clips["100002"])
        ingest_seq = session.execute(
            select(AuditEvent.seq).where(AuditEvent.action == "clip.ingest", AuditEvent.target_id == str(first_clip))
        ).scalar_one()
        assert event.seq == commitment.commit_seq < ingest_seq
        assert audit.row_is_authentic(session, event)
        details = json.loads(event.details)
        assert details["day"] == DAY.isoformat() and details["occasion"] == "ingest"
        assert len(details["commitments"]) == sample_seeds.SEEDS_PER_DAY == len(set(details["commitments"]))
        seeds = [sample_seeds.reveal(session, commitment, index) for index in range(2)]
        assert [sample_seeds.commitment_of(seed) for seed in seeds] == details["commitments"][:2]
        assert seeds[0] not in event.details  # the chain holds hashes only: the database tells no seed
    with archive.sessions.write() as session:
        again = sample_seeds.ensure_committed(session, "admin", org.units["DD01"], DAY, "ingest")
        assert again.commit_seq == commitment.commit_seq


def test_the_plan_seed_derives_from_the_first_day_seed_and_verifies(archive, org):
    plan = _draw(archive)
    [day_seed] = plan.day_seeds
    assert (day_seed.day, day_seed.index) == (DAY, 0)
    text = f"{DAY.isoformat()} 0 {day_seed.seed}\n"
    assert plan.seed == hashlib.sha256(text.encode()).hexdigest()
    assert _problems(archive, plan.id) == ()


def test_a_draw_rolled_back_and_made_again_gives_the_same_sample(archive, org):
    """The grinding attack: draw in a transaction, look at the sample, roll back, draw again."""
    spec = DrawSpec(DAY, DAY, "DD01")
    params = sampling.SampleParams()
    seen = []
    for _ in range(3):
        with pytest.raises(RuntimeError), archive.sessions.write() as session:
            outcome = spotcheck_plans._draw_unit(session, org.units["DD01"], "DD01", spec, params, ADMIN, DRAWN_AT, 1)
            seen.append((outcome.plan.seed, _items_in(session, outcome.plan.id)))
            raise RuntimeError("not this one")
    committed = _draw(archive)
    assert {seed for seed, _ in seen} == {committed.seed}
    assert all(sample == _sample(archive, committed.id) for _, sample in seen)


def _items_in(session, plan_id: int) -> set[int]:
    return set(session.execute(select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == plan_id)).scalars())


def test_a_redraw_takes_the_next_seed_and_both_verify(archive, org):
    first = _draw(archive)
    second = spotcheck_plans.redraw(archive.sessions, first.id, "录像文件损坏，重新抽取", ADMIN, now=DRAWN_AT)
    assert [s.index for s in second.day_seeds] == [1] and second.seed != first.seed
    assert second.day_seeds[0].commit_seq == first.day_seeds[0].commit_seq
    assert _problems(archive, first.id) == () and _problems(archive, second.id) == ()


def test_a_day_has_a_limited_number_of_seeds(archive, org):
    plan = _draw(archive)
    for _ in range(sample_seeds.SEEDS_PER_DAY - 1):
        plan = spotcheck_plans.redraw(archive.sessions, plan.id, "测试", ADMIN, now=DRAWN_AT)
    assert plan.day_seeds[0].index == sample_seeds.SEEDS_PER_DAY - 1
    with pytest.raises(SpotCheckError, match="sample_seeds_used_up"):
        spotcheck_plans.redraw(archive.sessions, plan.id, "测试", ADMIN, now=DRAWN_AT)
    with archive.sessions.read() as session:  # refused whole: the plan is still in force
        assert session.get(SpotCheckPlan, plan.id).superseded_at is None


def test_footage_archived_before_its_days_commitment_makes_the_plan_late(archive, org):
    """An archive from before commitments: the draw commits the day itself, and verify says it was late."""
    later_day = DAY + timedelta(days=1)
    with archive.sessions.write() as session:
        unit = session.get(Unit, org.units["DD02"])
        clip = Clip(
            sha256="ab" * 32,
            file_type=FileType.VIDEO,
            original_name="old.mp4",
            media_path="DD02/200001/old.mp4",
            size_bytes=1,
            unit_id=unit.id,
            officer_id=org.officers["200001"],
            recorded_start=datetime.combine(later_day, datetime.min.time()) + timedelta(hours=9),
            duration_ms=60_000,
            ingested_at=DRAWN_AT,
            ingest_station="旧版采集站",
            name_pattern="test",
        )
        session.add(clip)
        session.flush()
        audit.record(session, "station:旧版", "clip.ingest", "clip", clip.id, {"sha256": clip.sha256})
    spec = DrawSpec(later_day, later_day, "DD02")
    [outcome] = spotcheck_plans.draw_plans(archive.sessions, spec, ADMIN, now=DRAWN_AT + timedelta(days=1))
    with archive.sessions.read() as session:
        occasion = json.loads(sample_seeds.commit_event(session, unit.id, later_day).details)["occasion"]
    assert occasion == "draw"
    [problem] = _problems(archive, outcome.plan.id)
    assert "承诺过晚" in problem and str(clip.id) in problem


def test_verify_notices_a_replaced_skipped_or_underived_seed(archive, org):
    plan = _draw(archive)
    other_seed = "00" * 32
    with archive.sessions.write() as session:  # a seed of one's own choosing, and the plan made to match it
        session.execute(update(SpotCheckPlanSeed).where(SpotCheckPlanSeed.plan_id == plan.id).values(seed=other_seed))
        session.execute(update(SpotCheckPlan).where(SpotCheckPlan.id == plan.id).values(seed="11" * 32))
    problems = _problems(archive, plan.id)
    assert any("种子被替换" in problem for problem in problems)
    assert any("不是由其日种子按 SC1 规则推导出的" in problem for problem in problems)
    with archive.sessions.write() as session:  # a later seed number than the next unused one
        session.execute(update(SpotCheckPlanSeed).where(SpotCheckPlanSeed.plan_id == plan.id).values(seed_index=3))
    assert any("序号有跳过或重复" in problem for problem in _problems(archive, plan.id))
