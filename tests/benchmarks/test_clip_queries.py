"""Clip queries on a bulk-loaded archive (5,000,000 clips at full scale), on SQLite and on PostgreSQL.

What the archive browser does when a user picks a unit and a month: page 1 of "unit X, date range,
newest first" (100 rows) and its count, through the real service code (workstation.clips), for random
brigades (大队) and for detachments (支队, whose filter covers their ~67 brigades); then page 2 by
keyset (`after=cursor_after(rows[-1])`). Target: p95 < 50 ms for page 1 and for the count.

Baseline in the same run: the same page-1 query and the same count as hand-written SQL on a plain
DB-API connection (autocommit, unit ids already known), which shows what the service layer adds
(sessions, the unit-tree lookup, ORM objects, the case-number lookup). `count(*)` is measured the same
way, because on PostgreSQL it allows an index-only scan where the service's `count(clips.id)` cannot.
The PostgreSQL baseline connection never prepares statements: psycopg forgets its prepared statements
on every ROLLBACK, which ends each service read session, so the service always gets custom plans; an
auto-prepared baseline would drift to a generic plan after ten executions and measure something else.

Each (unit, range) combination runs once untimed-for-the-target ("first touch", reported separately)
and then once timed; raw and service alternate which goes first. EXPLAIN output of the slowest
combination of each level goes to the JSON and the printout.
"""

import math
import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from random import Random
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, event, func, select, text

from db.models import Clip
from tests.benchmarks.bulk import CLIP_COLUMNS, timestamp
from tests.benchmarks.conftest import BenchReport, BenchScale, ClipArchive
from tests.helpers.builders import whole_archive
from workstation.footage.clips import count_clips, list_clips
from workstation.footage.types import ClipFilter, ClipRow, cursor_after

PAGE = 100
TARGET_MS = 50.0
WINDOW_DAYS = 30  # date_to = date_from + 30: a month, both ends included


@dataclass(frozen=True)
class Combination:
    """One filter the benchmark runs: a unit (with its subtree) and a date range, with the known answer."""

    level: str  # "brigade" or "detachment"
    unit_code: str
    unit_ids: tuple[int, ...]
    date_from: date
    date_to: date
    expected: int

    @property
    def criteria(self) -> ClipFilter:
        return ClipFilter(unit_code=self.unit_code, date_from=self.date_from, date_to=self.date_to)

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        return datetime.combine(self.date_from, clock_time.min), datetime.combine(
            self.date_to + timedelta(days=1), clock_time.min
        )


def combinations(loaded: ClipArchive, count: int, seed: int) -> list[Combination]:
    rng = Random(seed)
    org, clips = loaded.org, loaded.clips
    chosen = []
    for level, candidates in (("brigade", org.brigade_ids), ("detachment", org.detachment_ids)):
        for _ in range(count):
            unit_id = rng.choice(candidates)
            first = clips.first_day + timedelta(days=rng.randrange(clips.days - WINDOW_DAYS))
            last = first + timedelta(days=WINDOW_DAYS)
            unit_ids = tuple(org.subtree(unit_id))
            chosen.append(
                Combination(
                    level, org.unit_code(unit_id), unit_ids, first, last, clips.expected_count(unit_ids, first, last)
                )
            )
    return chosen


# --- the service path (what the UI calls) and the raw baseline ------------------------------------


def service_count(loaded: ClipArchive, combination: Combination) -> int:
    with loaded.archive.sessions.read() as session:
        return count_clips(session, combination.criteria, scope=whole_archive(session))


def service_page(loaded: ClipArchive, combination: Combination, after: ClipRow | None = None) -> list[ClipRow]:
    with loaded.archive.sessions.read() as session:
        return list_clips(
            session,
            combination.criteria,
            limit=PAGE,
            after=cursor_after(after) if after else None,
            scope=whole_archive(session),
        )


