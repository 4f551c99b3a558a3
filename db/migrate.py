"""Run the Alembic migrations programmatically (no alembic.ini needed; the CLI calls this)."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "heads") -> None:
    """Bring the schema to `revision` (default: the newest of every branch)."""
    command.upgrade(alembic_config(engine), revision)


def current_revisions(engine: Engine) -> frozenset[str]:
    """The revisions the database is at (one per migration branch; empty for a new database)."""
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def head_revisions() -> frozenset[str]:
    """The newest revision of each migration branch this program ships."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def known_revisions() -> frozenset[str]:
    """Every revision this program ships (a database at any other revision is newer than the program)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return frozenset(script.revision for script in ScriptDirectory.from_config(config).walk_revisions())
