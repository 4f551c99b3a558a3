"""Drawing plans on both databases: per-officer quotas, one plan in force per unit, redraws, verification."""

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text

from db.models import AuditEvent, SpotCheckCandidate, SpotCheckItem, SpotCheckPlan
from tests.helpers.spotcheck_builders import DAY, add_clip, build_spotcheck_org, demo_copy, demo_last_day, officer_clip
from workstation import audit, cli
from workstation.errors import PermissionDenied, SpotCheckError
from workstation.identity import Identity
from workstation.spotcheck import plans as spotcheck_plans
from workstation.spotcheck.sampling import candidates_digest
from workstation.spotcheck.types import DrawSpec, ItemStatus, Selection
from workstation.spotcheck.verify import candidate_snapshot, verify_plan
from workstation.types import FileType

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

DRAWN_AT = datetime(2026, 11, 22, 9, 0)


@pytest.fixture
def org(archive):
    return build_spotcheck_org(archive)


def _draw(archive, unit: str | None = "ZD01", **options):
    spec = DrawSpec(DAY, DAY, unit, **options)
    return spotcheck_plans.draw_plans(archive.sessions, spec, Identity.user("admin"), now=DRAWN_AT)


def _items(archive, plan_id: int):
    with archive.sessions.read() as session:
        return spotcheck_plans.plan_items(session, Identity.user("admin"), plan_id, now=DRAWN_AT)


def _verify(archive, plan_id: int):
    with archive.sessions.read() as session:
        return verify_plan(session, Identity.user("admin"), plan_id)


def test_a_plan_per_unit_with_every_officer_who_recorded(archive, org):
    outcomes = _draw(archive)
    assert [(o.unit_code, o.plan.candidate_count, o.plan.sample_count) for o in outcomes] == [
        ("DD01", 13, 2),  # 10 % of 10 clips and of 3 clips, each rounded up to one
        ("DD02", 1, 1),
    ]
    plan = outcomes[0].plan
    assert plan.due_on == date(2026, 11, 23) and plan.drawn_by == "admin" and len(plan.seed) == 64
    items = _items(archive, plan.id)
    assert sorted(item.badge_no for item in items) == ["100001", "100002"]
    assert {item.file_type for item in items} == {FileType.VIDEO}  # never photos or logs
    assert all(item.status is ItemStatus.OPEN and item.selection is Selection.RANDOM for item in items)
    with archive.sessions.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "spotcheck.draw", AuditEvent.target_id == str(plan.id))
        ).scalar_one()
        assert json.loads(event.details)["seed"] == plan.seed
        assert audit.verify_chain(session).ok
    assert _verify(archive, plan.id).ok


def test_ratio_minimum_and_first_clip_options(archive, org):
    [first, second] = _draw(archive, ratio_bp=2500, min_per_officer=2, include_first=True)
    items = _items(archive, first.plan.id)
    by_officer = {badge: [i for i in items if i.badge_no == badge] for badge in ("100001", "100002")}
    assert len(by_officer["100001"]) == 1 + 3  # the first clip, plus ⌈25 % of 10⌉
    assert len(by_officer["100002"]) == 1 + 2  # the first clip, plus the minimum of 2
    assert by_officer["100001"][0].clip_id == org.clips["100001"][0]
    assert by_officer["100001"][0].selection is Selection.FIRST
    assert second.plan.sample_count == 1
    assert _verify(archive, first.plan.id).ok


def test_footage_awaiting_assignment_and_other_days_are_not_candidates(archive, org):
    officer_clip(archive, "100002", datetime(2026, 11, 22, 8))  # the next day
    with archive.sessions.write() as session:
        add_clip(session, None, None, datetime(2026, 11, 21, 9))  # 待分配: no unit yet
    [dd01, _] = _draw(archive)
    assert dd01.plan.candidate_count == 13


