"""Alembic environment: uses the engine handed over in config.attributes (see db.migrate)."""

from alembic import context

from db import stats_triggers
from db.models import Base

engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    stats_triggers.drop_all(connection)  # a migration may rebuild the tables they are on (db/stats_triggers.py)
    context.run_migrations()
    stats_triggers.create_all(connection)
