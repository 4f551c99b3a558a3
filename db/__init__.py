"""Data layer: SQLAlchemy 2 models, engines and sessions, Alembic migrations (SQLite and PostgreSQL).

Qt-free. Only `workstation/` imports this package; the UI never does.
"""
