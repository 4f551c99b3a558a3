"""Clip listing filters and order, the officer tree, case links and the important mark."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.models import Clip, Marker, PrescreenFinding
from tests.helpers.builders import add_user, build_org, recorder_dump, whole_archive
from workstation import clock, permissions
from workstation.errors import PermissionDenied
from workstation.footage import browse, cases, clips
from workstation.footage.ingest import IngestOptions, ingest
from workstation.footage.types import CaseKind, cursor_after
from workstation.identity import Identity
from workstation.prescreen import review, store
from workstation.types import ClipScope, FileType, Role

STATION = Identity.system("采集站1")


@pytest.fixture
def filled(archive, tmp_path):
    build_org(archive)
    recorder_dump(tmp_path / "a", "DEV0001", "010203", datetime(2026, 11, 20, 9, 0), clips=2, seed=1)
    recorder_dump(tmp_path / "b", "DEV0001", "010203", datetime(2026, 11, 21, 9, 0), clips=3, seed=2)
    recorder_dump(tmp_path / "c", "DEV0002", "010204", datetime(2026, 11, 21, 10, 0), clips=1, seed=3)
    ingest(archive, [tmp_path / "a", tmp_path / "b", tmp_path / "c"], IngestOptions(who=STATION))
    return archive


def _ids(archive, criteria, **options):
    with archive.sessions.read() as session:
        return [row.id for row in clips.list_clips(session, criteria, **options, scope=whole_archive(session))]


def test_filters_combine_and_a_unit_includes_its_sub_units(filled):
    with filled.sessions.read() as session:
        scope = whole_archive(session)
        assert clips.count_clips(session, clips.ClipFilter(), scope=scope) == 9
        assert clips.count_clips(session, clips.ClipFilter(unit_code="ZD01"), scope=scope) == 9
        assert clips.count_clips(session, clips.ClipFilter(unit_code="DD02"), scope=scope) == 2
        assert (
            clips.count_clips(session, clips.ClipFilter(badge_no="010203", date_from=date(2026, 11, 21)), scope=scope)
            == 4
        )
        assert clips.count_clips(session, clips.ClipFilter(file_type=FileType.LOG), scope=scope) == 3
        assert clips.count_clips(session, clips.ClipFilter(text="李娜"), scope=scope) == 2
        assert clips.count_clips(session, clips.ClipFilter(text="dev0002"), scope=scope) == 2


def test_case_link_and_text_search_and_annotated_filter(filled):
    first, second = _ids(filled, clips.ClipFilter(file_type=FileType.VIDEO), limit=2)
    with filled.sessions.write() as session:
        assert (
            cases.link_clips(
                session, Identity.user("admin"), [first, second], "J2026112100123", CaseKind.INCIDENT, "王某", "张伟"
            )
            == 2
        )
        assert cases.link_clips(session, Identity.user("admin"), [first], "J2026112100123", CaseKind.INCIDENT) == 0
        session.add(
            Marker(
                clip_id=second,
                author="admin",
                start_ms=0,
                end_ms=None,
                category="告知",
                note="",
                created_at=clock.now(),
                updated_at=clock.now(),
            )
        )
    assert _ids(filled, clips.ClipFilter(case_no="J2026112100123")) == [first, second]
    assert _ids(filled, clips.ClipFilter(text="00123")) == [first, second]
    assert _ids(filled, clips.ClipFilter(annotated=True)) == [second]
    with filled.sessions.read() as session:
        row = clips.get_clip(session, second)
        detail = clips.clip_detail(session, first, Identity.user("admin"))
    assert row.case_numbers == ("J2026112100123",) and row.marker_count == 1
    assert [entry.action for entry in detail.history] == ["clip.ingest", "clip.link_case"]


def test_late_upload_linked_and_type_set_filters_count_what_the_statistics_count(filled):
    """上传及时率's rule (more than 24 h from the recording's start to the archive, in whole seconds) and 警情关联
    as browser filters: a 统计 figure opens exactly the clips it counts."""
    late, exact, other = _ids(filled, clips.ClipFilter(file_type=FileType.VIDEO), limit=3)
    with filled.sessions.write() as session:
        for clip in session.execute(select(Clip)).scalars():
            clip.ingested_at = clip.recorded_start + timedelta(hours=1)
        for clip_id, after in ((late, timedelta(hours=24, seconds=1)), (exact, timedelta(hours=24))):
            clip = session.get_one(Clip, clip_id)
            clip.ingested_at = clip.recorded_start + after
        cases.link_clips(session, Identity.user("admin"), [exact, other], "J1", CaseKind.INCIDENT)
    everything = _ids(filled, clips.ClipFilter())
    assert _ids(filled, clips.ClipFilter(uploaded_late=True)) == [late]
    assert _ids(filled, clips.ClipFilter(uploaded_late=False)) == [i for i in everything if i != late]
    assert _ids(filled, clips.ClipFilter(linked=True)) == sorted([exact, other], key=everything.index)
    assert late in _ids(filled, clips.ClipFilter(linked=False))
    footage = frozenset({FileType.VIDEO, FileType.AUDIO, FileType.PHOTO})
    with filled.sessions.read() as session:
        scope = whole_archive(session)
        logs = clips.count_clips(session, clips.ClipFilter(file_type=FileType.LOG), scope=scope)
        assert clips.count_clips(session, clips.ClipFilter(file_types=footage), scope=scope) == len(everything) - logs
        assert clips.count_clips(session, clips.ClipFilter(uploaded_late=True, linked=True), scope=scope) == 0


def _find(archive, clip_id: int, kind: str, start_ms: int = 0) -> int:
    """A pending finding on the clip, kept as the scan keeps it (workstation.prescreen.store)."""
    with archive.sessions.write() as session:
        clip = session.get_one(Clip, clip_id)
        found = store.Found(
            store.clip_key(kind, clip_id, start_ms),
            kind,
            clip_id,
            clip.officer_id,
            clip.unit_id,
            clip.recorded_start.date(),
            start_ms,
            start_ms + 4_000,
            0.9,
        )
        subject = (PrescreenFinding.clip_id == clip_id) & (PrescreenFinding.kind == kind)
        store.sync(session, subject, [found], clock.now())
        return session.execute(select(PrescreenFinding.id).where(subject)).scalar_one()


def test_finding_filter_lists_the_clips_with_a_finding_of_the_kinds_and_status(filled):
    """预筛查 in the browser: an EXISTS over the clip's own findings, by kind and by review status; a finding on
    an officer's day (no clip) narrows nothing."""
    covered, silent, both = _ids(filled, clips.ClipFilter(file_type=FileType.VIDEO), limit=3)
    _find(filled, covered, "covered")
    _find(filled, silent, "silent")
    dismissed = _find(filled, both, "covered", 1_000)
    _find(filled, both, "silent", 6_000)
    with filled.sessions.write() as session:
        clip = session.get_one(Clip, covered)
        day = store.Found("gap:o1:x", "gap", None, clip.officer_id, clip.unit_id, clip.recorded_start.date(), 0, 1, 1.0)
        store.sync(session, PrescreenFinding.kind == "gap", [day], clock.now())
    review.decide_finding(filled.sessions, Identity.user("admin"), dismissed, False, "手掌经过")
    everything = _ids(filled, clips.ClipFilter())

    def listed(**criteria) -> list[int]:
        return _ids(filled, clips.ClipFilter(**criteria))

    assert listed(finding_kinds=("covered",)) == [i for i in everything if i in (covered, both)]
    assert listed(finding_kinds=("covered", "silent")) == [i for i in everything if i in (covered, silent, both)]
    assert listed(finding_kinds=("covered",), finding_status="pending") == [covered]
    assert listed(finding_kinds=("covered",), finding_status="dismissed") == [both]
    assert listed(finding_status="pending") == [i for i in everything if i in (covered, silent, both)]
    assert listed(finding_status="confirmed") == []
    assert listed(finding_kinds=("gap",)) == []  # a day's finding is on no clip
    assert listed(finding_kinds=("frozen",), text="张伟") == []
    with filled.sessions.read() as session:
        scope = whole_archive(session)
        assert clips.count_clips(session, clips.ClipFilter(finding_kinds=("silent",)), scope=scope) == 2


