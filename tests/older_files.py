"""Files as an older build wrote them, for the migration tests.

Today's services write today's columns, which an older file lacks. So a test fills a new (HEAD)
database with the services, then copies the rows into the older file, column by column where
the older schema has it: the older file then holds exactly what an older build would have
stored. Comparisons after an upgrade use the columns both schemas share (`kept_rows`), since a
later migration may add or drop columns (0008 drops credit_inputs.repeat_rate).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file


def columns_of(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def fill_older(path: Path, fill: Callable[[Database], object]) -> None:
    """Fill the older file at `path` with what `fill` stores through today's services."""
    head = path.with_name(f"{path.stem}.head-fill{path.suffix}")
    open_database_file(head)
    database = Database(head)
    try:
        fill(database)
    finally:
        database.close()
    source = sqlite3.connect(head)
    target = sqlite3.connect(path, isolation_level=None)
    try:
        target.execute("PRAGMA foreign_keys = OFF")
        target.execute("BEGIN")
        for table in Base.metadata.sorted_tables:
            wanted = columns_of(target, table.name)
            if not wanted:
                continue  # the older file has no such table yet
            shared = [c for c in columns_of(source, table.name) if c in wanted]
            names = ", ".join(shared)
            rows = source.execute(f"SELECT {names} FROM {table.name} ORDER BY rowid").fetchall()
            marks = ", ".join("?" * len(shared))
            target.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)
        target.execute("COMMIT")
    finally:
        source.close()
        target.close()
    for leftover in (head, Path(f"{head}-wal"), Path(f"{head}-shm")):
        leftover.unlink(missing_ok=True)


def kept_rows(
    path: Path, tables: Iterable[str], older: Path | None = None
) -> dict[str, list[tuple]]:
    """Every row of each table in rowid order, in the columns today's models still have (and,
    given the `older` file, that it had too: compare an upgraded file with its backup)."""
    connection = sqlite3.connect(path)
    before = sqlite3.connect(older) if older is not None else None
    try:
        result = {}
        for table in tables:
            present = set(columns_of(connection, table))
            if before is not None:
                present &= set(columns_of(before, table))
            names = ", ".join(c.name for c in Base.metadata.tables[table].c if c.name in present)
            result[table] = connection.execute(
                f"SELECT {names} FROM {table} ORDER BY rowid"
            ).fetchall()
        return result
    finally:
        connection.close()
        if before is not None:
            before.close()