class RawSql:
    """The same queries hand-written, on a DB-API connection of the same driver (no pool, autocommit)."""

    def __init__(self, loaded: ClipArchive) -> None:
        self.kind = loaded.kind
        if self.kind == "sqlite":
            self.connection: Any = sqlite3.connect(loaded.conninfo, isolation_level=None)
            self.mark = "?"
        else:
            self.connection = psycopg.connect(loaded.conninfo, autocommit=True, prepare_threshold=None)
            self.mark = "%s"

    def _where(self, combination: Combination) -> tuple[str, list[Any]]:
        units = ", ".join([self.mark] * len(combination.unit_ids))
        lower, upper = combination.bounds
        if self.kind == "sqlite":
            lower, upper = timestamp(lower), timestamp(upper)  # type: ignore[assignment]
        where = f"c.unit_id IN ({units}) AND c.recorded_start >= {self.mark} AND c.recorded_start < {self.mark}"
        return where, [*combination.unit_ids, lower, upper]

    def page(self, combination: Combination) -> list[tuple[Any, ...]]:
        where, parameters = self._where(combination)
        columns = ", ".join(f"c.{name}" for name in CLIP_COLUMNS)
        statement = (
            f"SELECT {columns}, u.code, u.name, o.badge_no, o.name, d.device_no FROM clips c "
            "LEFT JOIN units u ON u.id = c.unit_id LEFT JOIN officers o ON o.id = c.officer_id "
            f"LEFT JOIN devices d ON d.id = c.device_id WHERE {where} "
            f"ORDER BY c.recorded_start DESC, c.id DESC LIMIT {PAGE}"
        )
        cursor = self.connection.cursor()
        cursor.execute(statement, parameters)
        return cursor.fetchall()

    def count(self, combination: Combination, counted: str = "c.id") -> int:
        where, parameters = self._where(combination)
        cursor = self.connection.cursor()
        cursor.execute(f"SELECT count({counted}) FROM clips c WHERE {where}", parameters)
        return cursor.fetchone()[0]

    def explain(self, statement: str, parameters: Any) -> list[str]:
        cursor = self.connection.cursor()
        if self.kind == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            depth: dict[int, int] = {0: 0}
            lines = []
            for node, parent, _unused, detail in cursor.fetchall():
                depth[node] = depth.get(parent, 0) + 1
                lines.append("  " * depth[node] + detail)
            return lines
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement}", parameters)
        return [row[0] for row in cursor.fetchall()]

    def close(self) -> None:
        self.connection.close()


@contextmanager
def captured_statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The SQL (with its parameters) the service sends to the driver inside the block."""
    seen: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


# --- checks ----------------------------------------------------------------------------------------


def check_page(loaded: ClipArchive, combination: Combination, rows: list[ClipRow], expected_length: int) -> None:
    assert len(rows) == expected_length, (combination, len(rows))
    keys = [(row.recorded_start, row.id) for row in rows]
    assert keys == sorted(keys, reverse=True), "not newest first"
    codes = {loaded.org.unit_code(unit_id) for unit_id in combination.unit_ids}
    lower, upper = combination.bounds
    assert all(row.unit_code in codes and lower <= row.recorded_start < upper for row in rows), combination


def check_round_trip(loaded: ClipArchive) -> None:
    """Bulk rows read back through the ORM exactly as generated (types included)."""
    first = loaded.clips.first_row
    assert first is not None
    with loaded.archive.sessions.read() as session:
        total = session.execute(select(func.count()).select_from(Clip)).scalar_one()
        clip = session.get_one(Clip, 1)
    assert total == loaded.clips.total
    values = dict(zip(CLIP_COLUMNS, first, strict=True))
    assert clip.sha256 == values["sha256"] and clip.media_path == values["media_path"]
    assert clip.recorded_start == datetime.fromisoformat(values["recorded_start"])
    assert clip.important is values["important"] and clip.fps == values["fps"]


# --- measuring -------------------------------------------------------------------------------------


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter_ns()
    result = call()
    return (time.perf_counter_ns() - started) / 1e6, result


def percentile(samples: list[float], percent: float) -> float:
    """Nearest-rank percentile (p95 of 50 samples is the 48th smallest)."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def stats(samples: list[float]) -> dict[str, Any]:
    return {
        "n": len(samples),
        "p50_ms": percentile(samples, 50),
        "p95_ms": percentile(samples, 95),
        "max_ms": max(samples),
        "mean_ms": statistics.fmean(samples),
        "samples_ms": [round(sample, 3) for sample in samples],
    }


