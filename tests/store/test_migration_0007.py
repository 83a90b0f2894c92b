"""Migration 0007 only creates the consolidation tables: a filled 0006 database keeps every row,
the partial unique indexes (order numbers, parcel codes) are enforced, and the links cascade or
let go as designed."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.errors import DatabaseError
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.db_rows import query
from tests.factories import hengda
from tests.older_files import kept_rows
from tests.store.test_migration_0004 import _fill_at_0003, _insert_audit_with_a_linked_fact
from tests.store.test_migration_0005 import _insert_samples
from tests.store.test_migration_0006 import NEGOTIATION_TABLES, _insert_worksheets
from tests.store.test_migration_0006 import OLD_TABLES as TABLES_BEFORE_0006
from tests.store.test_migrations import _counts, _database_at, _revision, _schema_differences

OLD_TABLES = (*TABLES_BEFORE_0006, *NEGOTIATION_TABLES)
CONSOLIDATION_TABLES = (
    "agents",
    "shipping_lines",
    "purchase_orders",
    "order_items",
    "shipments",
    "parcels",
    "parcel_orders",
    "parcel_photos",
)
ORDER_INDEX_SQL = (
    "CREATE UNIQUE INDEX ix_purchase_orders_one_order_number ON purchase_orders (order_number) "
    "WHERE order_number != ''"
)
CODE_INDEX_SQL = "CREATE UNIQUE INDEX ix_parcels_one_code ON parcels (code) WHERE code != ''"
NOW = "2026-11-29T08:00:00.000000+00:00"


def _insert_negotiation_rows(database: Database) -> None:
    """A quote with a break, worksheets with rounds (one agreed), a rate, a plan and a phrase."""
    _insert_worksheets(database)
    with database.transaction() as session:
        run = session.execute
        run(
            text(
                "INSERT INTO quotes (id, product_id, supplier_id, currency, order_multiple, "
                "shipping_included, payment_terms, trade_term, note, created_at, updated_at) "
                "VALUES (1, 1, 1, 'CNY', 1, 0, '', 'EXW', '', :now, :now)"
            ),
            {"now": NOW},
        )
        run(text("INSERT INTO quote_breaks (quote_id, min_qty, unit_price) VALUES (1, 2, '3.20')"))
        run(text("UPDATE worksheets SET agreed = 1, agreed_unit_price = '2.80' WHERE id = 1"))
        run(
            text(
                "INSERT INTO exchange_rates (currency, per_home, as_of) "
                "VALUES ('CNY', '7.80', '2026-11-26')"
            )
        )
        run(text("INSERT INTO product_plans (product_id, planned_qty) VALUES (1, 500)"))
        run(
            text(
                "INSERT INTO phrases (chinese, english, category, created_at) "
                "VALUES ('最低价是多少？', 'What is your best price?', 'price', :now)"
            ),
            {"now": NOW},
        )


def _filled_0006(tmp_path: Path) -> Path:
    path = tmp_path / "at-0006.sqlite3"
    _database_at(path, "0006_negotiation")
    _fill_at_0003(path)
    database = Database(path)
    try:
        _insert_audit_with_a_linked_fact(database)
        _insert_samples(database, golden=(2,))
        _insert_negotiation_rows(database)
    finally:
        database.close()
    return path


@pytest.fixture
def filled(db_path: Path, database: Database, supplier_service: SupplierService) -> Path:
    """A database at the head with suppliers 1 and 2, product 1's samples, negotiation rows and
    the consolidation rows of _insert_consolidation."""
    for n in (1, 2):
        supplier_service.save(hengda(name_zh=f"恒达{n}厂", shop_url=f"https://hd{n}.1688.com"))
    _insert_samples(database, golden=(2,))
    _insert_negotiation_rows(database)
    _insert_consolidation(database)
    return db_path


def _index_sql(path: Path, name: str) -> list[tuple]:
    return query(path, f"SELECT sql FROM sqlite_master WHERE name = '{name}'")


def test_0007_comes_right_after_0006() -> None:
    position = REVISIONS.index("0007_consolidation")
    assert REVISIONS[position - 1] == "0006_negotiation"


def test_a_filled_0006_database_migrates_to_0007_keeping_every_row(tmp_path: Path) -> None:
    path = _filled_0006(tmp_path)
    before = kept_rows(path, OLD_TABLES)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["worksheets"]) == 2 and len(before["quote_breaks"]) == 1

    opened = open_database_file(path)

    assert opened.migrated_from == "0006_negotiation" and opened.backup is not None
    assert _revision(path) == HEAD
    assert kept_rows(path, OLD_TABLES, opened.backup) == before  # every row, every value
    assert kept_rows(opened.backup, OLD_TABLES) == before
    assert _counts(opened.backup) == _counts(path)
    for table in CONSOLIDATION_TABLES:
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []
    assert _index_sql(path, "ix_purchase_orders_one_order_number") == [(ORDER_INDEX_SQL,)]
    assert _index_sql(path, "ix_parcels_one_code") == [(CODE_INDEX_SQL,)]


def test_a_new_database_has_the_same_partial_indexes(db_path: Path) -> None:
    assert _index_sql(db_path, "ix_purchase_orders_one_order_number") == [(ORDER_INDEX_SQL,)]
    assert _index_sql(db_path, "ix_parcels_one_code") == [(CODE_INDEX_SQL,)]


def test_the_new_tables_link_as_designed(db_path: Path) -> None:
    def links(table: str) -> set[tuple]:
        rows = query(db_path, f"PRAGMA foreign_key_list({table})")
        return {(row[2], row[3], row[4], row[6]) for row in rows}

    assert links("agents") == set()
    assert links("shipping_lines") == {("agents", "agent_id", "id", "CASCADE")}
    assert links("purchase_orders") == {("suppliers", "supplier_id", "id", "CASCADE")}
    assert links("order_items") == {
        ("purchase_orders", "order_id", "id", "CASCADE"),
        ("products", "product_id", "id", "CASCADE"),
    }
    assert links("shipments") == {("shipping_lines", "line_id", "id", "SET NULL")}
    assert links("parcels") == {
        ("agents", "agent_id", "id", "SET NULL"),
        ("shipments", "shipment_id", "id", "SET NULL"),
    }
    assert links("parcel_orders") == {
        ("parcels", "parcel_id", "id", "CASCADE"),
        ("purchase_orders", "order_id", "id", "CASCADE"),
    }
    assert links("parcel_photos") == {("parcels", "parcel_id", "id", "CASCADE")}


def _insert_consolidation(database: Database) -> None:
    """An agent with a line, an order of supplier 1 with an item of product 1, two parcels
    carrying it (one with a photo) in a shipment on the line."""
    with database.transaction() as session:
        run = session.execute
        now = {"now": NOW}
        run(
            text(
                "INSERT INTO agents (id, name, currency, fees, note, created_at, updated_at) "
                "VALUES (1, 'Superbuy', 'CNY', '{}', '', :now, :now)"
            ),
            now,
        )
        run(
            text(
                "INSERT INTO shipping_lines (id, agent_id, name, currency, card, created_at, "
                "updated_at) VALUES (1, 1, 'EMS', 'CNY', '{}', :now, :now)"
            ),
            now,
        )
        run(
            text(
                "INSERT INTO purchase_orders (id, supplier_id, order_number, status, "
                "domestic_shipping_currency, tracking_number, note, created_at, updated_at) "
                "VALUES (1, 1, '3421658712345678901', 'shipped', 'CNY', '', '', :now, :now)"
            ),
            now,
        )
        run(
            text(
                "INSERT INTO order_items (order_id, product_id, quantity, unit_price, currency, "
                "hs_code, position) VALUES (1, 1, 100, '12.80', 'CNY', '', 0)"
            )
        )
        run(
            text(
                "INSERT INTO shipments (id, name, line_id, line_name, agent_name, card, way, "
                "status, boxes, actual_kg, chargeable_kg, box_parcels, estimate_minor, currency, "
                "summary, tracking_number, note, created_at, updated_at) VALUES (1, 'Dec', 1, "
                "'EMS', 'Superbuy', '{}', 'consolidated', 'planned', 1, '6', '6', '[[1, 2]]', "
                "80000, 'CNY', '', '', '', :now, :now)"
            ),
            now,
        )
        for parcel in (1, 2):
            run(
                text(
                    "INSERT INTO parcels (id, code, label, agent_id, shipment_id, weight_kg, "
                    "length_cm, width_cm, height_cm, tags, declared_currency, note, created_at, "
                    "updated_at) VALUES (:id, :code, '', 1, 1, '3', '40', '30', '20', '', 'CNY', "
                    "'', :now, :now)"
                ),
                {"id": parcel, "code": f"YT{parcel}", **now},
            )
            run(
                text("INSERT INTO parcel_orders (parcel_id, order_id) VALUES (:id, 1)"),
                {"id": parcel},
            )
        run(
            text(
                "INSERT INTO parcel_photos (parcel_id, hash, original_name, caption, position) "
                "VALUES (1, :hash, 'box.jpg', '', 0)"
            ),
            {"hash": "cd" * 32},
        )


def _count(path: Path, table: str) -> int:
    return query(path, f"SELECT count(*) FROM {table}")[0][0]


def test_order_numbers_and_parcel_codes_are_unique_but_blanks_may_repeat(
    filled: Path, database: Database
) -> None:
    with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
        session.execute(text("UPDATE parcels SET code = 'YT1' WHERE id = 2"))
    with database.transaction() as session:
        session.execute(text("UPDATE parcels SET code = ''"))  # two blank codes: fine
    with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO purchase_orders (supplier_id, order_number, status, "
                "domestic_shipping_currency, tracking_number, note, created_at, updated_at) "
                "VALUES (2, '3421658712345678901', 'shipped', 'CNY', '', '', :now, :now)"
            ),
            {"now": NOW},
        )
    assert _count(filled, "purchase_orders") == 1


@pytest.mark.parametrize(
    ("delete", "left"),
    [
        # A supplier takes its orders, their items and the parcels' links to them.
        (
            "DELETE FROM suppliers WHERE id = 1",
            {"purchase_orders": 0, "order_items": 0, "parcel_orders": 0, "parcels": 2},
        ),
        # A product takes the order items of it; the order stays.
        ("DELETE FROM products", {"purchase_orders": 1, "order_items": 0, "parcel_orders": 2}),
        # A shipment lets its parcels go back to waiting.
        ("DELETE FROM shipments", {"parcels": 2, "parcel_orders": 2, "parcel_photos": 1}),
        # An agent takes its lines; its parcels stay; the shipment keeps its line's name.
        ("DELETE FROM agents", {"shipping_lines": 0, "parcels": 2, "shipments": 1}),
        # A parcel takes its order links and photos.
        ("DELETE FROM parcels WHERE id = 1", {"parcel_orders": 1, "parcel_photos": 0}),
    ],
)
def test_deletes_cascade_or_let_go_as_designed(
    filled: Path, database: Database, delete: str, left: dict[str, int]
) -> None:
    path = filled
    with database.transaction() as session:  # plain SQL: only the database's own links
        session.execute(text(delete))
    assert {table: _count(path, table) for table in left} == left
    if "shipments" in delete:
        assert query(path, "SELECT shipment_id FROM parcels") == [(None,), (None,)]
    if "agents" in delete:
        assert query(path, "SELECT agent_id FROM parcels") == [(None,), (None,)]
        assert query(path, "SELECT line_id, line_name FROM shipments") == [(None, "EMS")]
