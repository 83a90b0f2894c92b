"""Column types keep domain values exact on SQLite: Decimal as text, money as integers, UTC, codes."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from app.domain.kit.money import Money
from app.domain.suppliers.choices import CertificationKind, Membership, Status
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.suppliers import CertificationRow, SupplierRow
from app.store.types import DecimalText, UTCDateTime
from tests.factories import hengda, minimal

STAMP = datetime(2026, 11, 29, 2, 48, 53, 733280, tzinfo=UTC)


def _supplier(**values: object) -> SupplierRow:
    return SupplierRow(name_zh="测试工厂", created_at=STAMP, updated_at=STAMP, **values)


def _raw(db_path: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, params).fetchall()


def test_decimal_survives_exactly_and_is_stored_as_text(database: Database, db_path: Path) -> None:
    exact = Decimal("0.1") + Decimal("0.2")
    with database.transaction() as session:
        row = _supplier(reorder_rate=exact, quality_score=Decimal("4.60"))
        session.add(row)
        session.flush()
        supplier_id = row.id
    with database.transaction() as session:
        stored = session.get(SupplierRow, supplier_id)
        assert stored is not None
        assert stored.reorder_rate == Decimal("0.3")
        assert str(stored.quality_score) == "4.60"  # the scale the user typed is kept
    assert _raw(
        db_path,
        "SELECT reorder_rate, typeof(reorder_rate), quality_score FROM suppliers WHERE id = ?",
        supplier_id,
    ) == [("0.3", "text", "4.60")]


def test_a_thousand_dimes_sum_to_exactly_one_hundred(database: Database, db_path: Path) -> None:
    with database.transaction() as session:
        session.add_all(_supplier(reorder_rate=Decimal("0.10")) for _ in range(1000))
    with database.transaction() as session:
        rates = session.scalars(select(SupplierRow.reorder_rate)).all()
    assert len(rates) == 1000
    assert sum(rates, Decimal(0)) == Decimal("100.00")
    # Why sums are done in Python: SQLite's sum() turns the text into floats.
    ((sql_sum,),) = _raw(db_path, "SELECT sum(reorder_rate) FROM suppliers")
    assert isinstance(sql_sum, float) and sql_sum != 100


def test_floats_and_non_numbers_are_refused_before_they_reach_the_file(
    database: Database, db_path: Path
) -> None:
    decimal_text = DecimalText()
    with pytest.raises(TypeError, match="float"):
        decimal_text.process_bind_param(0.1, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="finite"):
        decimal_text.process_bind_param(Decimal("NaN"), None)
    with pytest.raises(StatementError), database.transaction() as session:
        session.add(_supplier(reorder_rate=0.1))
    assert _raw(db_path, "SELECT count(*) FROM suppliers") == [(0,)]


def test_a_float_written_by_raw_sql_into_a_rate_column_becomes_text(db_path: Path) -> None:
    """The VARCHAR column has TEXT affinity: SQLite itself converts a stray REAL to text."""
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO suppliers (name_zh, name_en, name_sort, search_text, shop_key, province,"
            " city, address, shop_url, buyer_protection, deposit_currency, status, notes,"
            " created_at, updated_at, reorder_rate)"
            " VALUES ('厂', '', '', '', '', '', '', '', '', 0, 'CNY', 'prospect', '', ?, ?, 0.25)",
            (STAMP.isoformat(), STAMP.isoformat()),
        )
    assert _raw(db_path, "SELECT reorder_rate, typeof(reorder_rate) FROM suppliers") == [
        ("0.25", "text")
    ]


@pytest.mark.parametrize(
    ("money", "minor"),
    [
        (Money(Decimal("3000.00"), "CNY"), 300000),
        (Money(Decimal("0.10"), "USD"), 10),
        (Money(Decimal("123456789.99"), "CNY"), 12345678999),
        (Money(Decimal("5000"), "JPY"), 5000),
    ],
)
def test_money_is_stored_as_exact_integer_minor_units(
    supplier_service: SupplierService, db_path: Path, money: Money, minor: int
) -> None:
    change = supplier_service.save(hengda(deposit=money))
    supplier_id = change.created[0]
    assert _raw(
        db_path,
        "SELECT deposit_minor, typeof(deposit_minor), deposit_currency FROM suppliers WHERE id = ?",
        supplier_id,
    ) == [(minor, "integer", money.currency)]
    stored = supplier_service.get(supplier_id).deposit
    assert stored == money
    assert stored is not None and str(stored.amount) == str(money.amount)


def test_timestamps_are_stored_in_utc_and_come_back_timezone_aware(
    database: Database, db_path: Path
) -> None:
    shanghai = timezone(timedelta(hours=8))
    local = datetime(2026, 11, 29, 10, 48, 53, 733280, tzinfo=shanghai)
    with database.transaction() as session:
        row = SupplierRow(name_zh="上海工厂", created_at=local, updated_at=STAMP)
        session.add(row)
        session.flush()
        supplier_id = row.id
    with database.transaction() as session:
        stored = session.get(SupplierRow, supplier_id)
        assert stored is not None
        created = stored.created_at
    assert created == local == STAMP
    assert created.utcoffset() == timedelta(0)
    assert _raw(db_path, "SELECT created_at FROM suppliers") == [
        ("2026-11-29T02:48:53.733280+00:00",)
    ]


def test_naive_timestamps_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        UTCDateTime().process_bind_param(datetime(2026, 11, 29, 2, 48), None)


def test_utc_text_sorts_in_time_order(database: Database) -> None:
    earlier = STAMP - timedelta(days=400)
    with database.transaction() as session:
        session.add_all(
            [_supplier(), SupplierRow(name_zh="旧", created_at=earlier, updated_at=STAMP)]
        )
    with database.transaction() as session:
        ordered = session.scalars(select(SupplierRow.created_at).order_by("created_at")).all()
    assert ordered == [earlier, STAMP]


def test_enum_codes_are_stored_as_plain_strings(
    supplier_service: SupplierService, db_path: Path, database: Database
) -> None:
    record = minimal("代码工厂", status=Status.ON_HOLD, membership=Membership.SOURCE_FACTORY)
    supplier_id = supplier_service.save(record).created[0]
    assert _raw(
        db_path,
        "SELECT status, typeof(status), membership, business_type FROM suppliers WHERE id = ?",
        supplier_id,
    ) == [("on_hold", "text", "source_factory", None)]
    with database.transaction() as session:
        session.add(CertificationRow(supplier_id=supplier_id, kind=CertificationKind.ISO_9001))
    assert _raw(db_path, "SELECT kind FROM supplier_certifications") == [("iso_9001",)]
    stored = supplier_service.get(supplier_id)
    assert stored.status is Status.ON_HOLD
    assert stored.membership is Membership.SOURCE_FACTORY


def test_an_unknown_code_is_refused_on_write(database: Database, db_path: Path) -> None:
    with pytest.raises(StatementError), database.transaction() as session:
        session.add(_supplier(status="sleeping"))
    assert _raw(db_path, "SELECT count(*) FROM suppliers") == [(0,)]