def test_unlinking_needs_a_reason(filled):
    (clip_id,) = _ids(filled, clips.ClipFilter(), limit=1)
    with filled.sessions.write() as session:
        cases.link_clips(session, Identity.user("admin"), [clip_id], "A1", CaseKind.CASE)
    with pytest.raises(cases.CaseError), filled.sessions.write() as session:
        cases.unlink_clip(session, Identity.user("admin"), clip_id, "A1", " ")
    with filled.sessions.write() as session:
        change = cases.unlink_clip(session, Identity.user("admin"), clip_id, "A1", "关联错误")
    # the case kept the clip permanently; without it the base rule sets a date, shown and audited
    assert change is not None and change.keep_until_before is None and change.keep_until_after is not None
    assert change.shortened and (change.rule_before, change.rule_after) == ("case:case", "base")
    with filled.sessions.read() as session:
        assert clips.get_clip(session, clip_id).case_numbers == ()
        assert [e.action for e in clips.clip_detail(session, clip_id, Identity.user("admin")).history][-2:] == [
            "clip.unlink_case",
            "retention.change",
        ]


def test_important_mark_is_audited_once_per_change(filled):
    ids = _ids(filled, clips.ClipFilter(), limit=3)
    with filled.sessions.write() as session:
        assert clips.set_important(session, Identity.user("admin"), ids, True) == 3
        assert clips.set_important(session, Identity.user("admin"), ids, True) == 0
        assert clips.set_important(session, Identity.user("admin"), ids[:1], False) == 1
    assert _ids(filled, clips.ClipFilter(important=True)) == ids[1:]


