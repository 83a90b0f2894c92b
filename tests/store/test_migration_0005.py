"""Migration 0005 only creates the samples tables: a filled 0004 database keeps every row, and
the one-golden-sample index is partial, enforced, and survives a later batch rebuild."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import DatabaseError
from app.services.suppliers.service import SupplierService
from app.store import migrate
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.db_rows import all_rows, query
from tests.factories import hengda
from tests.older_files import kept_rows
from tests.store.test_migration_0004 import (
    AUDIT_TABLES,
    _fill_at_0003,
    _insert_audit_with_a_linked_fact,
)
from tests.store.test_migration_0004 import OLD_TABLES as TABLES_BEFORE_0004
from tests.store.test_migrations import (  # noqa: F401 (add_migration is a fixture)
    _counts,
    _database_at,
    _revision,
    _schema_differences,
    _tables,
    add_migration,
)

OLD_TABLES = (*TABLES_BEFORE_0004, *AUDIT_TABLES)
SAMPLE_TABLES = ("products", "product_criteria", "samples", "sample_scores", "sample_photos")
GOLDEN_INDEX_SQL = (
    "CREATE UNIQUE INDEX ix_samples_one_golden_per_product ON samples (product_id) WHERE golden = 1"
)
PHOTO_HASH = "ab" * 32
REBUILD_SAMPLES = """
    with op.batch_alter_table("samples", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("courier", sa.String(60), nullable=True))
