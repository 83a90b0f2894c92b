"""Rows of other tables that a delete cascades away with its root rows (found by walking the
foreign keys, so tables added later are covered), read before the delete and put back by undo."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Column, Connection, ForeignKeyConstraint, Table, insert, select, tuple_

from app.services.changes import DependentRows

# Keys per IN (...): SQLite caps bound parameters per statement, and a delete may hold 100,000.
IN_CHUNK = 500

Row = dict[str, Any]


def dependent_tables(root: Table, skip: Collection[Table] = ()) -> list[Table]:
    """Every table of root's metadata whose rows go when a root row is deleted (ON DELETE
    CASCADE, followed transitively), parents before children. `skip` tables, restored some
    other way, are left out with everything that hangs off them."""
    reached = {root}
    grew = True
    while grew:
        grew = False
        for table in root.metadata.tables.values():
            if table in reached or table in skip:
                continue
            if any(c.referred_table in reached for c in _cascading(table)):
                reached.add(table)
                grew = True
    # sorted_tables puts every referred table before the tables that refer to it.
    return [t for t in root.metadata.sorted_tables if t in reached and t is not root]


def snapshot(
    connection: Connection, root: Table, root_ids: Iterable[Any], skip: Collection[Table] = ()
) -> DependentRows:
    """Every row that deleting these root rows will cascade away (but for `skip` tables), as
    plain column dicts in dependency order; read through the column types, so inserting them
    again through the same tables is exact (Decimal text, dates, enum codes)."""
    [root_key] = root.primary_key.columns  # suppliers.id; a composite root key is not needed
    taken: dict[Table, list[Row]] = {root: _rows_where(connection, root, [root_key], root_ids)}
    for table in dependent_tables(root, skip):
        found: dict[tuple, Row] = {}
        # A table referring to itself (a reply to a note) needs a pass per level of nesting.
        while True:
            before = len(found)
            for constraint in _cascading(table):
                parent = constraint.referred_table
                parent_rows = list(found.values()) if parent is table else taken.get(parent)
                if not parent_rows:
                    continue
                local = [element.parent for element in constraint.elements]
                keys = {
                    tuple(row[element.column.key] for element in constraint.elements)
                    for row in parent_rows
                }
                for row in _rows_where(connection, table, local, _without_nulls(keys)):
                    found.setdefault(_identity(table, row), row)
            if len(found) == before or not _refers_to_itself(table):
                break
        taken[table] = _in_key_order(table, list(found.values()))
    return tuple(
        (table.name, tuple(rows)) for table, rows in taken.items() if table is not root and rows
    )


def reinsert(connection: Connection, root: Table, dependents: DependentRows) -> None:
    """Insert snapshot rows again with their original keys, in the snapshot's order (parents
    first). Any clash raises, and the caller's transaction then puts nothing back."""
    tables = root.metadata.tables
    for name, rows in dependents:
        if rows:
            connection.execute(insert(tables[name]), [dict(row) for row in rows])


def _cascading(table: Table) -> Iterator[ForeignKeyConstraint]:
    # Only CASCADE removes rows; SET NULL keeps them and RESTRICT refuses the delete.
    for constraint in table.foreign_key_constraints:
        if (constraint.ondelete or "").upper() == "CASCADE":
            yield constraint


def _refers_to_itself(table: Table) -> bool:
    return any(c.referred_table is table for c in _cascading(table))


def _without_nulls(keys: Iterable[tuple]) -> list[tuple]:
    # A NULL foreign key refers to nothing, so it cannot cascade.
    return [key for key in keys if None not in key]


def _rows_where(
    connection: Connection, table: Table, columns: Sequence[Column], keys: Iterable[Any]
) -> list[Row]:
    """Rows whose `columns` equal one of `keys` (plain values for one column, else tuples)."""
    wanted = list(keys)
    rows: list[Row] = []
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start : start + IN_CHUNK]
        if len(columns) == 1:
            values = [key[0] if isinstance(key, tuple) else key for key in chunk]
            condition = columns[0].in_(values)
        else:
            condition = tuple_(*columns).in_(chunk)
        for row in connection.execute(select(table).where(condition)):
            rows.append({column.key: row._mapping[column] for column in table.columns})
    return rows


def _identity(table: Table, row: Row) -> tuple:
    """What tells two rows apart: the primary key, or every value in a table without one."""
    key_columns = table.primary_key.columns
    if len(key_columns):
        return tuple(row[column.key] for column in key_columns)
    return tuple(row.values())


def _in_key_order(table: Table, rows: list[Row]) -> list[Row]:
    """Primary key order, so a row referring to an older row of its table comes after it."""
    key_columns = table.primary_key.columns
    if not len(key_columns):
        return rows
    return sorted(rows, key=lambda row: tuple(row[c.key] for c in key_columns))
