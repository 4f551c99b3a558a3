"""The permission policy (附件3 二(六)), cell by cell: role × level × action × relation, through the services.

The expected table is written out here on its own (it is the README's table), not derived from the code:
V view, D download, M mark, A annotate, P approve, E edit, X delete; "." nothing; "-" the relation cannot
occur at that level (a brigade has no units below it; a corps has no superior, and every other unit with
a common superior is below it).
"""

import pytest
from sqlalchemy import select

from db.models import Officer, User
from tests.helpers.access_builders import RECORDED, UNASSIGNED, add_user, build_access_org
from tests.helpers.builders import whole_archive
from workstation import permissions
from workstation.errors import PermissionDenied
from workstation.footage import clips
from workstation.identity import Identity
from workstation.orgtree import OrgTree
from workstation.types import AccessBasis, Action, ClipScope, Duty, Relation, Role, UnitLevel

LETTERS = {
    "V": Action.VIEW,
    "D": Action.DOWNLOAD,
    "M": Action.MARK,
    "A": Action.ANNOTATE,
    "P": Action.APPROVE,
    "E": Action.EDIT,
    "X": Action.DELETE,
}
COLUMNS = (
    Relation.OWN,
    Relation.CHILD,
    Relation.SAME_LEVEL,
    Relation.OTHER_UNIT,
    Relation.PARENT,
    Relation.OUTSIDE,
    Relation.UNASSIGNED,
)
MATRIX = """
role        level       own     child   same_level  other_unit  parent  outside  unassigned
admin       brigade     VDMA    -       .           .           .       .        .
admin       detachment  VDMA    VDMA    .           .           .       .        VDMA
admin       corps       VDMAEX  VDMAEX  -           -           -       .        VDMAEX
reviewer    brigade     VMA     -       .           .           .       .        .
reviewer    detachment  VMA     VMA     .           .           .       .        .
reviewer    corps       VMA     VMA     -           -           -       .        .
approver    brigade     VDMA    -       .           .           .       .        .
approver    detachment  VDMAP   VDMAP   .           .           .       .        .
approver    corps       VDMAP   VDMAP   -           -           -       .        .
legal       brigade     VDA     -       .           .           .       .        .
legal       detachment  VDA     VDA     .           .           .       .        .
legal       corps       VDA     VDA     -           -           -       .        .
inspection  brigade     VDMA    -       .           .           .       .        .
inspection  detachment  VDMA    VDMA    .           .           .       .        .
inspection  corps       VDMA    VDMA    -           -           -       .        .
officer     brigade     .       -       .           .           .       .        .
officer     detachment  .       .       .           .           .       .        .
officer     corps       .       .       -           -           -       .        .
station     brigade     .       -       .           .           .       .        .
station     detachment  .       .       .           .           .       .        .
station     corps       .       .       -           -           -       .        .
"""

USER_UNIT = {UnitLevel.BRIGADE: "DD01", UnitLevel.DETACHMENT: "ZD01", UnitLevel.CORPS: "ZD"}
CLIP_UNIT = {
    UnitLevel.BRIGADE: {
        Relation.OWN: "DD01",
        Relation.SAME_LEVEL: "DD02",
        Relation.OTHER_UNIT: "DJ01",
        Relation.PARENT: "ZD01",
        Relation.OUTSIDE: "XB01",
        Relation.UNASSIGNED: UNASSIGNED,
    },
    UnitLevel.DETACHMENT: {
        Relation.OWN: "ZD01",
        Relation.CHILD: "DD01",
        Relation.SAME_LEVEL: "ZD02",
        Relation.OTHER_UNIT: "ZJ01",
        Relation.PARENT: "ZD",
        Relation.OUTSIDE: "XD01",
        Relation.UNASSIGNED: UNASSIGNED,
    },
    UnitLevel.CORPS: {
        Relation.OWN: "ZD",
        Relation.CHILD: "ZD01",
        Relation.OUTSIDE: "XZ",
        Relation.UNASSIGNED: UNASSIGNED,
    },
}


def _expected() -> dict[tuple[Role, UnitLevel], dict[Relation, set[Action] | None]]:
    lines = MATRIX.strip().splitlines()
    assert lines[0].split()[2:] == [relation.value for relation in COLUMNS]
    table = {}
    for line in lines[1:]:
        role, level, *cells = line.split()
        table[(Role(role), UnitLevel(level))] = {
            relation: None if cell == "-" else {LETTERS[letter] for letter in cell if letter != "."}
            for relation, cell in zip(COLUMNS, cells, strict=True)
        }
    return table


EXPECTED = _expected()


def test_the_table_covers_every_role_and_level():
    assert set(EXPECTED) == {(role, level) for role in Role for level in UnitLevel}


@pytest.mark.parametrize(("role", "level"), sorted(EXPECTED), ids=lambda value: value.value)
def test_policy_table_matches_the_pure_rule(role, level):
    for relation, actions in EXPECTED[(role, level)].items():
        for action in Action:
            if actions is not None:
                assert permissions.allowed(role, level, action, relation) == (action in actions), (relation, action)


