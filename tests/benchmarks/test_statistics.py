"""Statistics reports on the bulk-loaded archive (5,000,000 clips at full scale, BENCH_CLIPS) with four recorder-log
events per clip (20,000,000: 开机, 开始录像, 停止录像, 关机), SQLite and PostgreSQL: the workload and recorder
reports for a month of one 支队 (< 3 s) and a year of the 总队 (< 10 s), each against the same aggregates in
hand-written SQL in the same run (≤ 1.5×), and the first figures of the 统计 page (the workload of the month, < 1 s).
"""

import time
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select, text

from db.models import Case, Clip, ClipCaseLink
from tests.benchmarks.bulk import CORPS_CODE, FIRST_DAY
from tests.benchmarks.conftest import BenchReport, ClipArchive
from workstation.identity import Identity
from workstation.statistics import daily
from workstation.statistics.devices import device_use
from workstation.statistics.document import build_document
from workstation.statistics.types import ReportKind, StatsQuery
from workstation.statistics.workload import workload

CORPS = Identity.system("benchmark")  # answers for every unit, as the corps does
MONTH = (date(2026, 6, 1), date(2026, 6, 30))
EVENTS = (("power_on", "recorded_start", -60), ("record_start", "recorded_start", 0),
          ("record_stop", "recorded_end", 0), ("power_off", "recorded_end", 60))  # fmt: skip


def _shifted(kind: str, column: str, seconds: int) -> str:
    if kind == "postgresql":
        return f"{column} + interval '{seconds} seconds'"
    return f"strftime('%Y-%m-%d %H:%M:%f000', {column}, '{seconds:+d} seconds')"


def add_log_events(engine: Engine, kind: str) -> int:
    """Four events per recorded clip, derived from the clips in SQL (the index rebuilt after); returns the count."""
    selects = " UNION ALL ".join(
        f"SELECT device_id, officer_id, {_shifted(kind, column, seconds)}, '{event}', '', id FROM clips "
        f"WHERE device_id IS NOT NULL AND recorded_end IS NOT NULL"
        for event, column, seconds in EVENTS
    )
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX IF EXISTS ix_device_log_events_device_time"))
        connection.execute(
            text(
                "INSERT INTO device_log_events (device_id, officer_id, occurred_at, event_type, detail, log_clip_id) "
                + selects
            )
        )
        connection.execute(
            text("CREATE INDEX ix_device_log_events_device_time ON device_log_events (device_id, occurred_at)")
        )
        if kind == "postgresql":
            connection.execute(text("ANALYZE device_log_events"))
        return int(connection.execute(text("SELECT count(*) FROM device_log_events")).scalar_one())


def _count(condition: str) -> str:
    return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _seconds(kind: str, later: str, earlier: str) -> str:
    if kind == "postgresql":
        return f"extract(epoch FROM {later} - {earlier})"
    return f"(CAST(strftime('%s', {later}) AS INTEGER) - CAST(strftime('%s', {earlier}) AS INTEGER))"


def _hand_workload(kind: str, units: str) -> str:
    recording = "file_type IN ('video', 'audio')"
    linked = "EXISTS (SELECT 1 FROM clip_case_links l WHERE l.clip_id = c.id)"
    marked = "EXISTS (SELECT 1 FROM markers m WHERE m.clip_id = c.id)"
    on_time = f"{_seconds(kind, 'ingested_at', 'recorded_start')} <= 86400"
    return f"""
        SELECT unit_id, officer_id, count(*), {_count("file_type = 'video'")}, {_count("file_type = 'audio'")},
               {_count("file_type = 'photo'")}, sum(CASE WHEN {recording} THEN duration_ms ELSE 0 END),
               count(DISTINCT date(recorded_start)), {_count(on_time)}, {_count(recording)},
               {_count(f"{recording} AND {linked}")}, {_count(marked)}
        FROM clips c
        WHERE unit_id IN ({units}) AND recorded_start >= :start AND recorded_start < :end AND file_type <> 'log'
        GROUP BY unit_id, officer_id
    """


def _hand_devices(kind: str, units: str) -> str:
    seconds = _seconds(kind, "occurred_at", "before_at")
    return f"""
        SELECT device_id, event_type, count(*),
               sum(CASE WHEN (event_type = 'power_off' AND before = 'power_on')
                          OR (event_type = 'record_stop' AND before = 'record_start') THEN {seconds} END)
        FROM (SELECT device_id, event_type, occurred_at,
                     lag(event_type) OVER (PARTITION BY device_id ORDER BY occurred_at, id) AS before,
                     lag(occurred_at) OVER (PARTITION BY device_id ORDER BY occurred_at, id) AS before_at
              FROM device_log_events
              WHERE device_id IN (SELECT id FROM devices WHERE unit_id IN ({units}))
                AND occurred_at >= :start AND occurred_at < :end) ordered
        GROUP BY device_id, event_type
    """


