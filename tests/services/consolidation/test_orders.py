"""Orders and their items: stored exactly, every rule refused with nothing written, one-keystroke
status moves, cascades, and the agreed price read from the Negotiation tab's table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.consolidation.orders import OrderStatus
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.records import OrderItem, SuggestedPrice
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.consolidation.fixtures import World, make_world

D = Decimal
S = OrderStatus


@pytest.fixture
def world(database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


def test_an_order_is_stored_with_exact_values_and_reads_back(world: World, db_path: Path) -> None:
    order_id = world.add_order()
    assert query(
        db_path,
        "SELECT order_number, status, ordered_on, domestic_shipping_minor, "
        "domestic_shipping_currency FROM purchase_orders",
    ) == [("3421658712345678901", "pending_shipment", "2026-11-20", 1200, "CNY")]
    assert query(
        db_path,
        "SELECT product_id, quantity, unit_price, currency, hs_code, position FROM order_items",
    ) == [(world.tote, 100, "9.80", "CNY", "4202.22", 0), (world.stand, 50, "12.80", "CNY", "", 1)]
    stored = world.service.order(order_id)
    assert stored == replace(
        world.order(),
        id=order_id,
        items=tuple(replace(item, id=n) for n, item in enumerate(world.order().items, 1)),
    )


def test_the_orders_list_names_supplier_products_total_and_parcels(world: World) -> None:
    order_id = world.add_order()
    parcel_id = world.add_parcel(order_ids=(order_id,))
    [row] = world.service.orders()
    assert row.supplier_name == "义乌市恒达工艺品厂"
    assert row.product_names == ("帆布托特包 · Canvas tote bag", "手机支架 · Phone stand")
    assert row.goods_total == Money(D("1620.00"), "CNY")  # 980 + 640
    assert row.parcel_ids == (parcel_id,)
    assert row.next_status is S.SHIPPED
    assert world.service.orders(S.PENDING_PAYMENT) == []


def test_a_total_in_several_currencies_is_not_added(world: World) -> None:
    items = (OrderItem(world.tote, 10, D("9.80")), OrderItem(world.stand, 10, D("1.50"), "USD"))
    world.add_order(items=items)
    assert world.service.orders()[0].goods_total is None


def test_editing_replaces_the_items(world: World, db_path: Path) -> None:
    order_id = world.add_order()
    edited = replace(world.order(), id=order_id, items=(OrderItem(world.stand, 300, D("12.00")),))
    change = world.service.save_order(edited)
    assert change.updated == (order_id,) and change.orders == (order_id,)
    assert query(db_path, "SELECT product_id, quantity, unit_price FROM order_items") == [
        (world.stand, 300, "12.00")
    ]


@pytest.mark.parametrize(
    ("changes", "key", "words"),
    [
        ({"items": (OrderItem(0, 0, D("1")),)}, "items[0].quantity", "whole number of 1 or more"),
        ({"items": (OrderItem(0, 5, D("-1")),)}, "items[0].unit_price", "0 or more"),
        ({"items": (OrderItem(0, 5, 1.5),)}, "items[0].unit_price", "float"),  # type: ignore[arg-type]
        ({"items": (OrderItem(0, 5, D(1), "yuan"),)}, "items[0].currency", "code such as CNY"),
        ({"items": (OrderItem(0, 5, D(1), hs_code="abc"),)}, "items[0].hs_code", "HS code"),
        ({"ordered_on": date(2026, 12, 1)}, "ordered_on", "after today"),
        ({"paid_on": date(2026, 11, 19)}, "paid_on", "before the ordered date"),
        ({"domestic_shipping": Money(D("12.005"))}, "domestic_shipping", "decimal places"),
        ({"order_number": "x" * 41}, "order_number", "under 40"),
    ],
)
def test_a_wrong_order_is_refused_in_user_words_and_nothing_is_written(
    world: World, db_path: Path, changes: dict, key: str, words: str
) -> None:
    if "items" in changes:
        changes = {"items": tuple(replace(i, product_id=world.tote) for i in changes["items"])}
    with pytest.raises(ValidationError) as refused:
        world.service.save_order(world.order(**changes))
    assert words in refused.value.field_errors[key]
    assert query(db_path, "SELECT count(*) FROM purchase_orders") == [(0,)]


def test_an_order_number_belongs_to_one_order(world: World) -> None:
    first = world.add_order()
    with pytest.raises(ValidationError, match=f"already order #{first}"):
        world.add_order(supplier_id=world.yiwu)
    world.add_order(order_number="")  # blanks may repeat
    world.add_order(order_number="")


def test_unknown_supplier_or_product_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        world.add_order(supplier_id=999, items=(OrderItem(998, 1, D(1)),))
    assert set(refused.value.field_errors) == {"supplier_id", "items[0].product_id"}


def test_advance_moves_one_step_and_stamps_the_date(world: World) -> None:
    order_id = world.add_order(status=S.PENDING_PAYMENT, paid_on=None)
    for expected in (S.PENDING_SHIPMENT, S.SHIPPED, S.IN_TRANSIT, S.DELIVERED, S.COMPLETE):
        world.service.advance_status(order_id)
        assert world.service.order(order_id).status is expected
    order = world.service.order(order_id)
    assert (order.paid_on, order.shipped_on, order.delivered_on) == (TODAY, TODAY, TODAY)
    with pytest.raises(ValidationError, match="no status follows"):
        world.service.advance_status(order_id)


def test_advance_keeps_a_date_already_typed(world: World) -> None:
    order_id = world.add_order(status=S.PENDING_PAYMENT, paid_on=date(2026, 11, 21))
    world.service.advance_status(order_id)
    assert world.service.order(order_id).paid_on == date(2026, 11, 21)


def test_status_moves_forward_or_to_cancelled_before_shipment_never_back(world: World) -> None:
    order_id = world.add_order()
    world.service.set_status(order_id, S.IN_TRANSIT)  # skipping ahead is fine
    with pytest.raises(ValidationError, match="does not go back"):
        world.service.set_status(order_id, S.PENDING_PAYMENT)
    with pytest.raises(ValidationError, match="only an order not yet shipped"):
        world.service.set_status(order_id, S.CANCELLED)
    other = world.add_order(order_number="")
    world.service.set_status(other, S.CANCELLED)
    with pytest.raises(ValidationError, match="cancelled: no status follows"):
        world.service.advance_status(other)
    with pytest.raises(ValidationError, match="stays cancelled"):
        world.service.save_order(replace(world.order(order_number=""), id=other))


def test_deleting_an_order_takes_its_items_and_unlinks_its_parcels(
    world: World, db_path: Path
) -> None:
    order_id = world.add_order()
    parcel_id = world.add_parcel(order_ids=(order_id,))
    change = world.service.delete_order(order_id)
    assert change.deleted == (order_id,) and change.parcels == (parcel_id,)
    for table in ("purchase_orders", "order_items", "parcel_orders"):
        assert query(db_path, f"SELECT count(*) FROM {table}") == [(0,)]
    assert world.service.parcel(parcel_id).orders == ()
    with pytest.raises(NotFound):
        world.service.delete_order(order_id)


def test_deleting_a_supplier_takes_its_orders_and_undo_brings_them_back(
    world: World, supplier_service: SupplierService, db_path: Path
) -> None:
    order_id = world.add_order()
    world.add_parcel(order_ids=(order_id,))
    tables = ("purchase_orders", "order_items", "parcel_orders")
    before = {t: query(db_path, f"SELECT * FROM {t}") for t in tables}
    change = supplier_service.delete([world.hengda])
    assert all(query(db_path, f"SELECT count(*) FROM {t}") == [(0,)] for t in tables)
    supplier_service.restore(change.removed, change.dependents)
    assert {t: query(db_path, f"SELECT * FROM {t}") for t in tables} == before


def test_the_agreed_price_comes_from_the_agreed_worksheet(world: World, database) -> None:
    assert world.service.items_from_agreed_quote(world.stand) is None
    with database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO worksheets (product_id, supplier_id, currency, note, agreed, "
                "agreed_unit_price, agreed_quantity, agreed_currency, quality_standard, "
                "packaging, after_sales, agreed_note, created_at, updated_at) VALUES (:p, :s, "
                "'CNY', '', 1, '12.00', 300, 'CNY', '', '', '', '', :now, :now)"
            ),
            {"p": world.stand, "s": world.hengda, "now": "2026-11-29T08:00:00+00:00"},
        )
    assert world.service.items_from_agreed_quote(world.stand) == SuggestedPrice(
        D("12.00"), "CNY", world.hengda, 300
    )
    assert world.service.items_from_agreed_quote(world.tote) is None


def test_without_the_negotiation_tables_there_is_no_agreed_price(world: World, database) -> None:
    with database.transaction() as session:
        session.execute(text("PRAGMA foreign_keys = OFF"))
        session.execute(text("DROP TABLE negotiation_rounds"))
        session.execute(text("DROP TABLE worksheets"))
    assert world.service.items_from_agreed_quote(world.stand) is None
