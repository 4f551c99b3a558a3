"""The officer's-day findings (SQLite and PostgreSQL): each kind from the records, recomputed without
duplicates, and a person's decision surviving every recompute."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from db.models import Case, ClipCaseLink, PrescreenFinding
from tests.helpers.builders import build_org
from tests.helpers.playback_builders import DAY_START, add_clip
from tests.helpers.prescreen_builders import DAY, problem_day
from workstation import config
from workstation.identity import Identity
from workstation.prescreen import day, review
from workstation.prescreen.types import FindingStatus

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)
SYSTEM = Identity.system("tests")


def _findings(archive) -> dict[tuple[str, int | None], tuple[int, int, str, int]]:
    """(kind, clip) → (start_ms, end_ms, status, id) of every finding."""
    with archive.sessions.read() as session:
        rows = session.execute(select(PrescreenFinding)).scalars()
        return {(row.kind, row.clip_id): (row.start_ms, row.end_ms, row.status, row.id) for row in rows}


def _ms(moment: datetime) -> int:
    return int((moment - datetime.combine(DAY, datetime.min.time())).total_seconds() * 1000)


def test_each_kind_of_day_finding_from_the_records(archive):
    build_org(archive)
    clips = problem_day(archive)

    assert day.recompute(archive.sessions, SYSTEM, None, DAY, DAY) == 1

    found = _findings(archive)
    assert set(found) == {
        ("gap", None),
        ("overlap", None),
        ("abnormal_end", clips.overlapping),
        ("late_upload", clips.late),
        ("no_case_link", None),
    }
    assert found["gap", None][:2] == (_ms(DAY_START + timedelta(seconds=91)), _ms(DAY_START + timedelta(minutes=30)))
    overlap = (_ms(DAY_START + timedelta(minutes=30, seconds=30)), _ms(DAY_START + timedelta(minutes=31)))
    assert found["overlap", None][:2] == overlap
    assert found["abnormal_end", clips.overlapping][:2] == (120_000, 120_000)
    assert found["late_upload", clips.late][:2] == (0, 20_000)
    assert found["no_case_link", None][:2] == (_ms(DAY_START), _ms(DAY_START + timedelta(minutes=40, seconds=20)))
    assert {status for *_, status, _id in found.values()} == {"pending"}


def test_a_decision_survives_every_recompute(archive, isolated_config):
    build_org(archive)
    clips = problem_day(archive)
    day.recompute(archive.sessions, SYSTEM, None, DAY, DAY)
    found = _findings(archive)
    alice = Identity.user("alice")
    review.decide_finding(archive.sessions, alice, found["gap", None][3], True, "对讲机通话期间未开机")
    review.decide_finding(archive.sessions, alice, found["no_case_link", None][3], False, "巡逻，无警情")

    day.recompute(archive.sessions, SYSTEM, None, DAY, DAY)  # the same records: nothing new, nothing lost
    assert _findings(archive).keys() == found.keys()
    with archive.sessions.read() as session:
        assert session.execute(select(func.count()).select_from(PrescreenFinding)).scalar_one() == len(found)

    # the records change: the gap is filled, a clip is linked to a case, a longer break is allowed
    add_clip(archive, "010203", DAY_START + timedelta(minutes=5), 60)
    with archive.sessions.write() as session:
        session.add(ClipCaseLink(clip_id=clips.late, case_id=_case(session), linked_at=DAY_START, linked_by="x"))
    isolated_config.mkdir(parents=True, exist_ok=True)
    (isolated_config / config.SETTINGS_FILE).write_text("[prescreen]\ngap_minutes = 60\n", encoding="utf-8")
    day.recompute(archive.sessions, SYSTEM, None, DAY, DAY)

    after = _findings(archive)
    assert after["gap", None][2:] == ("confirmed", found["gap", None][3])  # no longer found, kept as decided
    assert after["no_case_link", None][2:] == ("dismissed", found["no_case_link", None][3])
    assert after["overlap", None] == found["overlap", None]  # still found, still pending, the same row
    with archive.sessions.read() as session:
        kept = session.get_one(PrescreenFinding, found["gap", None][3])
        assert (kept.decided_by, kept.note, kept.status) == ("alice", "对讲机通话期间未开机", FindingStatus.CONFIRMED)


def test_a_pending_finding_no_longer_found_goes(archive):
    build_org(archive)
    problem_day(archive)
    day.recompute(archive.sessions, SYSTEM, None, DAY, DAY)
    add_clip(archive, "010203", DAY_START + timedelta(minutes=2), 28 * 60)  # fills the break
    day.recompute(archive.sessions, SYSTEM, "DD01", DAY, DAY)
    assert ("gap", None) not in _findings(archive)


def _case(session) -> int:
    case = Case(case_no="J2026112100001", kind="incident", created_at=DAY_START)
    session.add(case)
    session.flush()
    return case.id
