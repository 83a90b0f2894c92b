"""Read a database file directly, as a test's independent witness of what was stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path


def query(path: Path, sql: str) -> list[tuple]:
    """All rows of `sql` from a fresh connection, closed afterwards (no WAL left open)."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def all_rows(path: Path, tables: Iterable[str]) -> dict[str, list[tuple]]:
    """Every row of each table in rowid order: the witness that a migration lost nothing."""
    return {table: query(path, f"SELECT * FROM {table} ORDER BY rowid") for table in tables}
