"""Bulk rows for the clip-query benchmark: a realistic organisation and millions of clips, generated fast.

No media files are written; only database rows. Everything is deterministic for a given seed, so the
SQLite and the PostgreSQL archive hold identical data and every query has an exact expected count
(`ClipGenerator.expected_count`) to assert against.

Shape (see platform.md §9): 1 corps (总队) → 3 detachments (支队) → 200 brigades (大队); 5000 officers
spread over the brigades; 6000 recorders (one per officer plus spares); clips over one year at about
2.8 clips per officer per day at 5,000,000 rows, generated day by day in recording order, so ids grow
with time as they do when stations ingest daily. Each clip's unit is its officer's unit.

Loading skips the ORM: the schema comes from the real migrations, the clips' secondary indexes (and on
PostgreSQL its unique and foreign-key constraints) are dropped, the rows go in with raw sqlite3
`executemany` or PostgreSQL `COPY`, and the dropped objects are recreated from the SQLAlchemy model
metadata. `schema_snapshot` lets the caller check that the result equals the migrated schema.
"""

import os
import random
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy import Engine, ForeignKeyConstraint, Index, UniqueConstraint, text
from sqlalchemy.schema import AddConstraint, CreateIndex, DropConstraint, DropIndex

from db.models import Clip, Device, Officer, Unit
from workstation.retention.policy import add_months
from workstation.types import FileType, UnitLevel

CORPS_CODE = "440000000000"
DETACHMENTS = 3
BRIGADES = 200
OFFICERS = 5000
SPARE_DEVICES = 1000
FIRST_DAY = date(2025, 11, 22)
DAYS = 365
STATION_SUFFIX = "采集站"

UNIT_COLUMNS = ("id", "code", "name", "level", "police_type", "parent_id")
OFFICER_COLUMNS = ("id", "badge_no", "name", "unit_id", "registered_at")
DEVICE_COLUMNS = (
    "id",
    "device_no",
    "serial",
    "model",
    "unit_id",
    "holder_officer_id",
    "clock_offset_ms",
    "registered_at",
)
CLIP_COLUMNS = (
    "id",
    "sha256",
    "file_type",
    "original_name",
    "media_path",
    "size_bytes",
    "unit_id",
    "officer_id",
    "device_id",
    "recorded_start",
    "recorded_end",
    "duration_ms",
    "sequence_no",
    "clock_offset_ms",
    "container",
    "video_codec",
    "width",
    "height",
    "fps",
    "ingested_at",
    "ingest_station",
    "name_pattern",
    "important",
    "retention_class",
    "retention_rule",
    "retention_triggers",
    "keep_until",
    "site_category",
    "media_status",
    "media_problem",
    "last_verified_at",
)
for _model, _columns in (
    (Unit, UNIT_COLUMNS),
    (Officer, OFFICER_COLUMNS),
    (Device, DEVICE_COLUMNS),
    (Clip, CLIP_COLUMNS),
):
    assert len(set(_columns)) == len(_columns), f"{_model.__name__}: a column listed twice in bulk.py"
    assert set(_columns) == set(_model.__table__.columns.keys()), f"{_model.__name__} columns changed: update bulk.py"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌浩宇鹏辉晨阳雪梅兰海峰波亮新"
MODELS = ("DSJ-V9", "DSJ-X5", "DSJ-H8", "DSJ-T7")
REGISTERED_AT = "2025-01-02 09:00:00.000000"


def timestamp(moment: datetime) -> str:
    """The text SQLAlchemy stores for a DateTime on SQLite ('YYYY-MM-DD HH:MM:SS.ffffff').

    PostgreSQL's COPY parses the same text into `timestamp without time zone`, so one row format
    serves both databases.
    """
    return moment.isoformat(" ", "microseconds")


