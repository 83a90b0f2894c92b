"""Typed views of SQLAlchemy objects whose static types are looser than what this app uses."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table
from sqlalchemy.orm import DeclarativeBase


def table_of(model: type[DeclarativeBase]) -> Table:
    """`model.__table__` as the `Table` it is: SQLAlchemy types it as `FromClause` because a
    mapping may target any selectable, but every model here maps a plain table."""
    return cast(Table, model.__table__)


def rows_affected(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched. `Session.execute` is typed to return a
    plain `Result`, but for those statements it is a `CursorResult`."""
    return cast(CursorResult[Any], result).rowcount


def inserted_id(result: Result[Any]) -> int:
    """The integer primary key of the row a single-row INSERT just added."""
    key = cast(CursorResult[Any], result).inserted_primary_key
    if key is None:  # only when the key comes from a server default, as none does here
        raise RuntimeError("The database returned no primary key for the new row.")
    return key[0]
