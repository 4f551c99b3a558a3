"""Time arithmetic in SQL, written once for SQLite and PostgreSQL (the statistics and the browser's filters
share it, so "uploaded late" means the same thing in a report and in the list a report's figure opens)."""

from typing import Any

from sqlalchemy import ColumnElement, Integer, SQLColumnExpression, cast, extract, func
from sqlalchemy.orm import Session


def seconds_between(
    session: Session, later: SQLColumnExpression[Any], earlier: SQLColumnExpression[Any]
) -> ColumnElement[int]:
    """later − earlier in whole seconds (SQLite keeps times as text; PostgreSQL subtracts to an interval)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(extract("epoch", later - earlier), Integer)
    return cast(func.strftime("%s", later), Integer) - cast(func.strftime("%s", earlier), Integer)


def day_of(moment: SQLColumnExpression[Any]) -> ColumnElement[Any]:
    """The calendar date of a time, as the database keeps dates (SQLite: 'YYYY-MM-DD' text)."""
    return func.date(moment)


def day_before(session: Session, moment: SQLColumnExpression[Any]) -> ColumnElement[Any]:
    """The calendar date of the day before a time's date."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(moment) - 1
    return func.date(moment, "-1 day")
