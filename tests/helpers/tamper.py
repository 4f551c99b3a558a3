"""What someone with write access to the database could do to a test archive: raw SQL with the audit log's
append-only guards off (issue 13's attacker), on SQLite and PostgreSQL alike."""

from sqlalchemy import text

from workstation.archive import Archive


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
