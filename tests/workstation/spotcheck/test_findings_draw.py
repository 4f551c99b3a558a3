"""The draw option "add clips with pre-screen findings" (issue 17), on both databases: which clips it adds and in
what order, that they come on top of the random sample and never duplicate it, how they are marked, audited and
verified, and that the random part verifies as before (a tampered random item still fails, added items do not
disturb it). The findings are rows of the pre-screen's table, as the pre-screen writes them."""

import json
from datetime import datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from db.models import AuditEvent, PrescreenFinding, SpotCheckItem
from tests.helpers.spotcheck_builders import DAY, build_spotcheck_org
from workstation import cli
from workstation.errors import SpotCheckError
from workstation.identity import Identity
from workstation.spotcheck import plans as spotcheck_plans
from workstation.spotcheck import queue, reviews
from workstation.spotcheck.findings_draw import pick_flagged
from workstation.spotcheck.ledger import LedgerFilter, export_ledger, list_ledger
from workstation.spotcheck.types import (
    MANUAL_CHECK_ITEMS,
    CheckAnswer,
    DrawSpec,
    ReviewInput,
    Selection,
    Verdict,
)
from workstation.spotcheck.verify import verify_plan

pytestmark = pytest.mark.clock  # run at several clock times and time zones (tools/clock_matrix.sh)

DRAWN_AT = datetime(2026, 11, 22, 9, 0)
ADMIN = Identity.user("admin")


@pytest.fixture
def org(archive):
    """The spot-check org (DD01: 100001 with 10 clips, 100002 with 3; DD02: 200001 with 1) and findings:

    100001's clip 0 `dark` pending (a kind nobody confirmed yet: not taken), clip 1 `covered` dismissed (not
    taken), clip 2 `covered` pending 0.6, clip 3 `covered` pending 0.9 and `silent` pending 0.4 (`silent` never
    confirmed: not named), clip 4 `frozen`
    confirmed 0.3, and a `gap` on the officer's day (no clip: not taken); 100002's clip 0 `covered` pending 0.5;
    200001's clip 0 `covered` confirmed, which is what makes `covered` a kind reviewers have confirmed.
    """
    built = build_spotcheck_org(archive)
    c1, c2, c3 = built.clips["100001"], built.clips["100002"], built.clips["200001"]
    rows = [
        (c1[0], "dark", "pending", 0.95),
        (c1[1], "covered", "dismissed", 0.99),
        (c1[2], "covered", "pending", 0.6),
        (c1[3], "covered", "pending", 0.9),
        (c1[3], "silent", "pending", 0.4),
        (c1[4], "frozen", "confirmed", 0.3),
        (None, "gap", "confirmed", 1.0),
        (c2[0], "covered", "pending", 0.5),
        (c3[0], "covered", "confirmed", 0.8),
    ]
    with archive.sessions.write() as session:
        for number, (clip_id, kind, status, confidence) in enumerate(rows):
            unit = built.units["DD02"] if clip_id == c3[0] else built.units["DD01"]
            session.add(
                PrescreenFinding(
                    key=f"test:{number}",
                    kind=kind,
                    clip_id=clip_id,
                    officer_id=built.officers["100001"],
                    unit_id=unit,
                    day=DAY,
                    start_ms=0,
                    end_ms=5000,
                    confidence=confidence,
                    found_at=DRAWN_AT - timedelta(hours=1),
                    status=status,
                    decided_by=None if status == "pending" else "checker1",
                    decided_at=None if status == "pending" else DRAWN_AT - timedelta(minutes=30),
                )
            )
    return built


def _eligible(org) -> set[int]:
    return {org.clips["100001"][n] for n in (2, 3, 4)} | {org.clips["100002"][0]}


def _draw(archive, unit="DD01", **options):
    spec = DrawSpec(DAY, DAY, unit, **options)
    return spotcheck_plans.draw_plans(archive.sessions, spec, ADMIN, now=DRAWN_AT)


def _items(archive, plan_id):
    with archive.sessions.read() as session:
        return spotcheck_plans.plan_items(session, ADMIN, plan_id, now=DRAWN_AT)


def _verify(archive, plan_id):
    with archive.sessions.read() as session:
        return verify_plan(session, ADMIN, plan_id)


