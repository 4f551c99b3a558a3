"""The triggers that mark a day's statistics out of date (table stats_dirty_days, migration 0016).

Every write, change or removal of a clip, a case link, a mark or a recorder-log event adds the day it belongs to
(a log event also the day after: the first event of the next day may pair with it), in the writer's own
transaction. SQLite gets row triggers; PostgreSQL statement triggers over the changed rows, so a bulk load adds
one statement, not one per row. An update marks days only when a column the figures read changed.

db/migrations/env.py drops them before and makes them after every migration run: a migration may rebuild a table
(SQLite batch mode), which would drop the triggers on it or trip over those that name it.
"""

from sqlalchemy import Connection, inspect, text

DIRTY_TABLE = "stats_dirty_days"
CLIP_COLUMNS = (
    "unit_id", "officer_id", "device_id", "file_type", "recorded_start", "recorded_end", "duration_ms", "ingested_at",
)  # fmt: skip
"""The clip columns the daily figures read; an update of any other one (verification, retention) marks nothing."""
EVENT_COLUMNS = ("device_id", "event_type", "occurred_at")
TRIGGERS = [
    (table, action)
    for table in ("clips", "device_log_events", "clip_case_links", "markers")
    for action in ("insert", "delete", "update")
    if not (table in ("clip_case_links", "markers") and action == "update")
]
"""(table, action) of every trigger: links and marks count only by existence, so they have no update trigger."""


def drop_all(connection: Connection) -> None:
    """Remove the triggers (and PostgreSQL's trigger functions), wherever they exist."""
    postgresql = connection.dialect.name == "postgresql"
    tables = set(inspect(connection).get_table_names())
    for table, action in TRIGGERS:
        if not postgresql:
            connection.execute(text(f"DROP TRIGGER IF EXISTS stats_dirty_{table}_on_{action}"))
        elif table in tables:
            connection.execute(text(f"DROP TRIGGER IF EXISTS stats_dirty_{table}_on_{action} ON {table}"))
    if postgresql:
        for table in sorted({table for table, _action in TRIGGERS}):
            connection.execute(text(f"DROP FUNCTION IF EXISTS stats_dirty_{table}()"))
            connection.execute(text(f"DROP FUNCTION IF EXISTS stats_dirty_{table}_changed()"))


def create_all(connection: Connection) -> None:
    """Make the triggers, if the schema has the table they write to."""
    if not inspect(connection).has_table(DIRTY_TABLE):
        return
    statements = _postgresql() if connection.dialect.name == "postgresql" else _sqlite()
    for statement in statements:
        connection.execute(text(statement))


def _sqlite_mark(days: str) -> str:
    return f"INSERT OR IGNORE INTO {DIRTY_TABLE} (day) {days};"


def _sqlite() -> list[str]:
    clip_day = "SELECT date(recorded_start) FROM clips WHERE id = {}.clip_id"
    event_days = "VALUES (date({0}.occurred_at)), (date({0}.occurred_at, '+1 day'))"
    bodies = {
        "clips_on_insert": ("AFTER INSERT ON clips", _sqlite_mark("VALUES (date(NEW.recorded_start))")),
        "clips_on_delete": ("AFTER DELETE ON clips", _sqlite_mark("VALUES (date(OLD.recorded_start))")),
        "clips_on_update": (
            f"AFTER UPDATE OF {', '.join(CLIP_COLUMNS)} ON clips",
            _sqlite_mark("VALUES (date(OLD.recorded_start)), (date(NEW.recorded_start))"),
        ),
        "device_log_events_on_insert": ("AFTER INSERT ON device_log_events", _sqlite_mark(event_days.format("NEW"))),
        "device_log_events_on_delete": ("AFTER DELETE ON device_log_events", _sqlite_mark(event_days.format("OLD"))),
        "device_log_events_on_update": (
            f"AFTER UPDATE OF {', '.join(EVENT_COLUMNS)} ON device_log_events",
            _sqlite_mark(event_days.format("OLD")) + " " + _sqlite_mark(event_days.format("NEW")),
        ),
        "clip_case_links_on_insert": ("AFTER INSERT ON clip_case_links", _sqlite_mark(clip_day.format("NEW"))),
        "clip_case_links_on_delete": ("AFTER DELETE ON clip_case_links", _sqlite_mark(clip_day.format("OLD"))),
        "markers_on_insert": ("AFTER INSERT ON markers", _sqlite_mark(clip_day.format("NEW"))),
        "markers_on_delete": ("AFTER DELETE ON markers", _sqlite_mark(clip_day.format("OLD"))),
    }
    return [
        f"CREATE TRIGGER stats_dirty_{name} {when} FOR EACH ROW BEGIN {body} END"
        for name, (when, body) in bodies.items()
    ]


def _postgresql_function(name: str, days: str) -> str:
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO {DIRTY_TABLE} (day) SELECT DISTINCT day FROM ({days}) AS touched (day) "
        "ON CONFLICT DO NOTHING; RETURN NULL; END $$"
    )


def _postgresql() -> list[str]:
    day = "CAST({} AS date)"
    event_days = (
        f"SELECT {day.format('occurred_at')} FROM changed UNION SELECT {day.format('occurred_at')} + 1 FROM changed"
    )
    clip_days = f"SELECT {day.format('c.recorded_start')} FROM changed JOIN clips c ON c.id = changed.clip_id"
    updated = "FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE {}"
    clip_changed = updated.format(" OR ".join(f"o.{column} IS DISTINCT FROM n.{column}" for column in CLIP_COLUMNS))
    event_changed = updated.format(" OR ".join(f"o.{column} IS DISTINCT FROM n.{column}" for column in EVENT_COLUMNS))
    both = "SELECT {0} {2} UNION SELECT {1} {2}"
    functions = {
        "stats_dirty_clips": f"SELECT {day.format('recorded_start')} FROM changed",
        "stats_dirty_clips_changed": both.format(
            day.format("o.recorded_start"), day.format("n.recorded_start"), clip_changed
        ),
        "stats_dirty_device_log_events": event_days,
        "stats_dirty_device_log_events_changed": (
            both.format(day.format("o.occurred_at"), day.format("n.occurred_at"), event_changed)
            + " UNION "
            + both.format(day.format("o.occurred_at") + " + 1", day.format("n.occurred_at") + " + 1", event_changed)
        ),
        "stats_dirty_clip_case_links": clip_days,
        "stats_dirty_markers": clip_days,
    }
    statements = [_postgresql_function(name, days) for name, days in functions.items()]
    for table, action in TRIGGERS:
        if action == "update":
            rows, function = "OLD TABLE AS old_rows NEW TABLE AS new_rows", f"stats_dirty_{table}_changed"
        else:
            rows, function = f"{'NEW' if action == 'insert' else 'OLD'} TABLE AS changed", f"stats_dirty_{table}"
        statements.append(
            f"CREATE TRIGGER stats_dirty_{table}_on_{action} AFTER {action.upper()} ON {table} "
            f"REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    return statements