def test_a_second_draw_is_refused_and_a_redraw_needs_a_reason(archive, org):
    [first, _] = _draw(archive)
    again = _draw(archive, "DD01")
    assert again[0].plan is None and again[0].existing_plan_id == first.plan.id
    with pytest.raises(SpotCheckError, match="redraw_needs_reason"):
        spotcheck_plans.redraw(archive.sessions, first.plan.id, "  ", Identity.user("admin"))
    old_items = _items(archive, first.plan.id)
    new = spotcheck_plans.redraw(
        archive.sessions, first.plan.id, "抽取比例设置错误", Identity.user("admin"), now=datetime(2026, 11, 22, 10)
    )
    assert new.replaces_id == first.plan.id and new.redraw_reason == "抽取比例设置错误" and new.active
    with archive.sessions.read() as session:
        plans = spotcheck_plans.list_plans(session, Identity.user("admin"), DAY, DAY, unit_code="DD01")
        actions = session.execute(
            select(AuditEvent.action).where(AuditEvent.target_type == "spotcheck_plan").order_by(AuditEvent.seq)
        ).all()
    assert [(p.id, p.active) for p in plans] == [(first.plan.id, False), (new.id, True)]
    assert [a for (a,) in actions] == ["spotcheck.draw", "spotcheck.draw", "spotcheck.redraw"]
    assert {i.status for i in _items(archive, first.plan.id)} == {ItemStatus.WITHDRAWN}
    assert len(old_items) == 2
    assert _verify(archive, first.plan.id).ok and _verify(archive, new.id).ok
    with pytest.raises(SpotCheckError, match="plan_superseded"):
        spotcheck_plans.redraw(archive.sessions, first.plan.id, "再来一次", Identity.user("admin"))


def test_concurrent_draws_of_one_unit_make_one_plan(archive, org):
    def draw_once(_):
        return spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD01"), Identity.user("admin"))[0]

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(draw_once, range(4)))
    drawn = [o.plan.id for o in outcomes if o.plan]
    assert len(drawn) == 1
    assert {o.existing_plan_id for o in outcomes if not o.plan} == {drawn[0]}


def test_rights_follow_the_unit_and_role(archive, org):
    with pytest.raises(PermissionDenied):
        spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY, "DD02"), Identity.user("checker1"))
    with pytest.raises(PermissionDenied):
        spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), Identity.user("officer"))
    mine = spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), Identity.user("checker1"))
    assert [o.unit_code for o in mine] == ["DD01"]  # no unit given: the user's own units
    with pytest.raises(SpotCheckError, match="unit_code_unknown"):
        _draw(archive, "XX99")
    with pytest.raises(SpotCheckError, match="period_reversed"):
        spotcheck_plans.draw_plans(archive.sessions, DrawSpec(DAY, date(2026, 11, 1)), Identity.user("admin"))


def _edit_seed(session, plan_id):
    session.execute(text("UPDATE spotcheck_plans SET seed = :s WHERE id = :p"), {"s": "ab" * 32, "p": plan_id})


def _swap_item(session, plan_id):
    drawn = set(session.execute(select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == plan_id)).scalars())
    other = (
        session.execute(
            select(SpotCheckCandidate.clip_id).where(
                SpotCheckCandidate.plan_id == plan_id, SpotCheckCandidate.clip_id.not_in(drawn)
            )
        )
        .scalars()
        .first()
    )
    item = session.execute(select(SpotCheckItem).where(SpotCheckItem.plan_id == plan_id)).scalars().first()
    item.clip_id = other


def _drop_candidate(session, plan_id):
    """Take an awkward clip out of the candidates, and fix up the plan row's count and digest to match."""
    drawn = set(session.execute(select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == plan_id)).scalars())
    victim = (
        session.execute(
            select(SpotCheckCandidate).where(
                SpotCheckCandidate.plan_id == plan_id, SpotCheckCandidate.clip_id.not_in(drawn)
            )
        )
        .scalars()
        .first()
    )
    session.delete(victim)
    session.flush()
    plan = session.get(SpotCheckPlan, plan_id)
    remaining = candidate_snapshot(session, plan_id)
    plan.candidate_count, plan.candidates_digest = len(remaining), candidates_digest(remaining)


