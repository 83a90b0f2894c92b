"""Migration 0006 only creates the negotiation tables: a filled 0005 database keeps every row,
and the one-agreed-worksheet index is partial and enforced."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import DatabaseError
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.db_rows import query
from tests.older_files import kept_rows
from tests.store.test_migration_0004 import _fill_at_0003, _insert_audit_with_a_linked_fact
from tests.store.test_migration_0005 import OLD_TABLES as TABLES_BEFORE_0005
from tests.store.test_migration_0005 import SAMPLE_TABLES, _insert_samples
from tests.store.test_migrations import _counts, _database_at, _revision, _schema_differences

OLD_TABLES = (*TABLES_BEFORE_0005, *SAMPLE_TABLES)
NEGOTIATION_TABLES = (
    "quotes",
    "quote_breaks",
    "worksheets",
    "negotiation_rounds",
    "exchange_rates",
    "product_plans",
    "phrases",
)
AGREED_INDEX_SQL = (
    "CREATE UNIQUE INDEX ix_worksheets_one_agreed_per_product ON worksheets (product_id) "
    "WHERE agreed = 1"
)
NOW = "2026-11-29T08:00:00.000000+00:00"


def _filled_0005(tmp_path: Path) -> Path:
    path = tmp_path / "at-0005.sqlite3"
    _database_at(path, "0005_samples")
    _fill_at_0003(path)
    database = Database(path)
    try:
        _insert_audit_with_a_linked_fact(database)
        _insert_samples(database, golden=(2,))
    finally:
        database.close()
    return path


def _agreed_index_sql(path: Path) -> list[tuple]:
    return query(
        path, "SELECT sql FROM sqlite_master WHERE name = 'ix_worksheets_one_agreed_per_product'"
    )


def test_0006_comes_right_after_0005() -> None:
    position = REVISIONS.index("0006_negotiation")
    assert REVISIONS[position - 1] == "0005_samples"


def test_a_filled_0005_database_migrates_to_0006_keeping_every_row(tmp_path: Path) -> None:
    path = _filled_0005(tmp_path)
    before = kept_rows(path, OLD_TABLES)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["samples"]) == 3 and len(before["sample_photos"]) == 3

    opened = open_database_file(path)

    assert opened.migrated_from == "0005_samples" and opened.backup is not None
    assert _revision(path) == HEAD
    assert kept_rows(path, OLD_TABLES, opened.backup) == before  # every row, every value
    assert kept_rows(opened.backup, OLD_TABLES) == before
    assert _counts(opened.backup) == _counts(path)
    for table in NEGOTIATION_TABLES:
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []
    assert _agreed_index_sql(path) == [(AGREED_INDEX_SQL,)]


def test_a_new_database_has_the_same_partial_index(db_path: Path) -> None:
    assert _agreed_index_sql(db_path) == [(AGREED_INDEX_SQL,)]


def test_the_new_tables_link_as_designed(db_path: Path) -> None:
    def links(table: str) -> set[tuple]:
        rows = query(db_path, f"PRAGMA foreign_key_list({table})")
        return {(row[2], row[3], row[4], row[6]) for row in rows}

    product = ("products", "product_id", "id", "CASCADE")
    supplier = ("suppliers", "supplier_id", "id", "CASCADE")
    assert links("quotes") == {product, supplier}
    assert links("quote_breaks") == {("quotes", "quote_id", "id", "CASCADE")}
    assert links("worksheets") == {product, supplier}
    assert links("negotiation_rounds") == {("worksheets", "worksheet_id", "id", "CASCADE")}
    assert links("product_plans") == {product}
    assert links("exchange_rates") == set() and links("phrases") == set()


def _insert_worksheets(database: Database) -> None:
    """Worksheets of product 1 with suppliers 1 and 2 (neither agreed) and a round each."""
    with database.transaction() as session:
        for supplier in (1, 2):
            session.execute(
                text(
                    "INSERT INTO worksheets (id, product_id, supplier_id, currency, note, agreed, "
                    "quality_standard, packaging, after_sales, agreed_note, created_at, "
                    "updated_at) VALUES (:id, 1, :id, 'CNY', '', 0, '', '', '', '', :now, :now)"
                ),
                {"id": supplier, "now": NOW},
            )
            session.execute(
                text(
                    "INSERT INTO negotiation_rounds (worksheet_id, position, held_on, our_offer, "
                    "concession, note) VALUES (:id, 0, '2026-11-20', '2.40', '', '')"
                ),
                {"id": supplier},
            )


def test_the_index_allows_one_agreed_worksheet_per_product(tmp_path: Path) -> None:
    path = _filled_0005(tmp_path)
    open_database_file(path)
    database = Database(path)
    try:
        _insert_worksheets(database)
        with database.transaction() as session:
            session.execute(text("UPDATE worksheets SET agreed = 1 WHERE id = 1"))
        with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
            session.execute(text("UPDATE worksheets SET agreed = 1 WHERE id = 2"))
        with database.transaction() as session:  # plain SQL: only the database's cascades
            session.execute(text("DELETE FROM products"))
    finally:
        database.close()
    assert query(path, "SELECT count(*) FROM worksheets") == [(0,)]
    assert query(path, "SELECT count(*) FROM negotiation_rounds") == [(0,)]