MEASURES = (
    "count (service)",
    "count raw SQL",
    "count(*) raw SQL",
    "page 1 (service)",
    "page 1 raw SQL",
    "page 2 keyset (service)",
    "page 1 (service), first touch",
    "count (service), first touch",
)


def run_combinations(loaded: ClipArchive, raw: RawSql, chosen: list[Combination]) -> dict[str, dict[str, list[float]]]:
    samples: dict[str, dict[str, list[float]]] = {}
    for combination in chosen:  # first touch: also checks every answer against the generator's counts
        level = samples.setdefault(combination.level, {measure: [] for measure in MEASURES})
        elapsed, count = timed(lambda c=combination: service_count(loaded, c))
        level["count (service), first touch"].append(elapsed)
        assert count == combination.expected, combination
        elapsed, rows = timed(lambda c=combination: service_page(loaded, c))
        level["page 1 (service), first touch"].append(elapsed)
        check_page(loaded, combination, rows, min(PAGE, combination.expected))
    for index, combination in enumerate(chosen):
        level = samples[combination.level]
        calls: list[tuple[str, Callable[[], Any]]] = [
            ("count (service)", lambda c=combination: service_count(loaded, c)),
            ("page 1 (service)", lambda c=combination: service_page(loaded, c)),
            ("count raw SQL", lambda c=combination: raw.count(c)),
            ("page 1 raw SQL", lambda c=combination: raw.page(c)),
            ("count(*) raw SQL", lambda c=combination: raw.count(c, "*")),
        ]
        results = {}
        for measure, call in calls if index % 2 == 0 else calls[::-1]:
            elapsed, results[measure] = timed(call)
            level[measure].append(elapsed)
        rows = results["page 1 (service)"]
        assert results["count (service)"] == results["count raw SQL"] == results["count(*) raw SQL"]
        assert results["count (service)"] == combination.expected
        assert [row.id for row in rows] == [row[0] for row in results["page 1 raw SQL"]]
        if rows:
            elapsed, second = timed(lambda c=combination, r=rows: service_page(loaded, c, after=r[-1]))
            level["page 2 keyset (service)"].append(elapsed)
            check_page(loaded, combination, second, min(PAGE, max(0, combination.expected - PAGE)))
            assert not second or (second[0].recorded_start, second[0].id) < (rows[-1].recorded_start, rows[-1].id)
    return samples


def explain_slowest(
    loaded: ClipArchive, raw: RawSql, chosen: list[Combination], samples: dict[str, dict[str, list[float]]]
) -> dict[str, Any]:
    """Plans of the service's own SQL for the combination with the slowest page 1 of each level."""
    plans: dict[str, Any] = {}
    for level, measures in samples.items():
        of_level = [c for c in chosen if c.level == level]
        page_times = measures["page 1 (service)"]
        slowest = of_level[page_times.index(max(page_times))]
        with captured_statements(loaded.archive.engine) as seen:
            rows = service_page(loaded, slowest)
            service_count(loaded, slowest)
            if rows:
                service_page(loaded, slowest, after=rows[-1])
        clip_statements = [(sql, parameters) for sql, parameters in seen if "FROM clips" in sql]
        names = ["page 1", "count", "page 2 keyset"][: len(clip_statements)]
        plans[level] = {
            "combination": slowest.__dict__,
            **{
                name: {"sql": sql, "plan": raw.explain(sql, parameters)}
                for name, (sql, parameters) in zip(names, clip_statements, strict=True)
            },
        }
    return plans


PLAN_DETAILS = ("Index Cond", "Filter", "Rows Removed", "Sort Key", "Presorted Key", "Heap Fetches", "Execution Time")


