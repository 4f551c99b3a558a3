"""Every spot-check service is told who acts, and no check is skipped for anyone: a user works on their
units, a system actor (scheduled draw, command line) may draw and read plans and the ledger of every unit
and nothing else, and a user of another role is refused everywhere."""

from datetime import datetime

import pytest
from sqlalchemy import select

from db.models import AuditEvent, SpotCheckPlan
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation.errors import PermissionDenied
from workstation.identity import Identity
from workstation.spotcheck import ledger, plans, queue, reviews
from workstation.spotcheck.types import DrawSpec
from workstation.spotcheck.verify import verify_plan

NOW = datetime(2026, 11, 22, 9, 0)
SCHEDULER = Identity.system("每日抽查任务")
OFFICER = Identity.user("officer")


def test_a_system_actor_draws_for_every_unit_and_is_named_as_a_system_in_the_audit_log(archive):
    build_spotcheck_org(archive)
    outcomes = plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), SCHEDULER, now=NOW)
    assert [outcome.unit_code for outcome in outcomes] == ["DD01", "DD02"]
    with archive.sessions.read() as session:
        assert {plan.drawn_by for plan in session.execute(select(SpotCheckPlan)).scalars()} == {"system:每日抽查任务"}
        actors = set(session.execute(select(AuditEvent.actor).where(AuditEvent.action.like("spotcheck.%"))).scalars())
        assert actors == {"system:每日抽查任务"}
        assert len(plans.list_plans(session, SCHEDULER, DAY, DAY)) == 2
        assert verify_plan(session, SCHEDULER, outcomes[0].plan.id).ok
        assert ledger.ledger_units(session, SCHEDULER, ledger.LedgerFilter(DAY, DAY))


def test_a_system_actor_can_neither_claim_nor_review(archive):
    build_spotcheck_org(archive)
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), SCHEDULER, now=NOW)
    with pytest.raises(PermissionDenied, match="system_identity"):
        queue.claim(archive.sessions, SCHEDULER, now=NOW)
    with archive.sessions.read() as session, pytest.raises(PermissionDenied, match="system_identity"):
        queue.queue(session, SCHEDULER, now=NOW)
    item = queue.claim(archive.sessions, Identity.user("checker1"), now=NOW)
    with archive.sessions.read() as session, pytest.raises(PermissionDenied, match="system_identity"):
        reviews.item_facts(session, SCHEDULER, item.id)


def test_a_user_without_a_spot_check_role_is_refused_everywhere(archive):
    build_spotcheck_org(archive)
    drawn = plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), SCHEDULER, now=NOW)
    plan_id = drawn[0].plan.id
    with pytest.raises(PermissionDenied):
        plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), OFFICER, now=NOW)
    with pytest.raises(PermissionDenied):
        plans.redraw(archive.sessions, plan_id, "重抽", OFFICER, now=NOW)
    with archive.sessions.read() as session:
        for call in (
            lambda: plans.list_plans(session, OFFICER, DAY, DAY),
            lambda: plans.get_plan(session, OFFICER, plan_id),
            lambda: plans.plan_items(session, OFFICER, plan_id),
            lambda: verify_plan(session, OFFICER, plan_id),
            lambda: queue.overview(session, OFFICER, DAY, DAY),
            lambda: ledger.list_ledger(session, OFFICER, ledger.LedgerFilter(DAY, DAY)),
        ):
            with pytest.raises(PermissionDenied):
                call()


def test_an_unknown_user_is_refused_not_waved_through(archive):
    build_spotcheck_org(archive)
    ghost = Identity.user("nobody")
    with pytest.raises(PermissionDenied, match="user_unknown_or_inactive"):
        plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), ghost, now=NOW)
    with archive.sessions.read() as session, pytest.raises(PermissionDenied, match="user_unknown_or_inactive"):
        queue.overview(session, ghost, DAY, DAY)


def test_a_brigade_reviewer_sees_only_their_brigades_plans(archive):
    build_spotcheck_org(archive)
    plans.draw_plans(archive.sessions, DrawSpec(DAY, DAY), SCHEDULER, now=NOW)
    with archive.sessions.read() as session:
        assert {plan.unit_code for plan in plans.list_plans(session, Identity.user("checker1"), DAY, DAY)} == {"DD01"}
        progress = queue.overview(session, Identity.user("checker1"), DAY, DAY, now=NOW)
    assert {row.unit_code for row in progress} == {"DD01"}
