"""SQL pieces the measures share, written once for SQLite and PostgreSQL (time differences: workstation.sql_time)."""

from sqlalchemy import ColumnElement, case, func


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet the condition (0 for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
