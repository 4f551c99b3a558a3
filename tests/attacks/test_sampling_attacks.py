"""Grinding the spot-check sample (issue 13, attack 4): draw inside a transaction, look at the sample, roll
back, and again, until the sample suits, then commit. Against a copy of the demo archive: every draw made
again after a rollback gives the same sample (the seed is committed in the chain before the footage came);
a plan whose seed was ground anyway (a program that does not reveal the committed seeds, run by someone who
holds the audit key), or whose seed and sample were rewritten in the database, fails `workstation spotcheck
verify` with exit 1 naming the plan; the untouched demo verifies."""

import hashlib
import json
import re
import secrets
import sqlite3
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import SpotCheckItem, Unit
from tests.attacks.conftest import tamper, workstation
from tests.helpers.spotcheck_builders import demo_last_day
from workstation.archive import Archive
from workstation.identity import Identity
from workstation.spotcheck import plans as spotcheck_plans
from workstation.spotcheck import sampling
from workstation.spotcheck.types import DrawSpec
from workstation.spotcheck.verify import candidate_snapshot

ADMIN = Identity.user("admin")


class Unsuitable(Exception):
    """Raised to roll a draw back: its sample does not suit the attacker."""


def _plan_ids(folder: Path) -> list[int]:
    with sqlite3.connect(folder / "archive.sqlite") as connection:
        return [plan_id for (plan_id,) in connection.execute("SELECT id FROM spotcheck_plans ORDER BY id")]


def _grind(archive: Archive, attempts: int) -> list[frozenset[int]]:
    """Draw DD01's last demo day `attempts` times, each in a transaction rolled back; the samples seen."""
    day = demo_last_day()
    spec = DrawSpec(day, day, "DD01")
    params = sampling.SampleParams(spec.ratio_bp, spec.min_per_officer, spec.weight_long, spec.include_first)
    seen = []
    with archive.sessions.read() as session:
        unit_id = session.execute(select(Unit.id).where(Unit.code == "DD01")).scalar_one()
    for _ in range(attempts):
        with pytest.raises(Unsuitable), archive.sessions.write() as session:
            outcome = spotcheck_plans._draw_unit(session, unit_id, "DD01", spec, params, ADMIN, _now(day), 1)
            items = select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == outcome.plan.id)
            seen.append(frozenset(session.execute(items).scalars()))
            raise Unsuitable
    return seen


def _now(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(9))