@dataclass
class Org:
    """Units, officers and devices as row tuples (columns as in *_COLUMNS), plus the lookups clips need."""

    units: list[tuple[Any, ...]]
    officers: list[tuple[Any, ...]]
    devices: list[tuple[Any, ...]]
    corps_id: int
    detachment_ids: list[int]
    brigade_ids: list[int]
    children: dict[int, list[int]] = field(default_factory=dict)

    def unit_code(self, unit_id: int) -> str:
        return self.units[unit_id - 1][1]

    def subtree(self, unit_id: int) -> list[int]:
        """The unit and every unit below it (what workstation.clips.unit_subtree_ids returns)."""
        found, stack = [], [unit_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(self.children.get(current, ()))
        return sorted(found)


def build_org(seed: int) -> Org:
    """1 corps → 3 detachments → 200 brigades; 5000 officers in the brigades; one recorder each plus 1000 spares."""
    rng = random.Random(seed)
    units: list[tuple[Any, ...]] = [(1, CORPS_CODE, "某省公安厅执法记录总队", UnitLevel.CORPS.value, "治安", None)]
    children: dict[int, list[int]] = {1: []}
    detachment_ids, brigade_ids = [], []
    for number in range(1, DETACHMENTS + 1):
        unit_id = len(units) + 1
        units.append((unit_id, f"44{number:02d}00000000", f"第{number}支队", UnitLevel.DETACHMENT.value, "治安", 1))
        children[1].append(unit_id)
        children[unit_id] = []
        detachment_ids.append(unit_id)
    for number in range(BRIGADES):
        parent = detachment_ids[number % DETACHMENTS]
        local = len(children[parent]) + 1
        unit_id = len(units) + 1
        code = f"{units[parent - 1][1][:4]}{local:02d}000000"
        units.append((unit_id, code, f"第{parent - 1}支队第{local}大队", UnitLevel.BRIGADE.value, "治安", parent))
        children[parent].append(unit_id)
        brigade_ids.append(unit_id)
    officers = []
    for number in range(OFFICERS):
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        officers.append((number + 1, f"{100001 + number}", name, brigade_ids[number % BRIGADES], REGISTERED_AT))
    devices = []
    for number in range(OFFICERS + SPARE_DEVICES):
        holder = officers[number] if number < OFFICERS else None
        unit_id = holder[3] if holder else rng.choice(brigade_ids)
        devices.append(
            (
                number + 1,
                f"DSJ{number + 1:07d}",
                f"SN{rng.getrandbits(40):010X}",
                rng.choice(MODELS),
                unit_id,
                holder[0] if holder else None,
                rng.choice((0, 0, 0, rng.randint(-90_000, 90_000))),
                REGISTERED_AT,
            )
        )
    return Org(units, officers, devices, 1, detachment_ids, brigade_ids, children)


class ClipGenerator:
    """Streams `total` clip rows (CLIP_COLUMNS order) for an Org, and counts them per unit and day.

    `rows()` can be called again (once per database) and yields the same rows; the counts it fills
    are what the benchmark's assertions compare the service results with.
    """

    def __init__(self, org: Org, total: int, seed: int, first_day: date = FIRST_DAY, days: int = DAYS) -> None:
        self.org = org
        self.total = total
        self.seed = seed
        self.first_day = first_day
        self.days = days
        self.counts: list[list[int]] | None = None  # [unit_id][day index], complete after rows() is exhausted
        self.first_row: tuple[Any, ...] | None = None

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The clip rows, day by day in recording order; ids 1..total. About 4 µs a row."""
        rng = random.Random(self.seed)
        random_float, random_bits = rng.random, rng.getrandbits
        org = self.org
        counts = [[0] * self.days for _ in range(len(org.units) + 1)]
        # precomputed text: the hot loop only concatenates (strftime/isoformat per row would double its cost)
        day_iso = [(self.first_day + timedelta(days=n)).isoformat() + " " for n in range(self.days + 4)]
        day_compact = [(self.first_day + timedelta(days=n)).strftime("%Y%m%d") for n in range(self.days)]
        clock = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400)]
        clock_compact = [f"{s // 3600:02d}{s // 60 % 60:02d}{s % 60:02d}_" for s in range(86400)]
        # retention as filing assigns it under the fire rescue rules: two years, five at a public gathering
        # (1 %), permanent when important (2 %)
        recorded_days = [self.first_day + timedelta(days=n) for n in range(self.days)]
        kept_two = [add_months(day, 24).isoformat() for day in recorded_days]
        kept_five = [add_months(day, 60).isoformat() for day in recorded_days]
        video, audio, photo, log = (
            kind.value for kind in (FileType.VIDEO, FileType.AUDIO, FileType.PHOTO, FileType.LOG)
        )
        officers = []  # per officer: the values every one of its clips repeats
        for officer_id, badge, _name, unit_id, _registered in org.officers:
            device = org.devices[officer_id - 1]
            unit_code = org.unit_code(unit_id)
            officers.append(
                (
                    officer_id,
                    unit_id,
                    device[0],
                    device[6],
                    unit_code + STATION_SUFFIX,
                    f"{device[1]}_{badge}_",
                    f"{unit_code}/{badge}/",
                    counts[unit_id],
                )
            )
        weights = [rng.lognormvariate(0, 0.5) for _ in officers]  # some officers record far more than others
        cumulative, running = [], 0.0
        for weight in weights:
            running += weight
            cumulative.append(running)
        sequence = [0] * (len(officers) + 1)
        clip_id = 0
        per_day, extra = divmod(self.total, self.days)
        for day in range(self.days):
            count = per_day + (1 if day < extra else 0)
            seconds = sorted(
                25200 + int(random_float() * 54000) if random_float() < 0.85 else int(random_float() * 86400)
                for _ in range(count)
            )  # 85 % between 07:00 and 22:00
            chosen = rng.choices(officers, cum_weights=cumulative, k=count)
            for second, officer in zip(seconds, chosen, strict=True):
                officer_id, unit_id, device_id, offset, station, name_prefix, path_prefix, unit_counts = officer
                clip_id += 1
                sequence[officer_id] += 1
                seq = sequence[officer_id]
                draw = random_float()
                width = height = fps = codec = None
                if draw < 0.90:
                    file_type, extension, container = video, ".MP4", "mp4"
                    duration = int(min(900.0, 10.0 + rng.expovariate(1 / 240)))  # split at 15 min
                    if random_float() < 0.8:
                        width, height, bytes_per_second = 1920, 1080, 1_000_000
                    else:
                        width, height, bytes_per_second = 1280, 720, 500_000
                    fps, codec = (25.0 if random_float() < 0.7 else 30.0), "h264"
                    size = duration * bytes_per_second + random_bits(16)
                elif draw < 0.96:
                    file_type, extension, container = audio, ".WAV", "wav"
                    duration = int(5.0 + rng.expovariate(1 / 180))
                    size = duration * 32_000 + 44
                elif draw < 0.99:
                    file_type, extension, container, duration = photo, ".JPG", "jpg", 0
                    width, height = 4000, 3000
                    size = 1_500_000 + random_bits(21)
                else:
                    file_type, extension, container, duration = log, ".LOG", "log", 0
                    size = 2_000 + random_bits(15)
                end = second + duration
                ingested = end + 1800 + random_bits(17)  # 0.5 h to 36 h later
                name = f"{name_prefix}{day_compact[day]}{clock_compact[second]}{seq:04d}{extension}"
                damaged = random_float() < 0.001
                important = random_float() < 0.02
                site = None if random_float() >= 0.01 else "public_gathering"
                if important:
                    retention = (
                        "permanent",
                        "important",
                        "important|site:public_gathering" if site else "important",
                        None,
                    )
                elif site:
                    retention = ("years_5", "site:public_gathering", "site:public_gathering", kept_five[day])
                else:
                    retention = ("years_2", "base", "", kept_two[day])
                row = (
                    clip_id,
                    f"{random_bits(256):064x}",
                    file_type,
                    name,
                    path_prefix + day_iso[day][:-1] + "/" + name,
                    size,
                    unit_id,
                    officer_id,
                    device_id,
                    day_iso[day] + clock[second],
                    day_iso[day + end // 86400] + clock[end % 86400] if duration else None,
                    duration * 1000 if duration else None,
                    seq,
                    offset,
                    container,
                    codec,
                    width,
                    height,
                    fps,
                    day_iso[day + ingested // 86400] + clock[ingested % 86400],
                    station,
                    "gat947",
                    important,
                    *retention,
                    site,
                    "corrupt" if damaged else "ok",
                    "无法解码第一帧画面" if damaged else "",
                    None,
                )
                if clip_id == 1:
                    self.first_row = row
                unit_counts[day] += 1
                yield row
        self.counts = counts

    def expected_count(self, unit_ids: Sequence[int], date_from: date, date_to: date) -> int:
        """Clips of these units recorded on date_from..date_to (inclusive), as generated."""
        if self.counts is None:
            raise RuntimeError("rows() has not been consumed yet")
        first = max(0, (date_from - self.first_day).days)
        last = min(self.days - 1, (date_to - self.first_day).days)
        return sum(sum(self.counts[unit_id][first : last + 1]) for unit_id in unit_ids)


@dataclass
class LoadReport:
    """How long each phase of a bulk load took (seconds), and the resulting size."""

    rows: int
    phases: dict[str, float] = field(default_factory=dict)
    size_bytes: int | None = None

    @property
    def total_seconds(self) -> float:
        return sum(self.phases.values())


class _PhaseTimer:
    def __init__(self, report: LoadReport) -> None:
        self.report = report
        self.started = time.perf_counter()

    def done(self, phase: str) -> None:
        now = time.perf_counter()
        self.report.phases[phase] = now - self.started
        self.started = now


def clip_indexes() -> list[Index]:
    return sorted(Clip.__table__.indexes, key=lambda index: index.name or "")


def clip_constraints(kind: type) -> list[Any]:
    return sorted(
        (constraint for constraint in Clip.__table__.constraints if isinstance(constraint, kind)),
        key=lambda constraint: constraint.name,
    )


def _insert_sql(table: str, columns: Sequence[str], placeholder: str = "?") -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([placeholder] * len(columns))})"


def load_sqlite(engine: Engine, org: Org, clips: ClipGenerator) -> LoadReport:
    """Fill a migrated embedded archive database (closes the engine's connections first).

    SQLite keeps UNIQUE constraints inside CREATE TABLE (sqlite_autoindex_clips_*), which cannot be
    dropped without rebuilding the table and changing the schema, so only the four secondary indexes
    are dropped; a 2 GiB page cache keeps the unique indexes' random inserts in memory.
    """
    engine.dispose()
    report = LoadReport(clips.total)
    timer = _PhaseTimer(report)
    connection = sqlite3.connect(engine.url.database or "", isolation_level=None)
    try:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-2000000", "temp_store=MEMORY"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("BEGIN")
        for index in clip_indexes():
            connection.execute(str(DropIndex(index).compile(dialect=engine.dialect)))
        connection.executemany(_insert_sql("units", UNIT_COLUMNS), org.units)
        connection.executemany(_insert_sql("officers", OFFICER_COLUMNS), org.officers)
        connection.executemany(_insert_sql("devices", DEVICE_COLUMNS), org.devices)
        connection.executemany(_insert_sql("clips", CLIP_COLUMNS), clips.rows())
        connection.execute("COMMIT")
        timer.done("insert")
        for index in clip_indexes():
            connection.execute(str(CreateIndex(index).compile(dialect=engine.dialect)))
        timer.done("create indexes")
        connection.execute("ANALYZE")
        timer.done("analyze")
        violations = connection.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            raise AssertionError(f"bulk rows break foreign keys: {violations[:5]}")
        timer.done("foreign key check")
        connection.execute("PRAGMA journal_mode=WAL")  # what the migrated archive had
    finally:
        connection.close()
    report.size_bytes = os.path.getsize(engine.url.database or "")
    return report


def load_postgresql(engine: Engine, org: Org, clips: ClipGenerator) -> LoadReport:
    """Fill a migrated PostgreSQL archive database with COPY; then VACUUM ANALYZE (as autovacuum would).

    The clips' secondary indexes, unique constraints and foreign keys are dropped for the COPY and
    added back from the model metadata (adding a foreign key validates every row in one pass).
    """
    report = LoadReport(clips.total)
    timer = _PhaseTimer(report)
    dialect = engine.dialect
    conninfo = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    uniques = clip_constraints(UniqueConstraint)
    foreign_keys = clip_constraints(ForeignKeyConstraint)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("SET maintenance_work_mem = '1GB'")
        with connection.transaction():
            for constraint in (*foreign_keys, *uniques):
                connection.execute(str(DropConstraint(constraint).compile(dialect=dialect)))
            for index in clip_indexes():
                connection.execute(str(DropIndex(index).compile(dialect=dialect)))
            with connection.cursor() as cursor:
                for table, columns, rows in (
                    ("units", UNIT_COLUMNS, org.units),
                    ("officers", OFFICER_COLUMNS, org.officers),
                    ("devices", DEVICE_COLUMNS, org.devices),
                    ("clips", CLIP_COLUMNS, clips.rows()),
                ):
                    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        timer.done("insert")
        for constraint in uniques:
            connection.execute(str(AddConstraint(constraint).compile(dialect=dialect)))
        for index in clip_indexes():
            connection.execute(str(CreateIndex(index).compile(dialect=dialect)))
        timer.done("create indexes")
        for constraint in foreign_keys:
            connection.execute(str(AddConstraint(constraint).compile(dialect=dialect)))
        timer.done("foreign key check")
        for table in ("units", "officers", "devices", "clips"):
            connection.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        connection.execute("VACUUM (ANALYZE) clips")
        connection.execute("ANALYZE")
        timer.done("analyze")
        report.size_bytes = connection.execute("SELECT pg_total_relation_size('clips')").fetchone()[0]  # type: ignore[index]
    return report


def schema_snapshot(engine: Engine) -> list[tuple[Any, ...]]:
    """Every table, index, trigger and constraint definition as the database itself reports it."""
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            rows = connection.execute(
                text("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")
            )
        else:
            rows = connection.execute(
                text(
                    "SELECT 'index', tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                    "UNION ALL SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                    "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                    "UNION ALL SELECT 'column', table_name, column_name, "
                    "data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') "
                    "FROM information_schema.columns WHERE table_schema = 'public'"
                )
            )
        return sorted(tuple(row) for row in rows)
