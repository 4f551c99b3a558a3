"""What someone with write access to the database could do to a test archive: raw SQL with the audit log's
append-only guards off (issue 13's attacker), on SQLite and PostgreSQL alike."""

from sqlalchemy import text

from workstation import audit
from workstation.archive import Archive


def record_events(archive: Archive, count: int, actor: str = "admin", action: str = "clip.view") -> None:
    """`count` honest audit rows, each in its own transaction as a service writes them: a chain to tamper with."""
    for index in range(count):
        with archive.sessions.write() as session:
            audit.record(session, actor, action, "clip", index, {"reason": f"抽查 {index}"})


def tamper(archive: Archive, *statements: str) -> None:
    """Run `statements` in one transaction with the audit guards switched off for it."""
    with archive.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.execute(text("DROP TRIGGER audit_events_no_update"))
            connection.execute(text("DROP TRIGGER audit_events_no_delete"))
        else:
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        for statement in statements:
            connection.execute(text(statement))
