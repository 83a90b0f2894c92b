"""The Capacity & Credit tables: known to Base, linked to suppliers, exact values, cascades."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.matrix.capacity import Dimension, FactSource
from app.errors import DatabaseError
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.models.matrix import CapacityFactRow, CreditInputRow, EvaluationRow, SettingRow
from tests.db_rows import query
from tests.factories import hengda

MATRIX_TABLES = ("capacity_facts", "evaluations", "credit_inputs")
NOW = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)


def _fill(database: Database, supplier_id: int) -> None:
    with database.transaction() as session:
        session.add_all(
            [
                CapacityFactRow(
                    supplier_id=supplier_id,
                    dimension=Dimension.MONTHLY_CAPACITY,
                    value=Decimal("120000"),
                    source=FactSource.AUDIT,
                    observed_on=date(2026, 10, 1),
                    note="",
                    created_at=NOW,
                ),
                EvaluationRow(
                    supplier_id=supplier_id,
                    period="2026-Q3",
                    quality=Decimal("88.5"),
                    note="",
                    created_at=NOW,
                    updated_at=NOW,
                ),
                CreditInputRow(
                    supplier_id=supplier_id,
                    review_score=Decimal("4.7"),
                    manual_reason="",
                    updated_at=NOW,
                ),
            ]
        )


def _counts(path: Path) -> dict[str, int]:
    return {t: query(path, f"SELECT count(*) FROM {t}")[0][0] for t in MATRIX_TABLES}


def test_base_metadata_knows_the_matrix_tables() -> None:
    assert {*MATRIX_TABLES, "app_settings"} <= set(Base.metadata.tables)


def test_values_are_stored_as_text_and_codes(
    database: Database, db_path: Path, supplier_service: SupplierService
) -> None:
    supplier_id = supplier_service.save(hengda()).created[0]
    _fill(database, supplier_id)
    assert query(db_path, "SELECT typeof(value), value, dimension, source FROM capacity_facts") == [
        ("text", "120000", "monthly_capacity", "audit")
    ]
    assert query(db_path, "SELECT typeof(quality), quality, typeof(cost) FROM evaluations") == [
        ("text", "88.5", "null")
    ]
    assert query(db_path, "SELECT typeof(review_score) FROM credit_inputs") == [("text",)]


def test_a_float_is_refused_by_the_column(
    database: Database, supplier_service: SupplierService
) -> None:
    supplier_id = supplier_service.save(hengda()).created[0]
    with pytest.raises(Exception, match="float"), database.transaction() as session:
        session.add(
            EvaluationRow(
                supplier_id=supplier_id,
                period="2026-Q3",
                quality=88.5,
                note="",
                created_at=NOW,
                updated_at=NOW,
            )
        )


def test_one_evaluation_per_supplier_and_period(
    database: Database, db_path: Path, supplier_service: SupplierService
) -> None:
    supplier_id = supplier_service.save(hengda()).created[0]
    _fill(database, supplier_id)
    with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
        session.add(
            EvaluationRow(
                supplier_id=supplier_id,
                period="2026-Q3",
                note="",
                created_at=NOW,
                updated_at=NOW,
            )
        )
    assert _counts(db_path)["evaluations"] == 1


def test_rows_need_an_existing_supplier(database: Database) -> None:
    for table in MATRIX_TABLES:
        columns = {
            "capacity_facts": "(supplier_id, dimension, value, source, note, created_at) "
            "VALUES (999, 'employees', '5', 'audit', '', '2026-11-29T00:00:00+00:00')",
            "evaluations": "(supplier_id, period, note, created_at, updated_at) VALUES "
            "(999, '2026', '', '2026-11-29T00:00:00+00:00', '2026-11-29T00:00:00+00:00')",
            "credit_inputs": "(supplier_id, manual_reason, updated_at) "
            "VALUES (999, '', '2026-11-29T00:00:00+00:00')",
        }[table]
        with pytest.raises(DatabaseError, match="FOREIGN KEY"), database.transaction() as s:
            s.execute(text(f"INSERT INTO {table} {columns}"))


def test_deleting_a_supplier_in_sql_cascades_to_its_matrix_rows(
    database: Database, db_path: Path, supplier_service: SupplierService
) -> None:
    kept = supplier_service.save(hengda(name_zh="留下的工厂", shop_url="")).created[0]
    gone = supplier_service.save(hengda()).created[0]
    _fill(database, kept)
    _fill(database, gone)
    with database.transaction() as session:
        session.execute(text("DELETE FROM suppliers WHERE id = :id"), {"id": gone})
    assert _counts(db_path) == {table: 1 for table in MATRIX_TABLES}
    for table in MATRIX_TABLES:
        assert query(db_path, f"SELECT supplier_id FROM {table}") == [(kept,)]


def test_the_supplier_service_delete_cascades_but_undo_does_not_bring_them_back(
    database: Database, db_path: Path, supplier_service: SupplierService
) -> None:
    """Known limit: SupplierService.restore re-inserts the supplier and its own lists only."""
    supplier_id = supplier_service.save(hengda()).created[0]
    _fill(database, supplier_id)
    change = supplier_service.delete([supplier_id])
    assert _counts(db_path) == {table: 0 for table in MATRIX_TABLES}
    supplier_service.restore(change.removed)
    assert supplier_service.get(supplier_id).name_zh == hengda().name_zh
    assert _counts(db_path) == {table: 0 for table in MATRIX_TABLES}


def test_settings_are_keyed_text(database: Database, db_path: Path) -> None:
    with database.transaction() as session:
        session.add(SettingRow(key="matrix.weights", value='{"cost": "10"}'))
    assert query(db_path, "SELECT key, value FROM app_settings") == [
        ("matrix.weights", '{"cost": "10"}')
    ]
