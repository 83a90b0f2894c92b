"""The fast matrix read picks the same current capacity fact as MatrixService does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.matrix.capacity import Dimension, FactSource
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.factories import minimal

D = Decimal
LINES, STAFF = Dimension.PRODUCTION_LINES, Dimension.EMPLOYEES


def test_the_current_fact_is_the_latest_observed_then_the_latest_entered(
    database: Database, supplier_service: SupplierService
) -> None:
    a, b, c = supplier_service.insert_many(
        [minimal("甲工厂"), minimal("乙工厂"), minimal("丙工厂")]
    ).created
    matrix = MatrixService(database, today=lambda: TODAY)
    record = matrix.record_capacity_fact
    record(a, STAFF, D(300), FactSource.AUDIT, date(2026, 5, 1))
    record(a, STAFF, D(80), FactSource.SUPPLIER_WORD, None)  # undated: older than any date
    record(a, LINES, D(4), FactSource.SUPPLIER_WORD, date(2026, 6, 1))
    record(a, LINES, D(6), FactSource.AUDIT, date(2026, 6, 1))  # same day, entered later: wins
    record(b, Dimension.FACTORY_AREA, D("2450.5"), FactSource.THIRD_PARTY, date(2025, 1, 2))
    record(b, STAFF, D(45), FactSource.THIRD_PARTY, date(2025, 1, 2))
    record(b, STAFF, D(12), FactSource.LISTING_1688, date(2024, 1, 2))
    expected = matrix.current_capacity()
    for wanted in (None, [a, c], [b]):
        rows = load_matrix(matrix, TODAY, wanted)
        for row in rows:
            for dimension, cell in row.capacity.items():
                fact = expected.get(row.supplier_id, {}).get(dimension)
                if fact is None:
                    assert cell.value is None and cell.source is None
                else:
                    shown = (cell.value, cell.source, cell.observed_on)
                    assert shown == (fact.value, fact.source, fact.observed_on)
    by_id = {row.supplier_id: row for row in load_matrix(matrix, TODAY)}
    assert by_id[a].capacity[STAFF].value == D(300)
    assert by_id[a].capacity[LINES].value == D(6)
    assert by_id[b].capacity[STAFF].value == D(45)
    assert by_id[b].capacity[Dimension.FACTORY_AREA].value == D("2450.5")
    assert by_id[c].capacity[STAFF].value is None
