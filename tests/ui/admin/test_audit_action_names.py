"""The audit viewer names every action the demo archive's life writes — imports, viewings, marks, approvals,
spot checks, evidence exports, retention, pre-screen, clocks, reports — in the reader's language, never as the
internal code (an action without a name fails here when a feature adds one)."""

from sqlalchemy import select

from db.models import AuditEvent
from tests.helpers.spotcheck_builders import demo_copy
from ui.common.access_labels import action_name


def test_every_audited_action_of_the_demo_has_a_name(qapp, tmp_path):
    archive = demo_copy(tmp_path / "demo")
    try:
        with archive.sessions.read() as session:
            actions = set(session.execute(select(AuditEvent.action).distinct()).scalars())
    finally:
        archive.close()
    assert len(actions) >= 25
    unnamed = sorted(action for action in actions if action_name(action) == action)
    assert not unnamed
    assert action_name("prescreen.decide") == "预筛查结果复核"