def compact_plan(lines: list[str]) -> list[str]:
    """A plan for the printout: plan nodes and their conditions, long id lists shortened (JSON keeps all)."""
    kept = []
    for line in lines:
        detail = line.strip()
        if line is lines[0] or detail.startswith("->") or detail.startswith(PLAN_DETAILS) or "SEARCH" in detail:
            kept.append(re.sub(r"\{(\d+,){8,}\d+\}", lambda m: f"{{{m[0].count(',') + 1} ids}}", line))
        elif not line.startswith(" ") or "SCAN" in detail or "TEMP B-TREE" in detail or "COVERING" in detail:
            kept.append(line)
    return kept


def database_version(loaded: ClipArchive) -> str:
    if loaded.kind == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with loaded.archive.engine.connect() as connection:
        return f"PostgreSQL {connection.execute(text('SHOW server_version')).scalar_one()}"


@pytest.mark.benchmark
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_clip_queries(
    kind: str, request: pytest.FixtureRequest, bench_scale: BenchScale, bench_report: BenchReport
) -> None:
    loaded: ClipArchive = request.getfixturevalue(f"{kind}_clip_archive")
    check_round_trip(loaded)
    chosen = combinations(loaded, bench_scale.queries, bench_scale.seed + 1)
    raw = RawSql(loaded)
    try:
        samples = run_combinations(loaded, raw, chosen)
        plans = explain_slowest(loaded, raw, chosen, samples)
    finally:
        raw.close()

    version = database_version(loaded)
    summary: dict[str, dict[str, Any]] = {}
    rows = []
    for level, measures in samples.items():
        matched = [c.expected for c in chosen if c.level == level]
        summary[level] = {"matched_rows_mean": statistics.fmean(matched), "measures": {}}
        for measure in MEASURES:
            figures = stats(measures[measure])
            baseline = {"count (service)": "count raw SQL", "page 1 (service)": "page 1 raw SQL"}.get(measure)
            ratio = "-"
            if baseline:
                base = stats(measures[baseline])
                figures["ratio_p50_vs_raw"] = figures["p50_ms"] / base["p50_ms"]
                figures["ratio_p95_vs_raw"] = figures["p95_ms"] / base["p95_ms"]
                ratio = f"{figures['ratio_p50_vs_raw']:.2f} / {figures['ratio_p95_vs_raw']:.2f}"
            target = "-"
            if measure in ("count (service)", "page 1 (service)", "page 2 keyset (service)"):
                figures["meets_target"] = figures["p95_ms"] < TARGET_MS
                target = "yes" if figures["meets_target"] else "NO"
            summary[level]["measures"][measure] = figures
            rows.append(
                [
                    f"{level} (~{statistics.fmean(matched):,.0f} rows)",
                    measure,
                    figures["n"],
                    f"{figures['p50_ms']:.2f}",
                    f"{figures['p95_ms']:.2f}",
                    f"{figures['max_ms']:.2f}",
                    ratio,
                    target,
                ]
            )
    load = loaded.load
    phases = ", ".join(f"{phase} {seconds:.1f}" for phase, seconds in load.phases.items())
    title = (
        f"Clip queries, {version}: {loaded.clips.total:,} clips, {len(loaded.org.units)} units; "
        f"size {load.size_bytes / 1e9:.2f} GB; load {load.total_seconds:.1f} s ({phases})"
    )
    notes = ["x raw: service over hand-written SQL on a DB-API connection, at p50 / at p95"]
    for level, plan in plans.items():
        notes.append(f"plans of the slowest {level} combination ({plan['combination']['unit_code']}):")
        for name in ("page 1", "count", "page 2 keyset"):
            if name in plan:
                notes.append(f"  [{name}]")
                notes.extend(f"    {line}" for line in compact_plan(plan[name]["plan"]))
    bench_report.table(
        title, ["level", "measure", "n", "p50 ms", "p95 ms", "max ms", "x raw (p50/p95)", "p95<50"], rows, notes
    )
    bench_report.write(
        f"clip-queries-{kind}",
        {
            "database": version,
            "clips": loaded.clips.total,
            "load": {"phases_s": load.phases, "total_s": load.total_seconds, "size_bytes": load.size_bytes},
            "target_p95_ms": TARGET_MS,
            "summary": summary,
            "combinations": [c.__dict__ for c in chosen],
            "plans": plans,
        },
    )
