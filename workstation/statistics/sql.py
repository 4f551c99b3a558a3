"""SQL pieces the measures share, written once for SQLite and PostgreSQL."""

from typing import Any

from sqlalchemy import ColumnElement, Integer, SQLColumnExpression, case, cast, extract, func
from sqlalchemy.orm import Session


def seconds_between(
    session: Session, later: SQLColumnExpression[Any], earlier: SQLColumnExpression[Any]
) -> ColumnElement[int]:
    """later − earlier in whole seconds (SQLite keeps times as text; PostgreSQL subtracts to an interval)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(extract("epoch", later - earlier), Integer)
    return cast(func.strftime("%s", later), Integer) - cast(func.strftime("%s", earlier), Integer)


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet the condition (0 for none)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)
