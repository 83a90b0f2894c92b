"""The quantity advisor: cost per unit over a range and where the next break pays."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.negotiation.advisor import quantity_advice
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.destinations import EU
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import landed_cost
from app.domain.negotiation.quotes import PriceBreak, PricedQuote, Quote, price_quote

D = Decimal
BREAKS = (PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(500, D("2.50")))
QUOTE = Quote(1, "Phone stand", breaks=BREAKS, domestic_shipping=D("12.00"))
FIVE = replace(
    QUOTE,
    breaks=(
        *BREAKS,
        PriceBreak(1000, D("2.30")),
        PriceBreak(5000, D("2.10")),
    ),
)
RATES = (ExchangeRate("CNY", D("7.80"), date(2026, 1, 1)),)
SETTINGS = LandedCostSettings(
    agent_fee_pct=D(5),
    agent_fee_min=D(5),
    payment_fee_pct=D("2.9"),
    freight=D("120.00"),
    insurance_pct=D(2),
    insurance_cover_pct=D(110),
    duty_pct=D("3.7"),
    vat_pct=D(19),
    post_border_transport=D("10.00"),
    destination=EU,
)
IMPORT_DAY = date(2026, 8, 1)


def test_moving_up_to_the_next_break_pays_and_says_so() -> None:
    advice = quantity_advice(QUOTE, 1, 1000)
    first, second = advice.savings
    assert (first.from_qty, first.to_qty, first.saving, first.currency) == (
        99,
        100,
        D("36.80"),
        "CNY",
    )
    assert first.buy_up_from == 88  # 88 x 3.20 = 281.60 >= 280.00 > 87 x 3.20
    assert first.sentence == (
        "Ordering 100 instead of 99 costs ¥36.80 less; "
        "from 88 pieces up, ordering 100 costs no more."
    )
    assert (second.from_qty, second.to_qty, second.saving) == (499, 500, D("147.20"))
    assert second.buy_up_from == 447
    assert type(first.saving) is Decimal


def test_a_break_that_does_not_pay_is_not_listed() -> None:
    quote = Quote(1, "Cup", breaks=(PriceBreak(1, D("3.00")), PriceBreak(100, D("2.99"))))
    assert quantity_advice(quote, 1, 200).savings == ()  # 100 x 2.99 = 299 > 99 x 3 = 297
    equal = Quote(1, "Cup", breaks=(PriceBreak(1, D("3.00")), PriceBreak(100, D("2.97"))))
    assert quantity_advice(equal, 1, 200).savings == ()  # 297.00 = 297.00: no saving


def test_the_order_multiple_moves_the_comparison_to_orderable_quantities() -> None:
    advice = quantity_advice(replace(QUOTE, order_multiple=12), 1, 200)
    (saving,) = (s for s in advice.savings if s.to_qty == 108)
    assert (saving.from_qty, saving.saving, saving.buy_up_from) == (96, D("4.80"), 96)
    assert saving.sentence == "Ordering 108 instead of 96 costs ¥4.80 less."
    assert advice.point(97).ordered_qty == 108


def test_points_per_quantity_with_unpriceable_ones_explained() -> None:
    advice = quantity_advice(QUOTE, 1, 600)
    one = advice.point(1)
    assert one.per_unit is None and one.reason.startswith("Below the MOQ of 2 pieces")
    hundred = advice.point(100)
    assert (hundred.unit_price, hundred.total, hundred.per_unit) == (
        D("2.80"),
        D("280.00"),
        D("2.8"),
    )
    assert advice.point(99).per_unit == D("3.2")
    assert len(advice.points) == 600 and not advice.landed and advice.currency == "CNY"
    for point in advice.points[1:]:
        assert type(point.per_unit) is Decimal and type(point.total) is Decimal


def test_the_shop_minimum_can_make_a_cheaper_break_unpriceable() -> None:
    quote = replace(QUOTE, seller_min_amount=D("300.00"))
    advice = quantity_advice(quote, 90, 110)
    assert advice.point(99).total == D("316.80")
    assert "shop's minimum" in advice.point(100).reason  # ¥280.00 is under ¥300.00
    assert advice.point(108).total == D("302.40")
    assert [s.to_qty for s in advice.savings] == [500]  # every break, whatever the range


def test_landed_points_match_the_landed_cost_line_for_line() -> None:
    advice = quantity_advice(
        QUOTE, 1, 1000, settings=SETTINGS, rates=RATES, home="EUR", on=IMPORT_DAY
    )
    assert advice.landed and advice.currency == "EUR"
    for quantity in (2, 50, 99, 100, 101, 499, 500, 1000):
        result = price_quote(QUOTE, quantity)
        assert isinstance(result, PricedQuote)
        expected = landed_cost(result, SETTINGS, RATES, "EUR", IMPORT_DAY)
        assert advice.point(quantity).total == expected.total
        assert advice.point(quantity).per_unit == expected.per_unit
    saving = advice.savings[0]
    assert (saving.from_qty, saving.to_qty, saving.currency) == (99, 100, "EUR")
    assert saving.sentence.startswith("Ordering 100 instead of 99 costs €")


def test_freight_per_unit_grows_with_the_quantity() -> None:
    advice = quantity_advice(
        QUOTE,
        100,
        100,
        settings=SETTINGS,
        rates=RATES,
        home="EUR",
        on=IMPORT_DAY,
        freight_per_unit=D("0.50"),
    )
    whole = replace(SETTINGS, freight=D("50.00"))
    result = price_quote(QUOTE, 100)
    assert isinstance(result, PricedQuote)
    assert advice.point(100).total == landed_cost(result, whole, RATES, "EUR", IMPORT_DAY).total


def test_ranges_and_missing_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="The range must run upwards: 10 to 5"):
        quantity_advice(QUOTE, 10, 5)
    with pytest.raises(ValueError, match="The first quantity must be a whole number from 1"):
        quantity_advice(QUOTE, 0, 5)
    with pytest.raises(ValueError, match="at most 100,000 quantities"):
        quantity_advice(QUOTE, 1, 200_000)
    with pytest.raises(ValueError, match="home currency and the date of import"):
        quantity_advice(QUOTE, settings=SETTINGS, rates=RATES)
    with pytest.raises(ValueError, match="domestic shipping of this quote is unknown"):
        quantity_advice(
            replace(QUOTE, domestic_shipping=None),
            settings=SETTINGS,
            rates=RATES,
            home="EUR",
            on=IMPORT_DAY,
        )
    with pytest.raises(ValueError, match="No exchange rate for CNY"):
        quantity_advice(QUOTE, settings=SETTINGS, rates=(), home="EUR", on=IMPORT_DAY)
    with pytest.raises(ValueError, match="Enter at least one price break"):
        quantity_advice(replace(QUOTE, breaks=()))
    with pytest.raises(ValueError, match="Freight per unit must be 0 or more"):
        quantity_advice(
            QUOTE, settings=SETTINGS, rates=RATES, home="EUR", on=IMPORT_DAY, freight_per_unit=D(-1)
        )


def test_ten_thousand_quantities_with_five_breaks_find_every_saving() -> None:
    """(Its speed is measured by tests/benchmarks/bench_negotiation.py, not asserted here.)"""
    assert len(quantity_advice(FIVE, 1, 10_000).savings) == 4
