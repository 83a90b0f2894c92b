"""Migration 0008 (issue 13): buyer protection becomes yes / no / unknown, suppliers get a join
month, red flags can be resolved, and the repeat-purchase rate is kept once, on the supplier.

It rebuilds `suppliers` (the parent of every supplier table) and `credit_inputs`: a filled 0007
database keeps every row of every table, every value stays in place except the two that change
by design (a stored "no" protection, a repeat rate typed only in the credit inputs), and the
links all still hold."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.matrix.credit import CreditRating
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.conftest import TODAY
from tests.db_rows import query
from tests.older_files import columns_of, kept_rows
from tests.store.test_migration_0004 import _fill_at_0003, _insert_audit_with_a_linked_fact
from tests.store.test_migration_0005 import _insert_samples
from tests.store.test_migration_0007 import (
    CONSOLIDATION_TABLES,
    _insert_consolidation,
    _insert_negotiation_rows,
)
from tests.store.test_migration_0007 import OLD_TABLES as TABLES_BEFORE_0007
from tests.store.test_migrations import _counts, _database_at, _revision, _schema_differences

TABLES = (*TABLES_BEFORE_0007, *CONSOLIDATION_TABLES)
CHANGED = ("buyer_protection", "reorder_rate")  # the two supplier columns 0008 rewrites
# supplier id: (stored protection, deposit in fen, stored reorder rate, credit repeat rate)
CASES: dict[int, tuple[int, int | None, str | None, str | None]] = {
    1: (1, 300000, "45.5", "20"),  # yes stays yes; both rates: the supplier's is kept
    2: (0, None, None, "33.3"),  # "no" without a deposit: unknown; the credit rate moves over
    3: (0, 300000, None, None),  # "no" with a deposit: the deposit is the protection, yes
    4: (0, 0, "12", None),  # "no" with a deposit of 0: a real no
    5: (1, None, None, None),  # yes without a deposit recorded stays yes; no rate anywhere
    6: (0, None, "45.5", None),  # unknown; the supplier's rate stays
}
EXPECTED = {  # supplier id: (protection after 0008, reorder rate after 0008)
    1: (1, "45.5"),
    2: (None, "33.3"),
    3: (1, None),
    4: (0, "12"),
    5: (1, None),
    6: (None, "45.5"),
}


def _set_cases(path: Path) -> None:
    """What a 0007 build could hold: each case of CASES, written as it stored them."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for supplier_id, (protection, deposit, reorder, repeat) in CASES.items():
            connection.execute(
                "UPDATE suppliers SET buyer_protection = ?, deposit_minor = ?, reorder_rate = ? "
                "WHERE id = ?",
                (protection, deposit, reorder, supplier_id),
            )
            connection.execute(
                "UPDATE credit_inputs SET repeat_rate = ? WHERE supplier_id = ?",
                (repeat, supplier_id),
            )
    finally:
        connection.close()


def _filled_0007(tmp_path: Path) -> Path:
    path = tmp_path / "at-0007.sqlite3"
    _database_at(path, "0007_consolidation")
    _fill_at_0003(path)
    database = Database(path)
    try:
        _insert_audit_with_a_linked_fact(database)
        _insert_samples(database, golden=(2,))
        _insert_negotiation_rows(database)
        _insert_consolidation(database)
        with database.transaction() as session:  # a resolved-looking remark: still open after
            session.execute(text("UPDATE supplier_red_flags SET remark = 'resolved?'"))
    finally:
        database.close()
    _set_cases(path)
    return path


def _suppliers_except_changed(path: Path, older: Path) -> list[tuple]:
    """Every supplier row in the columns both files have, except the two 0008 rewrites."""
    connection = sqlite3.connect(older)
    try:
        shared = [c for c in columns_of(connection, "suppliers") if c not in CHANGED]
    finally:
        connection.close()
    return query(path, f"SELECT {', '.join(shared)} FROM suppliers ORDER BY rowid")


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[Path, Path, dict[str, list[tuple]], list[tuple]]:
    """The filled 0007 file upgraded: (path, its backup, rows before, suppliers before)."""
    path = _filled_0007(tmp_path)
    before = kept_rows(path, TABLES)
    suppliers_before = _suppliers_except_changed(path, path)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["suppliers"]) == 6 and len(before["supplier_red_flags"]) == 6
    opened = open_database_file(path)
    assert opened.migrated_from == "0007_consolidation" and opened.backup is not None
    return path, opened.backup, before, suppliers_before