def _timed(call):
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def _hand_gaps(kind: str, units: str) -> str:
    gap = _seconds(kind, "recorded_start", "before_end")
    return f"""
        SELECT unit_id, officer_id, count(*), sum({gap})
        FROM (SELECT unit_id, officer_id, recorded_start,
                     lag(recorded_end) OVER (PARTITION BY officer_id, date(recorded_start)
                                             ORDER BY recorded_start, id) AS before_end
              FROM clips
              WHERE unit_id IN ({units}) AND officer_id IS NOT NULL AND file_type IN ('video', 'audio')
                AND recorded_start >= :start AND recorded_start < :end) ordered
        WHERE before_end IS NOT NULL AND {gap} * 1000 > 2000
        GROUP BY unit_id, officer_id
    """


def _bounds(query: StatsQuery) -> dict[str, str]:
    return {"start": f"{query.date_from} 00:00:00", "end": f"{query.date_to + timedelta(days=1)} 00:00:00"}


def _measure(loaded: ClipArchive, kind: str, query: StatsQuery, top: int) -> dict[str, float]:
    """Seconds of each report through the service and of the same aggregates in hand-written SQL."""
    units = ",".join(map(str, loaded.org.subtree(top)))
    bounds, before = _bounds(query), _bounds(query.previous())
    with loaded.archive.sessions.read() as session:
        workload(session, CORPS, query)  # warm the cache alike for both

        def hand_workload() -> list[Any]:
            """The same aggregates as the report: this period's and, for the comparison, the previous one's."""
            counted = session.execute(text(_hand_workload(kind, units)), bounds).all()
            session.execute(text(_hand_gaps(kind, units)), bounds).all()
            session.execute(text(_hand_workload(kind, units)), before).all()
            session.execute(text(_hand_gaps(kind, units)), before).all()
            return counted

        hand_w, counted = _timed(hand_workload)
        service_w, report = _timed(lambda: workload(session, CORPS, query))
        hand_d, paired = _timed(lambda: session.execute(text(_hand_devices(kind, units)), bounds).all())
        service_d, devices = _timed(lambda: device_use(session, CORPS, query))
    with loaded.archive.sessions.read() as fresh:  # a report fixes its own session's state first
        document_s, _document = _timed(lambda: build_document(fresh, CORPS, ReportKind.WORKLOAD, query))
    assert report.total.clips == sum(int(row[2]) for row in counted) > 0
    assert sum(device.seconds_on for device in devices.devices) == sum(
        int(row[3] or 0) for row in paired if row[1] == "power_off"
    )
    return {"workload": service_w, "workload_sql": hand_w, "devices": service_d, "devices_sql": hand_d,
            "report": document_s, "clips": report.total.clips}  # fmt: skip


@pytest.mark.benchmark
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_reports_against_hand_written_sql(kind: str, request: pytest.FixtureRequest, bench_report: BenchReport):
    loaded: ClipArchive = request.getfixturevalue(f"{kind}_clip_archive")
    events_s, events = _timed(lambda: add_log_events(loaded.archive.engine, kind))
    backfill_s, days = _timed(lambda: daily.refresh(loaded.archive.sessions))  # once, after the upgrade
    one_day_s = _one_day_later(loaded)
    month = StatsQuery(*MONTH, loaded.org.unit_code(loaded.org.detachment_ids[0]))
    year = StatsQuery(FIRST_DAY, FIRST_DAY + timedelta(days=364), CORPS_CODE)
    rows, figures = [], {}
    for name, query, top, target in (
        ("month of one 支队", month, loaded.org.detachment_ids[0], "< 3 s"),
        ("year of the 总队", year, loaded.org.corps_id, "< 10 s"),
    ):
        measured = figures[name] = _measure(loaded, kind, query, top)
        for report in ("workload", "devices"):
            service, hand = measured[report], measured[f"{report}_sql"]
            rows.append([f"{report}, {name}", f"{service:.2f}", f"{hand:.2f}", f"{service / hand:.2f}", target])
        rows.append([f"workload report (document), {name}", f"{measured['report']:.2f}", "", "", target])
    bench_report.table(
        f"statistics, {kind}, {loaded.clips.total} clips, {events} log events (added in {events_s:.0f} s)",
        ["report", "service s", "hand SQL s", "×", "target"],
        rows,
        [
            "the 统计 page's first figures are the workload of the month: its service time above (target < 1 s)",
            f"building the daily figures of all {days} days (once, after the upgrade): {backfill_s:.1f} s; "
            f"rebuilding one day after a case link made on it later: {one_day_s:.2f} s",
        ],
    )
    figures["daily"] = {"days": days, "backfill_s": backfill_s, "one_day_s": one_day_s}
    bench_report.write(f"statistics-{kind}", {"clips": loaded.clips.total, "events": events, "figures": figures})


def _one_day_later(loaded: ClipArchive) -> float:
    """Seconds to bring the daily figures up to date after a case link on an old day (what a report then pays)."""
    with loaded.archive.sessions.write() as session:
        clip = session.scalars(select(Clip).where(Clip.recorded_start >= datetime(2026, 6, 15)).limit(1)).one()
        case = Case(case_no="JQ-BENCH", kind="incident", created_at=datetime(2026, 7, 1))
        session.add(case)
        session.flush()  # a link row as the case service writes it; the database marks the clip's day
        session.add(ClipCaseLink(clip_id=clip.id, case_id=case.id, linked_at=datetime(2026, 7, 1), linked_by="x"))
    started = time.perf_counter()
    assert daily.refresh(loaded.archive.sessions) == 1
    return time.perf_counter() - started