def _draw_event(archive, plan_id):
    with archive.sessions.read() as session:
        event = session.execute(
            select(AuditEvent).where(AuditEvent.action == "spotcheck.draw", AuditEvent.target_id == str(plan_id))
        ).scalar_one()
    return json.loads(event.details)


def test_the_order_spreads_over_officers_and_puts_confirmed_first(archive, org):
    c1, c2 = org.clips["100001"], org.clips["100002"]
    with archive.sessions.read() as session:
        candidates = _dd01_candidates(session, org)
        picked = pick_flagged(session, candidates, set(), 10)
        # each officer's best first (the confirmed `frozen` before 100002's 0.5), then 100001's next by confidence
        assert [(p.candidate.clip_id, p.kinds) for p in picked] == [
            (c1[4], ("frozen",)),
            (c2[0], ("covered",)),
            (c1[3], ("covered",)),  # its `silent` is of a kind nobody confirmed: not a reason
            (c1[2], ("covered",)),
        ]
        # a clip of the random sample is never added; the officer's next clip takes its place in the round
        assert [p.candidate.clip_id for p in pick_flagged(session, candidates, {c1[4]}, 2)] == [c1[3], c2[0]]
        assert pick_flagged(session, candidates, set(), 0) == []


def _dd01_candidates(session, org):
    """DD01's candidates as a draw sees them."""
    return [clip.candidate for clip in spotcheck_plans.archive_clips(session, org.units["DD01"], DAY, DAY)]


def test_added_clips_come_on_top_of_the_random_sample_and_verify(archive, org):
    [outcome] = _draw(archive, findings_extra=50)
    plan = outcome.plan
    items = _items(archive, plan.id)
    random = {i.clip_id for i in items if i.selection is not Selection.PRESCREEN}
    added = [i for i in items if i.selection is Selection.PRESCREEN]
    assert len(random) == plan.sample_count == 2  # the random quota, as without the option
    assert {i.clip_id for i in added} == _eligible(org) - random  # every qualifying clip not drawn at random
    assert plan.findings_extra == 50 and plan.findings_count == len(added) >= 2
    frozen = next((i for i in added if i.clip_id == org.clips["100001"][4]), None)
    assert frozen is None or frozen.finding_kinds == ("frozen",)
    details = _draw_event(archive, plan.id)
    assert details["findings_extra"] == 50 and details["findings_added"] == len(added)
    assert {clip for clip, _ in details["findings_clips"]} == {i.clip_id for i in added}
    assert all(kinds for _, kinds in details["findings_clips"])
    result = _verify(archive, plan.id)
    assert result.ok, result.problems
    assert result.sample_count == 2  # the random part: the added clips are not in its count or digest


def test_at_most_n_and_nothing_without_the_option(archive, org):
    [limited] = _draw(archive, findings_extra=1)
    assert limited.plan.findings_count == 1
    assert sum(i.selection is Selection.PRESCREEN for i in _items(archive, limited.plan.id)) == 1
    [other] = _draw(archive, unit="DD02")
    assert other.plan.findings_extra == other.plan.findings_count == 0
    assert "findings_extra" not in _draw_event(archive, other.plan.id)  # the audit row of a plain draw as before
    assert _verify(archive, other.plan.id).ok
    with pytest.raises(SpotCheckError) as refused:
        _draw(archive, unit="DD02", findings_extra=-1)
    assert refused.value.code == "findings_extra_invalid"


def test_a_redraw_keeps_the_option(archive, org):
    [outcome] = _draw(archive, findings_extra=2)
    new = spotcheck_plans.redraw(archive.sessions, outcome.plan.id, "补抽", ADMIN, now=DRAWN_AT + timedelta(hours=1))
    assert new.findings_extra == 2 and new.findings_count == 2
    assert _verify(archive, new.id).ok


def _drop_random_item(session, plan_id):
    """Take a clip out of the random sample (as if it had been quietly left unchecked)."""
    session.delete(_item(session, plan_id, Selection.RANDOM))


def _relabel_random_item(session, plan_id):
    """Pass a random item off as added for findings (so the re-derivation would not look at it)."""
    _item(session, plan_id, Selection.RANDOM).selection = Selection.PRESCREEN