def test_0008_comes_right_after_0007() -> None:
    position = REVISIONS.index("0008_buyer_protection")
    assert REVISIONS[position - 1] == "0007_consolidation"


def test_every_row_of_every_table_is_kept(upgraded: tuple) -> None:
    path, backup, before, suppliers_before = upgraded
    assert _revision(path) == HEAD
    assert {t: len(rows) for t, rows in kept_rows(path, TABLES).items()} == {
        t: len(rows) for t, rows in before.items()
    }
    after = kept_rows(path, TABLES, backup)
    for table in TABLES:
        if table != "suppliers":
            assert after[table] == before[table], table  # every value in place
    assert _suppliers_except_changed(path, backup) == suppliers_before
    assert _counts(backup) == _counts(path)
    assert kept_rows(backup, TABLES) == before  # the backup is the 0007 file as it was
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []


def test_a_stored_no_becomes_unknown_unless_a_deposit_says_otherwise(upgraded: tuple) -> None:
    path = upgraded[0]
    rows = query(path, "SELECT id, buyer_protection FROM suppliers ORDER BY id")
    assert dict(rows) == {sid: protection for sid, (protection, _) in EXPECTED.items()}


def test_the_repeat_rate_is_the_suppliers_or_else_the_credit_inputs(upgraded: tuple) -> None:
    path, backup = upgraded[0], upgraded[1]
    rows = query(path, "SELECT id, reorder_rate FROM suppliers ORDER BY id")
    assert dict(rows) == {sid: rate for sid, (_, rate) in EXPECTED.items()}
    assert "repeat_rate" not in {row[1] for row in query(path, "PRAGMA table_info(credit_inputs)")}
    assert query(backup, "SELECT count(repeat_rate) FROM credit_inputs") == [(2,)]


def test_new_columns_start_empty_and_every_red_flag_stays_open(upgraded: tuple) -> None:
    path = upgraded[0]
    assert query(path, "SELECT DISTINCT member_since_month FROM suppliers") == [(None,)]
    assert query(path, "SELECT DISTINCT resolved_on, resolution FROM supplier_red_flags") == [
        (None, None)
    ]


def test_the_suppliers_table_is_still_the_parent_and_deletes_still_cascade(
    upgraded: tuple,
) -> None:
    path = upgraded[0]
    database = Database(path)
    try:
        with database.transaction() as session:  # plain SQL: only the database's own cascade
            session.execute(text("DELETE FROM suppliers WHERE id = 1"))
    finally:
        database.close()
    for table in ("supplier_contacts", "supplier_red_flags", "capacity_facts", "credit_inputs"):
        assert query(path, f"SELECT count(*) FROM {table} WHERE supplier_id = 1") == [(0,)]
    assert query(path, "SELECT count(*) FROM samples") == [(0,)]  # product 1's, of supplier 1
    assert query(path, "PRAGMA foreign_key_check") == []


def test_the_app_reads_the_upgraded_values(upgraded: tuple) -> None:
    database = Database(upgraded[0])
    try:
        suppliers = SupplierService(database, today=lambda: TODAY)
        assert suppliers.get(2).buyer_protection is None
        assert suppliers.get(2).reorder_rate == Decimal("33.3")
        matrix = MatrixService(database, today=lambda: TODAY)
        row = next(r for r in load_matrix(matrix, TODAY) if r.supplier_id == 2)
        assessment = row.credit.assessment
        assert "Buyer protection" in assessment.unknown  # left out, not "no"
        assert "Repeat-purchase rate: 33.3 %" in assessment.explanation
        assert row.credit.suggested is not CreditRating.UNKNOWN
    finally:
        database.close()
