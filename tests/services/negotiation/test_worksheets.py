"""NegotiationService worksheets: targets, shares, rounds and agreed terms stored exactly, the
one-agreed-per-product rule (the chosen supplier), and every rule refused by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.negotiation.payment import (
    PLAN_A,
    AgreedTerms,
    Instalment,
    PaymentEvent,
    custom_plan,
)
from app.domain.negotiation.quotes import TradeTerm
from app.domain.negotiation.worksheet import CostPart, NegotiationRound, Targets
from app.errors import DatabaseError, NotFound, ValidationError
from app.services.negotiation.records import Subject, Worksheet
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.negotiation.fixtures import World

D = Decimal
TARGETS = Targets(D("2.40"), D("2.60"), D("2.80"), "CNY")
ROUNDS = (
    NegotiationRound(date(2026, 11, 10), D("2.20"), D("2.80"), "", "Opened low."),
    NegotiationRound(date(2026, 11, 15), D("2.40"), D("2.65"), "30 % deposit", ""),
    NegotiationRound(date(2026, 11, 20), D("2.50"), None),
)
SHARES = {
    CostPart.RAW_MATERIAL: D(55),
    CostPart.LABOUR: D(18),
    CostPart.OVERHEAD: D(15),
    CostPart.PROFIT: D(12),
}


def terms(world: World, supplier_id: int, price: str = "2.55", **changes: object) -> AgreedTerms:
    agreed = AgreedTerms(
        supplier_id=supplier_id,
        product="",
        unit_price=D(price),
        quantity=500,
        currency="CNY",
        payment_plan=PLAN_A,
        trade_term=TradeTerm.EXW,
        valid_until=date(2027, 1, 31),
        lead_time_days=15,
        quality_standard="AQL 2.5",
        packaging="Neutral OPP bag",
        after_sales="Replace defects",
        agreed_on=date(2026, 11, 25),
    )
    return replace(agreed, **changes)


def sheet(world: World, supplier_id: int | None = None, **changes: object) -> Worksheet:
    supplier = world.hengda if supplier_id is None else supplier_id
    base = Worksheet(world.product_id, supplier, "CNY", TARGETS, SHARES, ROUNDS, note="Call Fri")
    return replace(base, **changes)


def test_a_blank_worksheet_takes_the_quote_currency(world: World) -> None:
    world.negotiation.save_quote(
        world.product_id, world.quote(currency="USD", domestic_shipping=None)
    )
    blank = world.negotiation.worksheet(world.product_id, world.hengda)
    assert blank == Worksheet(world.product_id, world.hengda, "USD")
    assert world.negotiation.worksheet(world.product_id, world.letu).currency == "CNY"


def test_a_worksheet_reads_back_exactly(world: World, db_path: Path) -> None:
    change = world.negotiation.save_worksheet(world.product_id, world.hengda, sheet(world))
    assert change.subject is Subject.WORKSHEETS and change.products == (world.product_id,)
    [sheet_id] = change.created
    stored = world.negotiation.worksheet(world.product_id, world.hengda)
    assert stored == replace(sheet(world), id=sheet_id)
    assert query(db_path, "SELECT held_on, our_offer, their_counter FROM negotiation_rounds") == [
        ("2026-11-10", "2.20", "2.80"),
        ("2026-11-15", "2.40", "2.65"),
        ("2026-11-20", "2.50", None),
    ]
    again = world.negotiation.save_worksheet(
        world.product_id, world.hengda, replace(stored, rounds=ROUNDS[:1], shares=None)
    )
    assert again.updated == (sheet_id,) and again.created == ()
    stored = world.negotiation.worksheet(world.product_id, world.hengda)
    assert stored.rounds == ROUNDS[:1] and stored.shares is None


def test_rounds_are_added_and_deleted(world: World) -> None:
    for item in ROUNDS:
        world.negotiation.add_round(world.product_id, world.hengda, item)
    assert world.negotiation.worksheet(world.product_id, world.hengda).rounds == ROUNDS
    world.negotiation.delete_round(world.product_id, world.hengda, 2)
    rounds = world.negotiation.worksheet(world.product_id, world.hengda).rounds
    assert rounds == (ROUNDS[0], ROUNDS[2])
    with pytest.raises(NotFound):
        world.negotiation.delete_round(world.product_id, world.hengda, 3)
    with pytest.raises(ValidationError) as refused:  # dated before the last one
        world.negotiation.add_round(world.product_id, world.hengda, ROUNDS[0])
    assert refused.value.field_errors == {"rounds": "Round 3 (2026-11-10) is dated before round 2."}


def test_agreeing_chooses_the_supplier_and_clears_the_other_agreement(
    world: World, db_path: Path
) -> None:
    first = world.negotiation.mark_agreed(world.product_id, world.hengda, terms(world, 0))
    [hengda_sheet] = first.created
    assert world.negotiation.chosen_supplier(world.product_id) == world.hengda
    stored = world.negotiation.worksheet(world.product_id, world.hengda).agreed
    assert stored == terms(world, world.hengda, product="硅胶解压玩具 · Silicone fidget toy")
    assert stored is not None and stored.total == D("1275.00")
    second = world.negotiation.mark_agreed(world.product_id, world.letu, terms(world, 0, "2.60"))
    assert second.updated == (hengda_sheet,) and len(second.created) == 1
    assert world.negotiation.chosen_supplier(world.product_id) == world.letu
    assert world.negotiation.worksheet(world.product_id, world.hengda).agreed is None
    assert query(db_path, "SELECT supplier_id FROM worksheets WHERE agreed = 1") == [(world.letu,)]
    [product] = world.negotiation.products()
    assert product.chosen_supplier_id == world.letu
    assert product.chosen_supplier_name == "义乌市乐途玩具有限公司 · Yiwu Letu Toys Co., Ltd."
    cleared = world.negotiation.clear_agreed(world.product_id)
    assert cleared.updated == (second.created[0],)
    assert world.negotiation.chosen_supplier(world.product_id) is None


def test_saving_an_agreed_worksheet_agrees_and_none_unagrees(world: World) -> None:
    agreed = sheet(world, agreed=terms(world, world.hengda))
    world.negotiation.save_worksheet(world.product_id, world.hengda, agreed)
    assert world.negotiation.chosen_supplier(world.product_id) == world.hengda
    world.negotiation.save_worksheet(world.product_id, world.hengda, sheet(world))
    assert world.negotiation.chosen_supplier(world.product_id) is None


def test_terms_without_a_date_are_dated_today_and_a_custom_plan_is_kept(world: World) -> None:
    plan = custom_plan(
        (
            Instalment(D(20), PaymentEvent.ON_ORDER),
            Instalment(D(50), PaymentEvent.BEFORE_SHIPMENT),
            Instalment(D(30), date(2027, 2, 1)),
        ),
        "20/50/30",
    )
    world.negotiation.mark_agreed(
        world.product_id, world.hengda, terms(world, 0, agreed_on=None, payment_plan=plan)
    )
    stored = world.negotiation.worksheet(world.product_id, world.hengda).agreed
    assert stored is not None and stored.agreed_on == TODAY and stored.payment_plan == plan


def test_the_database_itself_allows_one_agreed_worksheet_per_product(
    world: World, database: Database
) -> None:
    world.negotiation.mark_agreed(world.product_id, world.hengda, terms(world, 0))
    world.negotiation.save_worksheet(world.product_id, world.letu, sheet(world, world.letu))
    with pytest.raises(DatabaseError, match="UNIQUE"), database.transaction() as session:
        session.execute(text("UPDATE worksheets SET agreed = 1"))


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"targets": Targets(D("2.80"), D("2.60"), D("2.90"), "CNY")},
            {"target": "The target price must not be above the acceptable price."},
        ),
        (
            {"targets": Targets(D("2.40"), D("2.60"), D("2.80"), "USD")},
            {"targets": "The target prices are in USD, the worksheet in CNY: use one currency."},
        ),
        (
            {"shares": {**SHARES, CostPart.PROFIT: D(20)}},
            {"shares": "The shares must add up to exactly 100 %; they add up to 108 %."},
        ),
        (
            {"shares": {CostPart.RAW_MATERIAL: D(100)}},
            {"shares": "Give a share for each of raw material, labour, overhead and profit."},
        ),
        (
            {"rounds": (NegotiationRound(date(2026, 11, 10), D("-1")),)},
            {"rounds": "Round 1: our offer must be above 0."},
        ),
        ({"currency": "cny"}, {"currency": "'cny' is not a currency code like CNY or USD."}),
    ],
)
def test_broken_worksheets_are_refused_by_field(
    world: World, db_path: Path, changes: dict[str, object], errors: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as refused:
        world.negotiation.save_worksheet(world.product_id, world.hengda, sheet(world, **changes))
    assert refused.value.field_errors == errors
    assert query(db_path, "SELECT count(*) FROM worksheets") == [(0,)]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (
            {"payment_plan": None},
            {"agreed.payment_plan": "Choose the payment plan (A, B, C or your own)."},
        ),
        ({"quantity": 0}, {"agreed.quantity": "The quantity must be a whole number of 1 or more."}),
        (
            {"valid_until": date(2026, 11, 1)},
            {
                "agreed.valid_until": "The price is valid until 2026-11-01, before it was agreed "
                "(2026-11-25): check the dates."
            },
        ),
        ({"unit_price": D(0)}, {"agreed.unit_price": "The unit price must be above 0."}),
    ],
)
def test_broken_agreed_terms_are_refused_and_nothing_is_chosen(
    world: World, changes: dict[str, object], errors: dict[str, str]
) -> None:
    with pytest.raises(ValidationError) as refused:
        world.negotiation.mark_agreed(world.product_id, world.hengda, terms(world, 0, **changes))
    assert refused.value.field_errors == errors
    assert world.negotiation.chosen_supplier(world.product_id) is None


def test_a_missing_product_or_supplier_is_not_found(world: World) -> None:
    with pytest.raises(NotFound, match="Supplier 999"):
        world.negotiation.mark_agreed(world.product_id, 999, terms(world, 0))
    with pytest.raises(NotFound, match="Product 99"):
        world.negotiation.worksheet(99, world.hengda)