@pytest.mark.parametrize("tamper", [_edit_seed, _swap_item, _drop_candidate], ids=["seed", "item", "candidate"])
def test_a_tampered_plan_fails_verification(archive, org, tamper, capsys, tmp_path):
    [plan, _] = [o.plan for o in _draw(archive, ratio_bp=3000)]
    with archive.sessions.write() as session:
        tamper(session, plan.id)
    result = _verify(archive, plan.id)
    assert not result.ok
    assert result.problems, result
    if archive.engine.dialect.name == "sqlite":  # the command line on the same archive
        folder = str(archive.media_root.parent)
        assert cli.main(["--archive", folder, "spotcheck", "verify", str(plan.id)]) == 1
        assert "不一致" in capsys.readouterr().out


def test_verification_notices_clips_missing_from_the_snapshot(archive, org):
    [plan, _] = [o.plan for o in _draw(archive)]
    missing = officer_clip(archive, "100001", datetime(2026, 11, 21, 18))  # ingested before the draw
    problems = _verify(archive, plan.id).problems
    assert len(problems) == 1 and str(missing) in problems[0] and "删减" in problems[0]
    officer_clip(archive, "100002", datetime(2026, 11, 21, 19), ingested_after=timedelta(days=2))
    assert len(_verify(archive, plan.id).problems) == 1  # ingested after the draw: rightly not a candidate


def test_already_checked_clips_are_left_out_when_asked(archive, org):
    [plan, _] = [o.plan for o in _draw(archive, ratio_bp=10_000)]
    with archive.sessions.write() as session:
        reviewed = session.execute(select(func.count(SpotCheckItem.id))).scalar_one()
        session.execute(
            text(
                "INSERT INTO spotcheck_reviews (item_id, clip_id, unit_id, officer_id, reviewer_id, reviewed_at, "
                "verdict, problem, rectification, duration_ms, played_ms, coverage_bp, top_speed, played_intervals) "
                "SELECT i.id, i.clip_id, i.unit_id, i.officer_id, 1, :at, 'pass', '', '', 60000, 60000, 10000, 1.0, "
                "'[]' FROM spotcheck_items i WHERE i.plan_id = :plan AND i.officer_id = :officer"
            ),
            {"at": datetime(2026, 11, 22, 9, 30), "plan": plan.id, "officer": org.officers["100002"]},
        )
    assert reviewed == 14
    new = spotcheck_plans.redraw(
        archive.sessions,
        plan.id,
        "补抽",
        Identity.user("admin"),
        now=datetime(2026, 11, 22, 10),
        spec=DrawSpec(DAY, DAY, ratio_bp=100),
    )
    assert new.candidate_count == 10  # officer 100002's three checked clips are out
    assert _verify(archive, new.id).ok
    # the sample re-derives; only the reviews written here behind the services' back have no audit row
    assert all(problem.endswith("审计日志中没有该检查可信的记录。") for problem in _verify(archive, plan.id).problems)
    assert len(_verify(archive, plan.id).problems) == 3


def test_the_demo_archive_draws_and_verifies(tmp_path, capsys):
    archive = demo_copy(tmp_path / "demo")
    day = demo_last_day().toordinal()  # the demo's yesterday, even when the run has passed midnight since
    try:
        outcomes = spotcheck_plans.draw_plans(
            archive.sessions, DrawSpec(date.fromordinal(day), date.fromordinal(day)), Identity.user("admin")
        )
        assert [o.unit_code for o in outcomes] == ["DD01", "DD02", "DD03"]
        with archive.sessions.read() as session:
            for outcome in outcomes:
                items = spotcheck_plans.plan_items(session, Identity.user("admin"), outcome.plan.id)
                assert len({i.badge_no for i in items}) == 2  # both officers of each brigade
                assert {i.file_type for i in items} <= {FileType.VIDEO, FileType.AUDIO}
                assert verify_plan(session, Identity.user("admin"), outcome.plan.id).ok
    finally:
        archive.close()
    folder = str(tmp_path / "demo")
    assert cli.main(["--archive", folder, "spotcheck", "verify", str(outcomes[0].plan.id)]) == 0
    assert "复核一致" in capsys.readouterr().out
    assert cli.main(["--archive", folder, "spotcheck", "draw", "--date", date.fromordinal(day).isoformat()]) == 0
    assert capsys.readouterr().out.count("已有有效的抽查方案") == 3