"""


def _all_rows(path: Path, tables: tuple[str, ...] = OLD_TABLES) -> dict[str, list[tuple]]:
    return all_rows(path, tables)


def _filled_0004(tmp_path: Path) -> Path:
    path = tmp_path / "at-0004.sqlite3"
    _database_at(path, "0004_audit_checklists")
    _fill_at_0003(path)
    database = Database(path)
    try:
        _insert_audit_with_a_linked_fact(database)
    finally:
        database.close()
    return path


def _golden_index_sql(path: Path) -> list[tuple]:
    return query(
        path,
        "SELECT sql FROM sqlite_master WHERE name = 'ix_samples_one_golden_per_product'",
    )


def test_0005_comes_right_after_0004() -> None:
    # Not the head any more since 0006 (negotiation): upgrades still pass through it.
    position = REVISIONS.index("0005_samples")
    assert REVISIONS[position - 1] == "0004_audit_checklists"


def test_a_filled_0004_database_migrates_to_0005_keeping_every_row(tmp_path: Path) -> None:
    path = _filled_0004(tmp_path)
    before = kept_rows(path, OLD_TABLES)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["capacity_facts"]) == 30 and len(before["audit_capacity_facts"]) == 1
    assert _tables(path).isdisjoint(SAMPLE_TABLES)

    opened = open_database_file(path)

    assert opened.migrated_from == "0004_audit_checklists" and opened.backup is not None
    assert _revision(path) == HEAD
    assert kept_rows(path, OLD_TABLES, opened.backup) == before  # every row, every value
    assert kept_rows(opened.backup, OLD_TABLES) == before
    assert _counts(opened.backup) == _counts(path)
    for table in SAMPLE_TABLES:
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []
    assert _golden_index_sql(path) == [(GOLDEN_INDEX_SQL,)]


def test_a_new_database_has_the_same_partial_index(db_path: Path) -> None:
    """The models and the migration say the same thing (the schema comparison ignores WHERE)."""
    assert _golden_index_sql(db_path) == [(GOLDEN_INDEX_SQL,)]


def test_the_new_tables_link_as_designed(db_path: Path) -> None:
    def links(table: str) -> set[tuple]:
        rows = query(db_path, f"PRAGMA foreign_key_list({table})")
        return {(row[2], row[3], row[4], row[6]) for row in rows}

    assert links("products") == set()
    assert links("product_criteria") == {("products", "product_id", "id", "CASCADE")}
    assert links("samples") == {
        ("products", "product_id", "id", "CASCADE"),
        ("suppliers", "supplier_id", "id", "CASCADE"),
    }
    assert links("sample_scores") == {("samples", "sample_id", "id", "CASCADE")}
    assert links("sample_photos") == {("samples", "sample_id", "id", "CASCADE")}
    assert {row[1] for row in query(db_path, "PRAGMA index_list(sample_photos)")} == {
        "ix_sample_photos_hash",
        "sqlite_autoindex_sample_photos_1",  # unique (sample_id, hash)
    }


def _insert_samples(database: Database, golden: tuple[int, ...]) -> None:
    """Product 1 with a criterion and three samples from supplier 1, each with two scores and
    a photo; `golden` says which sample ids are golden."""
    now = "2026-11-29T08:00:00.000000+00:00"
    with database.transaction() as session:
        run = session.execute
        run(
            text(
                "INSERT INTO products (id, name, name_zh, category, length_cm, material, colour, "
                "notes, created_at, updated_at) VALUES (1, 'Phone stand', '手机支架', '', '12.0', "
                "'', '', '', :now, :now)"
            ),
            {"now": now},
        )
        run(
            text(
                "INSERT INTO product_criteria (product_id, name, kind, position) "
                "VALUES (1, 'Hinge holds 10 kg', 'pass_fail', 0)"
            )
        )
        for sample_id in (1, 2, 3):
            values = {"id": sample_id, "golden": int(sample_id in golden), "now": now}
            run(
                text(
                    "INSERT INTO samples (id, product_id, supplier_id, variant, price_minor, "
                    "price_currency, shipping_currency, free, tracking_number, status, "
                    "length_cm, defects, verdict, golden, created_at, updated_at) VALUES (:id, "
                    "1, 1, '', 1550, 'CNY', 'CNY', 0, '', 'approved', '12.1', '', '', :golden, "
                    ":now, :now)"
                ),
                values,
            )
            run(
                text(
                    "INSERT INTO sample_scores (sample_id, criterion, value) VALUES "
                    "(:id, 'appearance', '4'), (:id, 'Hinge holds 10 kg', 'pass')"
                ),
                values,
            )
            run(
                text(
                    "INSERT INTO sample_photos (sample_id, hash, original_name, caption, angle, "
                    "position) VALUES (:id, :hash, '正面.jpg', '', 'front', 0)"
                ),
                {**values, "hash": PHOTO_HASH},
            )


def test_the_index_allows_one_golden_sample_per_product_and_any_number_of_others(
    db_path: Path, supplier_service: SupplierService, database: Database
) -> None:
    supplier_service.save(hengda())
    _insert_samples(database, golden=(2,))
    assert query(db_path, "SELECT id FROM samples WHERE golden = 1") == [(2,)]
    with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
        session.execute(text("UPDATE samples SET golden = 1 WHERE id = 3"))
    assert query(db_path, "SELECT id FROM samples WHERE golden = 1") == [(2,)]


def test_a_later_batch_rebuild_of_samples_keeps_rows_and_the_partial_index(
    db_path: Path,
    add_migration: Callable[[str], Path],  # noqa: F811 (the fixture imported above)
) -> None:
    """SQLite cannot alter a table in place, so a later migration will rebuild `samples`:
    with foreign keys off (app.store.migrate) its scores and photos stay, and the index keeps
    its WHERE clause, so it still allows many samples but one golden per product."""
    database = Database(db_path)
    try:
        SupplierService(database).save(hengda())
        _insert_samples(database, golden=(3,))
    finally:
        database.close()
    tables = ("samples", "sample_scores", "sample_photos", "product_criteria")
    before = _all_rows(db_path, tables)
    assert [len(before[t]) for t in tables] == [3, 6, 3, 1]
    add_migration(REBUILD_SAMPLES)

    migrate.upgrade_to_head(db_path)

    after = _all_rows(db_path, tables)
    assert [row[:-1] for row in after["samples"]] == before["samples"]  # + the new column
    assert {t: after[t] for t in tables[1:]} == {t: before[t] for t in tables[1:]}
    assert _golden_index_sql(db_path) == [(GOLDEN_INDEX_SQL,)]
    assert query(db_path, "PRAGMA foreign_key_check") == []
    database = Database(db_path)
    try:
        with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
            session.execute(text("UPDATE samples SET golden = 1"))
    finally:
        database.close()


def _count(path: Path, table: str) -> int:
    return query(path, f"SELECT count(*) FROM {table}")[0][0]


@pytest.mark.parametrize(
    ("delete", "left"),
    [
        ("DELETE FROM suppliers", {"products": 1, "product_criteria": 1}),
        ("DELETE FROM products", {"products": 0, "product_criteria": 0}),
    ],
)
def test_deleting_a_supplier_or_a_product_takes_the_samples_with_scores_and_photos(
    db_path: Path,
    supplier_service: SupplierService,
    database: Database,
    delete: str,
    left: dict[str, int],
) -> None:
    supplier_service.save(hengda())
    _insert_samples(database, golden=(1,))
    with database.transaction() as session:  # plain SQL: only the database's own cascades
        session.execute(text(delete))
    for table in ("samples", "sample_scores", "sample_photos"):
        assert _count(db_path, table) == 0, table
    assert {table: _count(db_path, table) for table in left} == left
    assert _count(db_path, "suppliers") == (0 if "suppliers" in delete else 1)