@pytest.mark.parametrize(("role", "level"), sorted(EXPECTED), ids=lambda value: value.value)
def test_every_cell_through_the_services(archive, role, level):
    org = build_access_org(archive)
    # An officer-role user is linked to an officer record with no footage, so only unit rights are tested here.
    with archive.sessions.write() as session:
        spare = Officer(badge_no="000001", name="空", unit_id=org.units[USER_UNIT[level]], registered_at=RECORDED)
        session.add(spare)
        session.flush()
        spare_id = spare.id
    add_user(archive, "u", role, USER_UNIT[level], officer_id=spare_id if role is Role.OFFICER else None)
    expected_visible = set()
    with archive.sessions.read() as session:
        principal = permissions.load_principal(session, "u")
        tree = OrgTree.load(session)
        for relation, actions in EXPECTED[(role, level)].items():
            if actions is None:
                assert relation not in CLIP_UNIT[level]
                continue
            unit_code = CLIP_UNIT[level][relation]
            clip_id = org.clips[unit_code]
            assert tree.relation(principal.unit_id, org.units.get(unit_code)) is relation
            for action in Action:
                access = permissions.clip_access(session, principal, clip_id, action)
                assert (access is not None) == (action in actions), (relation, action)
                if action not in actions:
                    with pytest.raises(PermissionDenied):
                        permissions.require_clip(session, Identity.user("u"), clip_id, action)
            if Action.VIEW in actions:
                expected_visible.add(clip_id)
        scope = permissions.clip_scope(session, Identity.user("u"))
        listed = {row.id for row in clips.list_clips(session, clips.ClipFilter(), limit=100, scope=scope)}
        in_relations = {org.clips[code] for code in CLIP_UNIT[level].values()}
        assert listed & in_relations == expected_visible
        assert clips.count_clips(session, clips.ClipFilter(), scope=scope) == len(listed)


def test_an_officer_sees_their_own_footage_only(archive):
    org = build_access_org(archive)
    add_user(archive, "officer", Role.OFFICER, "DD01", officer_id=org.officers["DD02"])  # moved from DD02 to DD01
    with archive.sessions.read() as session:
        scope = permissions.clip_scope(session, Identity.user("officer"))
        listed = [row.id for row in clips.list_clips(session, clips.ClipFilter(), scope=scope)]
        assert listed == [org.clips["DD02"]]
        access = permissions.require_clip(session, Identity.user("officer"), org.clips["DD02"], Action.VIEW)
        assert access.basis is AccessBasis.OWN_FOOTAGE
        for action in (Action.DOWNLOAD, Action.MARK, Action.ANNOTATE):
            with pytest.raises(PermissionDenied):
                permissions.require_clip(session, Identity.user("officer"), org.clips["DD02"], action)
        with pytest.raises(PermissionDenied):
            permissions.require_clip(session, Identity.user("officer"), org.clips["DD01"], Action.VIEW)


def test_unit_rights_reach_every_unit_below(archive):
    org = build_access_org(archive)
    add_user(archive, "corps_admin", Role.ADMIN, "ZD")
    with archive.sessions.read() as session:
        scope = permissions.clip_scope(session, Identity.user("corps_admin"))
        listed = {row.id for row in clips.list_clips(session, clips.ClipFilter(), scope=scope)}
    below = ("ZD", "ZD01", "DD01", "DD02", "DJ01", "ZD02", "DD03", "ZJ01")
    assert listed == {org.clips[code] for code in (*below, UNASSIGNED)}


def test_listing_without_a_scope_is_unrestricted_and_an_empty_scope_lists_nothing(archive):
    org = build_access_org(archive)
    with archive.sessions.read() as session:
        assert clips.count_clips(session, clips.ClipFilter(), scope=whole_archive(session)) == len(org.clips)
        assert clips.list_clips(session, clips.ClipFilter(), scope=ClipScope()) == []
        assert clips.count_clips(session, clips.ClipFilter(), scope=ClipScope()) == 0


def test_unknown_clips_and_deactivated_users_are_refused(archive):
    org = build_access_org(archive)
    add_user(archive, "admin_zd01", Role.ADMIN, "ZD01")
    with archive.sessions.read() as session:
        with pytest.raises(PermissionDenied):
            permissions.require_clip(session, Identity.user("admin_zd01"), 999_999, Action.VIEW)
        with pytest.raises(PermissionDenied):
            permissions.require_clip(session, Identity.user("nobody"), org.clips["ZD01"], Action.VIEW)
    with archive.sessions.write() as session:
        session.execute(select(User).where(User.login == "admin_zd01")).scalar_one().active = False
    with archive.sessions.read() as session, pytest.raises(PermissionDenied):
        permissions.clip_scope(session, Identity.user("admin_zd01"))


@pytest.mark.parametrize(
    ("role", "level", "expected"),
    [
        (Role.APPROVER, UnitLevel.BRIGADE, set()),
        (Role.APPROVER, UnitLevel.DETACHMENT, {Duty.APPROVE}),
        (Role.APPROVER, UnitLevel.CORPS, {Duty.APPROVE}),
        (Role.LEGAL, UnitLevel.BRIGADE, set()),
        (Role.LEGAL, UnitLevel.DETACHMENT, {Duty.LEGAL_REVIEW}),
        (Role.ADMIN, UnitLevel.BRIGADE, {Duty.AUDIT, Duty.INGEST}),
        (Role.INSPECTION, UnitLevel.DETACHMENT, {Duty.AUDIT}),
        (Role.REVIEWER, UnitLevel.CORPS, set()),
        (Role.OFFICER, UnitLevel.CORPS, set()),
        (Role.STATION, UnitLevel.BRIGADE, {Duty.INGEST}),
        (Role.STATION, UnitLevel.CORPS, {Duty.INGEST}),
    ],
)
def test_duties(role, level, expected):
    assert permissions.duties(role, level) == expected