def _drop_added_item(session, plan_id):
    session.delete(_item(session, plan_id, Selection.PRESCREEN))


def _item(session, plan_id, selection):
    statement = select(SpotCheckItem).where(SpotCheckItem.plan_id == plan_id, SpotCheckItem.selection == selection)
    return session.execute(statement.order_by(SpotCheckItem.id)).scalars().first()


@pytest.mark.parametrize(
    ("tamper", "random_fails", "added_fails"),
    [(_drop_random_item, True, False), (_relabel_random_item, True, True), (_drop_added_item, False, True)],
    ids=["random-item", "relabelled", "added-item"],
)
def test_a_tampered_item_fails_verification_in_its_own_part(archive, org, tamper, random_fails, added_fails):
    [outcome] = _draw(archive, findings_extra=50)
    assert _verify(archive, outcome.plan.id).ok
    with archive.sessions.write() as session:
        tamper(session, outcome.plan.id)
    problems = _verify(archive, outcome.plan.id).problems
    random_lines = [p for p in problems if "复算" in p or "方案记录抽中" in p]
    added_lines = [p for p in problems if "预筛查加抽" in p]
    assert bool(random_lines) is random_fails, problems
    assert bool(added_lines) is added_fails, problems
    assert len(problems) == len(random_lines) + len(added_lines), problems


def test_the_ledger_marks_added_clips(archive, org, tmp_path):
    [outcome] = _draw(archive, findings_extra=50)
    added = next(i for i in _items(archive, outcome.plan.id) if i.selection is Selection.PRESCREEN)
    checker = Identity.user("checker1")
    at = DRAWN_AT + timedelta(minutes=5)
    queue.claim(archive.sessions, checker, added.id, now=at)
    review = ReviewInput(dict.fromkeys(MANUAL_CHECK_ITEMS, CheckAnswer.YES), Verdict.MOSTLY, "画面偶有遮挡")
    reviews.submit_review(archive.sessions, checker, added.id, review, now=at)
    with archive.sessions.read() as session:
        [row] = list_ledger(session, Identity.user("head"), LedgerFilter())
    assert row.selection is Selection.PRESCREEN and row.finding_kinds == added.finding_kinds

    path = tmp_path / "台帐.xlsx"
    criteria = LedgerFilter(DAY, DAY + timedelta(days=1))
    export_ledger(archive.sessions, Identity.user("head"), criteria, path, now=at)
    book = openpyxl.load_workbook(path)
    remark = book["检查台帐"]["K3"].value
    assert remark.startswith("预筛查加抽（") and ("镜头遮挡" in remark or "画面冻结" in remark), remark
    assert book["检查明细"].cell(3, len(list(book["检查明细"][2]))).value == remark
    plans = book["抽样记录"]
    header = [cell.value for cell in plans[2]]
    random_count, added_text = header.index("随机抽中数"), header.index("预筛查加抽数")
    assert plans.cell(3, random_count + 1).value == outcome.plan.sample_count
    assert plans.cell(3, added_text + 1).value == f"{outcome.plan.findings_count}（至多 50）"


@pytest.mark.parametrize("database_kind", ["sqlite"])  # the command line opens the embedded archive by folder
def test_the_command_line_option(archive, org, capsys):
    folder = str(archive.media_root.parent)
    common = ["--archive", folder, "spotcheck"]
    with pytest.raises(SystemExit) as usage:
        cli.main([*common, "draw", "--date", DAY.isoformat(), "--unit", "DD01", "--with-findings", "101"])
    assert usage.value.code == 2 and "--with-findings: 101 超出范围（0 至 100）" in capsys.readouterr().err
    assert cli.main([*common, "draw", "--date", DAY.isoformat(), "--unit", "DD01", "--with-findings", "2"]) == 0
    out = capsys.readouterr().out
    assert "抽中 2 + 预筛查加抽 2（至多 2）" in out  # at least 2 of the 4 qualifying clips are not drawn at random
    plan_id = out.split()[1]
    assert cli.main([*common, "show", plan_id]) == 0
    shown = capsys.readouterr().out
    assert shown.count("预筛查加抽（") == 2 and shown.count("随机抽取") == 2
    assert cli.main([*common, "verify", plan_id]) == 0
    assert "复核一致" in capsys.readouterr().out