def test_orders_and_pages(filled):
    everything = _ids(filled, clips.ClipFilter(), limit=100)
    with filled.sessions.read() as session:
        scope = whole_archive(session)
        first_page = clips.list_clips(session, clips.ClipFilter(), limit=4, scope=scope)
        second_page = clips.list_clips(
            session, clips.ClipFilter(), limit=4, after=cursor_after(first_page[-1]), scope=scope
        )
        by_name = clips.list_clips(
            session,
            clips.ClipFilter(),
            limit=100,
            order=clips.ClipOrder(clips.SortKey.NAME, False),
            scope=whole_archive(session),
        )
        offset_page = clips.list_clips(session, clips.ClipFilter(), limit=3, offset=4, scope=whole_archive(session))
        stored = session.execute(select(Clip.original_name)).scalars().all()
    assert [r.id for r in first_page + second_page] == everything[:8]
    assert [r.id for r in offset_page] == everything[4:7]
    assert [r.original_name for r in by_name] == sorted(stored)


def test_officer_tree_shows_only_what_the_user_may_see(filled):
    add_user(filled, "dd02", Role.ADMIN, "DD02")
    with filled.sessions.read() as session:
        scope = permissions.clip_scope(session, Identity.user("admin"))
        units = {unit.code: unit for unit in browse.units(session, scope)}
        officers = browse.officers_of(session, units["DD01"].id, scope)
        days = browse.days_of(session, officers[0].id, scope)
        brigade_scope = permissions.clip_scope(session, Identity.user("dd02"))
        brigade_units = [unit.code for unit in browse.units(session, brigade_scope)]
        hidden = browse.officers_of(session, units["DD01"].id, brigade_scope)
        no_days = browse.days_of(session, officers[0].id, ClipScope())
    assert set(units) == {"ZD", "ZD01", "DD01", "DD02"}
    assert [officer.badge_no for officer in officers] == ["010203"]
    assert days == [browse.DayNode(date(2026, 11, 21), 4), browse.DayNode(date(2026, 11, 20), 3)]
    assert brigade_units == ["DD02", "ZD", "ZD01"] and hidden == [] and no_days == []


def test_marking_and_linking_footage_outside_ones_scope_is_refused(filled):
    add_user(filled, "dd02", Role.ADMIN, "DD02")
    (dd01_clip,) = _ids(filled, clips.ClipFilter(unit_code="DD01"), limit=1)
    with pytest.raises(PermissionDenied), filled.sessions.write() as session:
        clips.set_important(session, Identity.user("dd02"), [dd01_clip], True)
    with pytest.raises(PermissionDenied), filled.sessions.write() as session:
        cases.link_clips(session, Identity.user("dd02"), [dd01_clip], "A9", CaseKind.CASE)
    with pytest.raises(PermissionDenied), filled.sessions.read() as session:
        clips.clip_detail(session, dd01_clip, Identity.user("dd02"))
    with filled.sessions.read() as session:
        assert clips.get_clip(session, dd01_clip).important is False
