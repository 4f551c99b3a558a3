"""The migrations are the schema: they build exactly the models, both ways, on both databases."""

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from db import migrate, stats_triggers
from db.models import Base
from workstation import audit
from workstation.archive import Archive
from workstation.cli import messages
from workstation.errors import ArchiveNeedsUpgrade


def test_migrated_schema_matches_the_models(archive):
    with archive.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert migrate.current_revisions(archive.engine) == migrate.head_revisions()


def test_downgrade_to_empty_and_upgrade_again(archive):
    command.downgrade(migrate.alembic_config(archive.engine), "base")
    assert set(inspect(archive.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(archive.engine)
    assert "clips" in inspect(archive.engine).get_table_names()
    assert _triggers(archive.engine) == {
        f"stats_dirty_{table}_on_{action}" for table, action in stats_triggers.TRIGGERS
    }


def _triggers(engine) -> set[str]:
    """The statistics triggers the database has (db/stats_triggers.py: made again after every migration run)."""
    query = (
        "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        if engine.dialect.name == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    )
    with engine.connect() as connection:
        return {name for name in connection.scalars(text(query)) if name.startswith("stats_dirty_")}


@pytest.mark.parametrize("statement", ["UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"])
def test_the_database_refuses_to_change_audit_rows(archive, statement):
    with archive.sessions.write() as session:
        audit.record(session, "admin", "test.event", "test", 1)
    with pytest.raises(DatabaseError, match="append-only"), archive.engine.begin() as connection:
        connection.execute(text(statement))
    with archive.sessions.read() as session:
        assert audit.verify_chain(session).ok


def test_an_archive_at_an_older_schema_is_refused_until_upgraded(tmp_path):
    archive = Archive.open_embedded(tmp_path / "a", create=True)
    command.downgrade(migrate.alembic_config(archive.engine), "base")
    with pytest.raises(ArchiveNeedsUpgrade) as refusal:
        archive.check_schema()
    assert refusal.value.data["current"] == [] and "workstation db upgrade" in messages.describe(refusal.value)
    archive.upgrade_schema()
    archive.check_schema()
    archive.close()
