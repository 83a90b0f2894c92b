"""NegotiationService quotes: stored exactly, one per supplier and product (re-quotes update),
breaks replaced, every rule refused by field with nothing written, deletes and cascades."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.negotiation.quotes import PriceBreak, Quote
from app.errors import NotFound, ValidationError
from app.services.changes import Topic
from app.services.negotiation.records import Subject
from tests.db_rows import query
from tests.services.negotiation.fixtures import BREAKS, World

D = Decimal


def _counts(path: Path) -> dict[str, int]:
    tables = ("quotes", "quote_breaks", "worksheets", "negotiation_rounds", "product_plans")
    return {table: query(path, f"SELECT count(*) FROM {table}")[0][0] for table in tables}


def test_a_saved_quote_reads_back_exactly_with_its_breaks_and_names(
    world: World, db_path: Path
) -> None:
    change = world.negotiation.save_quote(world.product_id, world.quote())
    assert change.topic is Topic.NEGOTIATION and change.subject is Subject.QUOTES
    assert change.products == (world.product_id,) and change.updated == ()
    [quote_id] = change.created
    [row] = world.negotiation.quotes_of(world.product_id)
    assert row.quote == replace(
        world.quote(), id=quote_id, product="硅胶解压玩具 · Silicone fidget toy"
    )
    assert row.supplier_name_zh == "义乌市恒达工艺品厂"
    assert row.supplier_name == "义乌市恒达工艺品厂 · Yiwu Hengda Crafts Factory"
    assert world.negotiation.quote(quote_id) == row
    # Money is exact text in the file, never a float.
    assert query(db_path, "SELECT min_qty, unit_price, typeof(unit_price) FROM quote_breaks") == [
        (2, "3.20", "text"),
        (100, "2.80", "text"),
        (500, "2.50", "text"),
    ]
    assert query(db_path, "SELECT domestic_shipping, trade_term, valid_until FROM quotes") == [
        ("8.00", "EXW", "2026-12-20")
    ]


def test_a_requote_updates_the_same_quote_and_replaces_its_breaks(
    world: World, db_path: Path
) -> None:
    [quote_id] = world.negotiation.save_quote(world.product_id, world.quote()).created
    requote = world.quote(breaks=(PriceBreak(50, D("2.70")), PriceBreak(300, D("2.40"))))
    change = world.negotiation.save_quote(world.product_id, requote)  # no id: by the pair
    assert change.created == () and change.updated == (quote_id,)
    [row] = world.negotiation.quotes_of(world.product_id)
    assert row.quote.id == quote_id and row.quote.breaks == requote.breaks
    assert query(db_path, "SELECT min_qty FROM quote_breaks ORDER BY min_qty") == [(50,), (300,)]


def test_a_quote_moves_to_another_supplier_unless_that_one_has_a_quote(world: World) -> None:
    [first] = world.negotiation.save_quote(world.product_id, world.quote()).created
    stored = world.negotiation.quote(first).quote
    world.negotiation.save_quote(world.product_id, replace(stored, supplier_id=world.letu))
    assert [r.quote.supplier_id for r in world.negotiation.quotes_of(world.product_id)] == [
        world.letu
    ]
    [second] = world.negotiation.save_quote(world.product_id, world.quote(world.kangjie)).created
    moved = replace(world.negotiation.quote(second).quote, supplier_id=world.letu)
    with pytest.raises(ValidationError) as refused:
        world.negotiation.save_quote(world.product_id, moved)
    assert refused.value.field_errors == {
        "supplier_id": "义乌市乐途玩具有限公司 · Yiwu Letu Toys Co., Ltd. already has a quote for "
        "this product: edit that one instead."
    }


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"breaks": ()},
            {"breaks": "Enter at least one price break (a quantity and its unit price)."},
        ),
        (
            {"breaks": (PriceBreak(100, D("2.80")), PriceBreak(2, D("3.20")))},
            {"breaks": "Price breaks must go up in quantity: 2 comes after 100."},
        ),
        (
            {"breaks": (PriceBreak(2, D("3.20123")),)},
            {"breaks": "The unit price of price break 1 has more than 4 decimals: 3.20123."},
        ),
        ({"currency": "rmb"}, {"currency": "'rmb' is not a currency code like CNY or USD."}),
        ({"moq": 0}, {"moq": "The MOQ must be between 1 and 1,000,000,000, not 0."}),
        (
            {"shipping_included": True},
            {"shipping_included": "Shipping is included: leave domestic shipping empty or 0."},
        ),
        (
            {"domestic_shipping": D("8.005")},
            {"domestic_shipping": "Domestic shipping has more than 2 decimals for CNY: 8.005."},
        ),
        (
            {"valid_until": date(2026, 11, 1)},
            {"valid_until": "The quote cannot end (2026-11-01) before it starts (2026-11-20)."},
        ),
        (
            {"lead_time_days": -1},
            {"lead_time_days": "The lead time (days) must be between 0 and 1,000,000,000, not -1."},
        ),
        (
            {"seller_min_amount": 300.0},
            {
                "seller_min_amount": "The shop's minimum amount must be an exact number, not a "
                "float (inexact)."
            },
        ),
    ],
)
def test_each_broken_rule_is_refused_by_its_field_and_nothing_is_written(
    world: World, db_path: Path, changes: dict[str, object], errors: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as refused:
        world.negotiation.save_quote(world.product_id, world.quote(**changes))
    assert refused.value.field_errors == errors
    for message in errors.values():  # words a user reads, never a column name
        assert "_" not in message
    assert _counts(db_path)["quotes"] == 0


def test_a_missing_product_or_supplier_is_refused(world: World) -> None:
    with pytest.raises(NotFound, match="Product 99 no longer exists"):
        world.negotiation.save_quote(99, world.quote())
    with pytest.raises(ValidationError) as refused:
        world.negotiation.save_quote(world.product_id, world.quote(supplier_id=999))
    assert refused.value.field_errors == {
        "supplier_id": "That supplier no longer exists: choose another."
    }


def test_delete_takes_the_breaks_and_leaves_the_worksheet(world: World, db_path: Path) -> None:
    [quote_id] = world.negotiation.save_quote(world.product_id, world.quote()).created
    sheet = world.negotiation.worksheet(world.product_id, world.hengda)
    world.negotiation.save_worksheet(world.product_id, world.hengda, replace(sheet, note="call"))
    change = world.negotiation.delete_quote(quote_id)
    assert change.deleted == (quote_id,) and change.products == (world.product_id,)
    assert _counts(db_path) | {"worksheets": 1} == {
        "quotes": 0,
        "quote_breaks": 0,
        "worksheets": 1,
        "negotiation_rounds": 0,
        "product_plans": 0,
    }
    with pytest.raises(NotFound):
        world.negotiation.delete_quote(quote_id)


def _fill(world: World) -> None:
    for supplier in (world.hengda, world.letu):
        world.negotiation.save_quote(world.product_id, world.quote(supplier))
    world.negotiation.set_planned_qty(world.product_id, 500)
    sheet = world.negotiation.worksheet(world.product_id, world.hengda)
    world.negotiation.save_worksheet(world.product_id, world.hengda, sheet)


def test_deleting_a_supplier_takes_its_quotes_and_worksheets_and_undo_restores_them(
    world: World, db_path: Path
) -> None:
    _fill(world)
    before = query(db_path, "SELECT * FROM quotes ORDER BY id")
    change = world.suppliers.delete([world.hengda])
    assert _counts(db_path) == {
        "quotes": 1,
        "quote_breaks": 3,
        "worksheets": 0,
        "negotiation_rounds": 0,
        "product_plans": 1,
    }
    world.suppliers.restore(change.removed, change.dependents)
    assert query(db_path, "SELECT * FROM quotes ORDER BY id") == before
    assert _counts(db_path)["quote_breaks"] == 6 and _counts(db_path)["worksheets"] == 1


def test_deleting_a_product_takes_its_quotes_worksheets_and_plan(
    world: World, db_path: Path
) -> None:
    _fill(world)
    world.samples.delete_product(world.product_id)
    assert set(_counts(db_path).values()) == {0}


def test_products_list_counts_quotes_and_names_the_chosen_supplier(world: World) -> None:
    _fill(world)
    [product] = world.negotiation.products()
    assert (product.name_zh, product.quote_count, product.planned_qty) == ("硅胶解压玩具", 2, 500)
    assert product.chosen_supplier_id is None and product.chosen_supplier_name == ""
    assert product.display_name == "硅胶解压玩具 · Silicone fidget toy"


def test_planned_quantity_is_set_cleared_and_checked(world: World) -> None:
    assert world.negotiation.planned_qty(world.product_id) is None
    change = world.negotiation.set_planned_qty(world.product_id, 300)
    assert change.subject is Subject.PLANS and change.products == (world.product_id,)
    assert world.negotiation.planned_qty(world.product_id) == 300
    world.negotiation.set_planned_qty(world.product_id, 1000)
    assert world.negotiation.planned_qty(world.product_id) == 1000
    world.negotiation.set_planned_qty(world.product_id, None)
    assert world.negotiation.planned_qty(world.product_id) is None
    for bad in (0, 2.5, True):
        with pytest.raises(ValidationError, match="planned quantity must be a whole number"):
            world.negotiation.set_planned_qty(world.product_id, bad)  # type: ignore[arg-type]


def test_find_product_by_id_or_either_name(world: World) -> None:
    find = world.negotiation.find_product
    assert find(str(world.product_id)) == world.product_id
    assert find("硅胶解压玩具") == find("  silicone   FIDGET toy ") == world.product_id
    with pytest.raises(NotFound, match="No product is called 'stand'"):
        find("stand")


def test_a_quote_is_priced_like_the_domain_says(world: World) -> None:
    """The stored quote is the domain's Quote: its rules apply as they are."""
    world.negotiation.save_quote(world.product_id, world.quote())
    [row] = world.negotiation.quotes_of(world.product_id)
    assert isinstance(row.quote, Quote) and row.quote.breaks == BREAKS
    assert row.quote.effective_moq == 2
