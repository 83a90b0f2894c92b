"""Migration 0003 only creates evaluation_indicators: a filled 0002 database keeps every row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.scoring import Scores, Weights
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda
from tests.older_files import fill_older, kept_rows
from tests.store.test_migrations import (
    CHILD_TABLES,
    _counts,
    _database_at,
    _revision,
    _schema_differences,
    _tables,
)

MATRIX_TABLES = ("capacity_facts", "evaluations", "credit_inputs", "app_settings")
NOW = "2026-11-29T08:00:00.000000+00:00"
D = Decimal


def _fill_at_0002(path: Path) -> None:
    """Suppliers with every child row and every 0002 matrix table filled, as a 0002 build would
    (the sub-indicators today's service writes have no table in a 0002 file: not copied)."""
    fill_older(path, _fill_0002_tables)


def _fill_0002_tables(database: Database) -> None:
    suppliers = SupplierService(database, today=lambda: TODAY)
    matrix = MatrixService(database, today=lambda: TODAY)
    ids = [
        suppliers.save(hengda(name_zh=f"恒达{n}厂", shop_url=f"https://hd{n}.1688.com")).created[0]
        for n in range(8)
    ]
    for n, supplier_id in enumerate(ids):
        for dimension in Dimension:
            matrix.record_capacity_fact(supplier_id, dimension, n + 1, FactSource.AUDIT, TODAY)
        matrix.save_credit_inputs(
            supplier_id,
            CreditInputs(Trend.RISING, None, n, None),
            CreditOverride(CreditRating.AA, "visited") if n % 2 else None,
        )
        for period in ("2026-Q2", "2026-Q3"):
            matrix.save_evaluation(supplier_id, period, Scores(D("88.5"), D(90)))
    matrix.save_weights(Weights(D(25), D(25), D(25), D(25)))


def _all_rows(path: Path, older: Path | None = None) -> dict[str, list[tuple]]:
    """Every row of every table the 0002 file has: the witness of 'nothing lost'."""
    return kept_rows(path, ("suppliers", *CHILD_TABLES, *MATRIX_TABLES), older)


def test_0003_comes_right_after_0002() -> None:
    # Not the head any more since 0004 (audit checklists): upgrades still pass through it.
    position = REVISIONS.index("0003_evaluation_indicators")
    assert REVISIONS[position - 1] == "0002_capacity_credit"


def test_a_filled_0002_database_migrates_to_0003_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "at-0002.sqlite3"
    _database_at(path, "0002_capacity_credit")
    _fill_at_0002(path)
    before = _all_rows(path)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["evaluations"]) == 16 and len(before["capacity_facts"]) == 40
    assert "evaluation_indicators" not in _tables(path)

    opened = open_database_file(path)

    assert opened.migrated_from == "0002_capacity_credit" and opened.backup is not None
    assert _revision(path) == HEAD
    assert _all_rows(path, opened.backup) == before  # every row, every value, in place
    assert _counts(opened.backup) == _counts(path)
    assert query(path, "SELECT count(*) FROM evaluation_indicators") == [(0,)]
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []


def test_indicators_are_linked_to_evaluations_and_go_with_them(tmp_path: Path) -> None:
    path = tmp_path / "at-0002.sqlite3"
    _database_at(path, "0002_capacity_credit")
    _fill_at_0002(path)
    open_database_file(path)
    links = query(path, "PRAGMA foreign_key_list(evaluation_indicators)")
    assert [(link[2], link[3], link[4], link[6]) for link in links] == [
        ("evaluations", "evaluation_id", "id", "CASCADE")
    ]
    [(evaluation_id,)] = query(path, "SELECT min(id) FROM evaluations")
    database = Database(path)
    try:
        with database.transaction() as session:
            session.execute(
                text(
                    "INSERT INTO evaluation_indicators (evaluation_id, indicator, value) "
                    "VALUES (:e, 'pass_rate', '98.5'), (:e, 'complaint_rate', '2')"
                ),
                {"e": evaluation_id},
            )
            session.execute(text("DELETE FROM evaluations WHERE id = :e"), {"e": evaluation_id})
    finally:
        database.close()
    assert query(path, "SELECT count(*) FROM evaluation_indicators") == [(0,)]
    assert query(path, "SELECT count(*) FROM evaluations") == [(15,)]
