"""Integrity check of a workbench database (`python -m app check`): read-only, changes nothing.

Contract for callers (the CLI, a future "Check database" menu item):

- `check_database(path)` **raises** a `DatabaseError` subclass, with a one-line message naming
  the file, when the file cannot be checked at all: missing, a folder, not an SQLite file, an
  SQLite file that is not ours, made by a newer app (`DatabaseTooNew`), locked by another
  program (`DatabaseLocked`), or damaged so badly that the app refuses to open it
  (`DatabaseCorrupt`, from `quick_check`). Those are the same refusals as at start-up.
- Otherwise it **returns** a list of problems, each one line a user can read; `[]` means
  healthy. Problems: findings of the full `integrity_check` that `quick_check` does not see
  (indexes out of step with their tables), broken links between records (`foreign_key_check`),
  and the data rules the app relies on when it reads rows back (`RULES`).

The file is opened with `mode=ro` and `query_only`, so not one byte of it changes. Like any
reader of a WAL database, SQLite may leave empty `-wal`/`-shm` files beside it.

Every rule is a function `(connection, database_path) -> Iterable[str]`; other stores (the photo
folder beside the database) add theirs to `RULES` or pass their own list to `check_database`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.store.connection import BUSY_TIMEOUT_MS, connect, damage_lines, inspect_file, translate

if TYPE_CHECKING:
    from sqlalchemy import Column

Rule = Callable[[sqlite3.Connection, Path], Iterable[str]]

# Past this many findings of one rule, the rest are counted on one line.
MAX_PROBLEMS_PER_RULE = 20
# Rows of integrity_check asked for: enough to count, not enough to stall on a wrecked file.
INTEGRITY_CHECK_LIMIT = 1000


def check_database(
    path: Path, *, rules: Sequence[Rule] | None = None, timeout_ms: int = BUSY_TIMEOUT_MS
) -> list[str]:
    """Every problem found in the database at `path` (see the module docstring for the contract)."""
    path = Path(path).expanduser()
    inspect_file(path, writable=False, timeout_ms=timeout_ms)
    problems: list[str] = []
    try:
        connection = connect(path, read_only=True, timeout_ms=timeout_ms)
        try:
            connection.execute("PRAGMA query_only = ON")
            connection.execute("BEGIN")  # one snapshot for every rule, even while the app writes
            for rule in RULES if rules is None else rules:
                problems.extend(_capped(rule(connection, path)))
            connection.execute("ROLLBACK")
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise translate(error, path) from None
    return problems


def _capped(found: Iterable[str]) -> Iterator[str]:
    lines = list(found)
    yield from lines[:MAX_PROBLEMS_PER_RULE]
    if len(lines) > MAX_PROBLEMS_PER_RULE:
        yield f"... and {len(lines) - MAX_PROBLEMS_PER_RULE} more problems like the ones above"


# --- what SQLite itself checks ----------------------------------------------------------------
def integrity(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """The full integrity_check: pages, records and every index against its table."""
    rows = connection.execute(f"PRAGMA integrity_check({INTEGRITY_CHECK_LIMIT})").fetchall()
    for line in damage_lines(rows):
        yield f"damaged: {line}"


def foreign_keys(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """Rows whose link to another record points at nothing, named by table, row and value."""
    for table, rowid, parent, fk_id in connection.execute("PRAGMA foreign_key_check").fetchall():
        columns = [
            link[3]
            for link in connection.execute(f"PRAGMA foreign_key_list({_quote(table)})")
            if link[0] == fk_id
        ]
        if rowid is None or not columns:
            yield f"{table}: a row points to a {parent} row that does not exist"
            continue
        selected = ", ".join(_quote(column) for column in columns)
        values = connection.execute(
            f"SELECT {selected} FROM {_quote(table)} WHERE rowid = ?", (rowid,)
        ).fetchone()
        link_text = ", ".join(f"{c} = {v!r}" for c, v in zip(columns, values, strict=True))
        yield f"{table} row {rowid}: {link_text} points to a {parent} row that does not exist"


# --- what the app relies on when it reads rows back --------------------------------------------
def money_and_rates(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """Decimal columns hold exact numeric text; money in minor units holds integers; never REAL."""
    from app.store.types import DecimalText

    for table, column in _model_columns(connection):
        if isinstance(column.type, DecimalText):
            yield from _decimal_text_problems(connection, table, column.name)
        elif column.name.endswith("_minor"):  # models.py: money as integer minor units
            yield from _stored_as(connection, table, column.name, {"integer"}, "whole minor units")


def _decimal_text_problems(connection: sqlite3.Connection, table: str, name: str) -> Iterator[str]:
    yield from _stored_as(connection, table, name, {"text"}, "exact text")
    rows = connection.execute(
        f"SELECT rowid, {_quote(name)} FROM {_quote(table)} WHERE typeof({_quote(name)}) = 'text'"
    )
    for rowid, text in rows:
        try:
            valid = Decimal(text).is_finite()
        except InvalidOperation:
            valid = False
        if not valid:
            yield f"{table} row {rowid}: {name} {text!r} is not a number"


def _stored_as(
    connection: sqlite3.Connection,
    table: str,
    name: str,
    allowed: set[str],
    meaning: str,
    consequence: str = "amounts would no longer be exact",
) -> Iterator[str]:
    kinds = ", ".join(f"'{kind}'" for kind in sorted(allowed | {"null"}))
    rows = connection.execute(
        f"SELECT rowid, typeof({_quote(name)}), {_quote(name)} FROM {_quote(table)} "
        f"WHERE typeof({_quote(name)}) NOT IN ({kinds})"
    )
    for rowid, kind, value in rows:
        yield (
            f"{table} row {rowid}: {name} is stored as {kind} ({value!r}), "
            f"not as {meaning}; {consequence}"
        )


def supplier_names(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """Every supplier has a Chinese or an English name (domain validation: name_zh)."""
    if not _has_columns(connection, "suppliers", {"name_zh", "name_en"}):
        return
    rows = connection.execute("SELECT id, name_zh, name_en FROM suppliers ORDER BY id")
    for supplier_id, name_zh, name_en in rows:
        if not str(name_zh or "").strip() and not str(name_en or "").strip():
            yield f"suppliers row {supplier_id}: has neither a Chinese nor an English name"


def choice_codes(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """Every stored code of a fixed vocabulary (status, membership...) is one the app knows."""
    from app.store.types import ChoiceCode

    for table, column in _model_columns(connection):
        if not isinstance(column.type, ChoiceCode):
            continue
        known = [member.value for member in column.type.enum_type]
        options = ", ".join(known)
        marks = ", ".join("?" for _ in known)
        rows = connection.execute(
            f"SELECT rowid, {_quote(column.name)} FROM {_quote(table)} "
            f"WHERE {_quote(column.name)} IS NOT NULL AND {_quote(column.name)} NOT IN ({marks})",
            known,
        )
        for rowid, code in rows:
            yield f"{table} row {rowid}: {column.name} {code!r} is not one of {options}"


def readable_values(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
    """Every stored value reads back the way the app reads it: whole numbers in integer
    columns, real dates and timestamps, text in text columns (a '20x5' in member_since or a
    malformed timestamp passed the older rules and then stopped exports and tabs)."""
    from sqlalchemy import Boolean, Date, Integer, String, Text

    from app.store.types import DecimalText, UTCDateTime

    for table, column in _model_columns(connection):
        kind = column.type
        name = _quote(column.name)
        if isinstance(kind, DecimalText) or column.name.endswith("_minor"):
            continue  # money_and_rates
        if isinstance(kind, Integer | Boolean):
            yield from _stored_as(
                connection, table, column.name, {"integer"}, "a whole number", "it cannot be read"
            )
            continue
        if isinstance(kind, Date | UTCDateTime):
            parse = _parse_date if isinstance(kind, Date) else kind.process_result_value
            rows = connection.execute(
                f"SELECT rowid, {name} FROM {_quote(table)} WHERE {name} IS NOT NULL"
            )
            for rowid, value in rows:
                try:
                    parse(value, None)
                except (TypeError, ValueError, AttributeError):
                    what = "date" if isinstance(kind, Date) else "time"
                    yield f"{table} row {rowid}: {column.name} {value!r} is not a {what}"
            continue
        if isinstance(kind, String | Text):
            rows = connection.execute(
                f"SELECT rowid, typeof({name}) FROM {_quote(table)} "
                f"WHERE typeof({name}) NOT IN ('text', 'null')"
            )
            for rowid, stored in rows:
                yield f"{table} row {rowid}: {column.name} is stored as {stored}, not as text"


def _parse_date(value: object, _dialect: object) -> object:
    from datetime import date

    if not isinstance(value, str):
        raise TypeError(value)
    return date.fromisoformat(value)


RULES: list[Rule] = [
    integrity,
    foreign_keys,
    money_and_rates,
    supplier_names,
    choice_codes,
    readable_values,
]


# --- helpers ---------------------------------------------------------------------------------
def _model_columns(connection: sqlite3.Connection) -> Iterator[tuple[str, Column[Any]]]:
    """(table name, model column) for every model column the file has (an older schema may not)."""
    from app.store.models.base import Base

    for table in Base.metadata.sorted_tables:
        present = _columns_of(connection, table.name)
        for column in table.columns:
            if column.name in present:
                yield table.name, column


def _columns_of(connection: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in connection.execute(f"PRAGMA table_info({_quote(table)})")}


def _has_columns(connection: sqlite3.Connection, table: str, wanted: set[str]) -> bool:
    return wanted <= _columns_of(connection, table)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