def test_the_untouched_demo_verifies_and_re_derives_by_hand(demo_folder):
    plan_ids = _plan_ids(demo_folder)
    assert plan_ids
    for plan_id in plan_ids:
        result = workstation(demo_folder, "spotcheck", "verify", str(plan_id))
        assert result.returncode == 0, result.stdout + result.stderr
    shown = workstation(demo_folder, "spotcheck", "show", str(plan_ids[0])).stdout
    seed = re.search(r"种子 ([0-9a-f]{64})", shown).group(1)
    lines = re.findall(r"日种子 (\S+ \d+ [0-9a-f]{64})\t承诺：审计序号 (\d+)", shown)
    assert lines
    # README step 2: printf '%s\n' LINE... | sha256sum prints the plan's seed
    printed = subprocess.run(
        ["bash", "-c", 'printf "%s\\n" "$@" | sha256sum', "-", *(line for line, _ in lines)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert printed.stdout.split()[0] == seed
    # README step 1: each day seed's SHA-256 is its place in the commitment row
    with sqlite3.connect(demo_folder / "archive.sqlite") as connection:
        for line, commit_seq in lines:
            _, index, day_seed = line.split(" ")
            details = connection.execute("SELECT details FROM audit_events WHERE seq = ?", (commit_seq,)).fetchone()
            committed = json.loads(details[0])["commitments"][int(index)]
            assert hashlib.sha256(bytes.fromhex(day_seed)).hexdigest() == committed


def test_a_draw_ground_in_rolled_back_transactions_always_gives_the_same_sample(demo_folder):
    archive = Archive.open_embedded(demo_folder)
    try:
        seen = _grind(archive, 4)
        day = demo_last_day()
        [outcome] = spotcheck_plans.draw_plans(archive.sessions, DrawSpec(day, day, "DD01"), ADMIN, now=_now(day))
        with archive.sessions.read() as session:
            items = select(SpotCheckItem.clip_id).where(SpotCheckItem.plan_id == outcome.plan.id)
            committed = frozenset(session.execute(items).scalars())
    finally:
        archive.close()
    assert set(seen) == {committed}
    result = workstation(demo_folder, "spotcheck", "verify", str(outcome.plan.id))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_seed_ground_without_the_commitment_fails_verify(demo_folder, monkeypatch):
    """Someone with the audit key runs a program that draws as before commitments (a fresh random seed per
    draw), rolls back until the clip the committed seed would pick is left out, and commits that draw."""
    archive = Archive.open_embedded(demo_folder)
    try:
        [honest] = set(_grind(archive, 1))
        monkeypatch.setattr(spotcheck_plans, "_reveal_next", lambda *_: pytest.fail("not reached"))
        monkeypatch.setattr(sampling, "candidate_days", lambda _candidates: [])
        monkeypatch.setattr(sampling, "plan_seed", lambda _day_seeds: secrets.token_hex(32))
        for _ in range(200):
            [sample] = _grind(archive, 1)
            if sample != honest:
                break
        else:
            pytest.fail("no other sample in 200 draws")
        monkeypatch.setattr(sampling, "plan_seed", _constant_seed(archive, sample))
        day = demo_last_day()
        [outcome] = spotcheck_plans.draw_plans(archive.sessions, DrawSpec(day, day, "DD01"), ADMIN, now=_now(day))
    finally:
        archive.close()
    monkeypatch.undo()
    result = workstation(demo_folder, "spotcheck", "verify", str(outcome.plan.id))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"方案 {outcome.plan.id}" in result.stdout and "预先承诺的日种子" in result.stdout


def _constant_seed(archive: Archive, wanted: frozenset[int]):
    """A plan_seed that returns a seed giving the wanted sample (found by trying, as the grinder did)."""
    day = demo_last_day()
    with archive.sessions.read() as session:
        unit_id = session.execute(select(Unit.id).where(Unit.code == "DD01")).scalar_one()
        candidates = [clip.candidate for clip in spotcheck_plans.archive_clips(session, unit_id, day, day)]
    while True:
        seed = secrets.token_hex(32)
        picks = sampling.draw(seed, candidates, sampling.SampleParams())
        if frozenset(pick.candidate.clip_id for pick in picks) == wanted:
            return lambda _day_seeds: seed


def test_a_seed_and_sample_rewritten_in_the_database_fail_verify(demo_folder):
    """Someone with write access but no key replaces an existing plan's seed and sample by a chosen one."""
    plan_id = _plan_ids(demo_folder)[0]
    archive = Archive.open_embedded(demo_folder)
    try:
        with archive.sessions.read() as session:
            candidates = candidate_snapshot(session, plan_id)
    finally:
        archive.close()
    seed = "42" * 32
    picks = sampling.draw(seed, candidates, sampling.SampleParams())

    def rewrite(connection: sqlite3.Connection) -> None:
        connection.execute(
            "UPDATE spotcheck_plans SET seed = ?, sample_digest = ? WHERE id = ?",
            (seed, sampling.sample_digest(picks), plan_id),
        )
        connection.execute("UPDATE spotcheck_plan_seeds SET seed = ? WHERE plan_id = ?", ("42" * 32, plan_id))
        items = connection.execute("SELECT id FROM spotcheck_items WHERE plan_id = ? ORDER BY id", (plan_id,))
        item_ids = [item_id for (item_id,) in items.fetchall()]
        connection.execute("UPDATE spotcheck_items SET clip_id = -id WHERE plan_id = ?", (plan_id,))
        for item_id, pick in zip(item_ids, picks, strict=False):
            connection.execute("UPDATE spotcheck_items SET clip_id = ? WHERE id = ?", (pick.candidate.clip_id, item_id))

    tamper(demo_folder, rewrite)
    result = workstation(demo_folder, "spotcheck", "verify", str(plan_id))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"方案 {plan_id}" in result.stdout
    assert "种子被替换" in result.stdout and "随机种子" in result.stdout
