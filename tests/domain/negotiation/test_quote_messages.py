"""Why a quote cannot be priced, a missing exchange rate and an unknown domestic shipping, as
messages (issue 15): str() is the English sentence exactly as before, the figures are fields
already formatted, every part is marked and translated, and a comparison row keeps its
problems apart so the interface can say each in its language."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.kit.message import SPACE, Listing, MessageError
from app.domain.negotiation.comparison import compare_quotes
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate, rate_for, to_home
from app.domain.negotiation.quotes import (
    UNKNOWN_SHIPPING,
    PriceBreak,
    Quote,
    Unpriceable,
    price_quote,
)
from tests.domain.kit.marked import assert_translatable

D = Decimal
DAY = date(2026, 6, 1)
QUOTE = Quote(
    1,
    "Phone stand",
    breaks=(PriceBreak(100, D("3.20")), PriceBreak(1000, D("2.80"))),
    shipping_included=True,
    id=1,
)


def _refused(quote: Quote, quantity: int) -> Unpriceable:
    result = price_quote(quote, quantity)
    assert isinstance(result, Unpriceable)
    return result


def test_below_the_moq_reads_as_before() -> None:
    result = _refused(replace(QUOTE, moq=1500), 1200)
    assert (
        result.message == str(result.said) == "Below the MOQ of 1,500 pieces: order at least 1,500."
    )
    assert result.said.values() == {"moq": "1,500", "least": "1,500"}
    assert_translatable(result.said)


def test_below_the_moq_after_rounding_to_the_multiple_reads_as_before() -> None:
    result = _refused(replace(QUOTE, moq=1000, order_multiple=12), 995)
    assert result.message == (
        "Below the MOQ of 1,000 pieces (995 rounds up to 996, a multiple of 12): "
        "order at least 1,008."
    )
    assert result.said.values()["ordered"] == "996"
    assert_translatable(result.said)


@pytest.mark.parametrize(
    ("minimum", "expected"),
    [
        (
            {"seller_min_amount": D("500.00")},
            "Below the shop's minimum order of ¥500.00: this order is ¥320.00 and 100 pieces.",
        ),
        (
            {"seller_min_qty": 2000},
            "Below the shop's minimum order of 2,000 pieces: this order is ¥320.00 and 100 pieces.",
        ),
        (
            {"seller_min_amount": D("500.00"), "seller_min_qty": 2000},
            "Below the shop's minimum order of ¥500.00 or 2,000 pieces: "
            "this order is ¥320.00 and 100 pieces.",
        ),
    ],
)
def test_below_the_shop_minimum_reads_as_before(minimum: dict, expected: str) -> None:
    result = _refused(replace(QUOTE, **minimum), 100)
    assert result.message == str(result.said) == expected
    assert_translatable(result.said)


def test_a_missing_rate_is_a_value_error_with_its_message() -> None:
    rates = (ExchangeRate("CNY", D("7.80"), date(2026, 6, 1)),)
    with pytest.raises(MessageError) as raised:
        rate_for("USD", rates, "eur")
    assert isinstance(raised.value, ValueError)
    assert str(raised.value) == "No exchange rate for USD: enter 1 EUR = x USD."
    assert raised.value.message.values() == {"currency": "USD", "home": "EUR"}
    assert_translatable(raised.value.message)
    with pytest.raises(MessageError) as raised:
        to_home(D("10"), "CNY", rates, "EUR", date(2026, 5, 31))
    assert str(raised.value) == (
        "No exchange rate for CNY on or before 2026-05-31: enter 1 EUR = x CNY."
    )
    assert_translatable(raised.value.message)


def test_the_comparison_rows_keep_their_problems_as_messages() -> None:
    quotes = (
        replace(QUOTE, moq=1500),  # below the MOQ
        replace(QUOTE, currency="USD", id=2),  # no USD rate
        replace(QUOTE, shipping_included=False, id=3),  # shipping unknown
    )
    rates = (ExchangeRate("CNY", D("7.80"), DAY),)
    comparison = compare_quotes(quotes, 100, LandedCostSettings(), rates, "EUR", DAY)
    moq, usd, shipping = comparison.rows
    assert moq.problem == "Below the MOQ of 1,500 pieces: order at least 1,500."
    assert moq.problems == (moq.unpriceable.said,)  # type: ignore[union-attr]
    # the goods and the landed cost both lack the rate: said once
    assert usd.problem == "No exchange rate for USD: enter 1 EUR = x USD."
    assert len(usd.problems) == 1
    assert shipping.problem == UNKNOWN_SHIPPING
    for row in comparison.rows:
        assert row.problem_said == Listing(row.problems, SPACE)
        for problem in row.problems:
            assert not isinstance(problem, str), problem
            assert_translatable(problem)
