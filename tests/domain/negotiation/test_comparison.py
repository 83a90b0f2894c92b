"""The quote comparison at one quantity: priced rows, landed costs, ranks, flags and statistics."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.domain.negotiation.comparison import compare_quotes, competition_ranks
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import landed_cost
from app.domain.negotiation.quotes import (
    UNKNOWN_SHIPPING,
    PriceBreak,
    PricedQuote,
    Quote,
    Validity,
    price_quote,
)

D = Decimal
ON = date(2026, 11, 29)
NONE = LandedCostSettings()
RATES = (ExchangeRate("CNY", D("7.80"), date(2026, 11, 26)), ExchangeRate("USD", D("1.08"), ON))


def quote(supplier: int, breaks: str, currency: str = "CNY", **extra: Any) -> Quote:
    parsed = tuple(
        PriceBreak(int(q), D(p)) for q, p in (part.split(":") for part in breaks.split())
    )
    extra.setdefault("domestic_shipping", D(0))
    return Quote(supplier, "Phone stand", currency=currency, breaks=parsed, **extra)


def five_quotes() -> list[Quote]:
    return [
        quote(1, "2:3.20 100:2.80 500:2.50", domestic_shipping=D(10)),
        quote(2, "1:2.90", domestic_shipping=None, shipping_included=True),
        quote(3, "1:3.00"),
        quote(4, "200:1.00"),  # below its MOQ at 100
        quote(5, "1:1.50", domestic_shipping=None),  # shipping unknown
    ]


def test_rows_priced_with_landed_cost_rank_and_selling_price() -> None:
    result = compare_quotes(five_quotes(), 100, NONE, (), "CNY", ON)
    rows = result.rows
    assert [r.quote.supplier_id for r in rows] == [1, 2, 3, 4, 5]  # the order given
    assert [r.unit_price for r in rows] == [D("2.80"), D("2.90"), D("3.00"), None, D("1.50")]
    assert [r.goods_total for r in rows] == [
        D("280.00"),
        D("290.00"),
        D("300.00"),
        None,
        D("150.00"),
    ]
    assert [r.landed_total for r in rows] == [D("290.00"), D("290.00"), D("300.00"), None, None]
    assert rows[0].landed_per_unit == D("2.9") and rows[0].price_break == PriceBreak(100, D("2.80"))
    assert [r.rank for r in rows] == [1, 1, 3, None, None]  # competition ranking
    assert [r.cheapest for r in rows] == [True, True, False, False, False]
    assert [r.supplier_id for r in result.cheapest] == [1, 2]
    assert [r.supplier_id for r in result.ranked] == [1, 2, 3, 4, 5]
    # 30 % margin, no fee: 2.9 / 0.7 = 4.1428... rounded UP to the cent
    assert rows[0].selling is not None and rows[0].selling.price == D("4.15")
    assert rows[3].problem == "Below the MOQ of 200 pieces: order at least 200."
    assert rows[3].unpriceable is not None and rows[3].goods_home is None
    assert rows[4].problem == UNKNOWN_SHIPPING and rows[4].goods_home == D("150.00")
    assert rows[4].selling is None


def test_far_below_the_median_is_too_good_to_be_true() -> None:
    result = compare_quotes(five_quotes(), 100, NONE, (), "CNY", ON)
    market = result.market
    assert market is not None and market.count == 4 and market.currency == "CNY"
    assert market.median == D("2.85")  # 1.50, 2.80, 2.90, 3.00
    assert [r.too_good for r in result.rows] == [False, False, False, False, True]
    assert result.row_of(5).below_median_pct == D("47.4")
    assert result.market_note == ""


def test_a_lower_threshold_flags_more_and_fewer_than_three_quotes_flag_nothing() -> None:
    quotes = [quote(1, "1:2.20"), quote(2, "1:3.00"), quote(3, "1:3.10")]
    default = compare_quotes(quotes, 10, NONE, (), "CNY", ON)  # 26.7 % below: not 30 %
    assert [r.too_good for r in default.rows] == [False, False, False]
    assert default.row_of(1).below_median_pct == D("26.7")
    flagged = compare_quotes(quotes, 10, NONE, (), "CNY", ON, too_good_pct=D(20))
    assert [r.too_good for r in flagged.rows] == [True, False, False]
    two = compare_quotes(quotes[:2], 10, NONE, (), "CNY", ON, too_good_pct=D(1))
    assert not any(r.too_good for r in two.rows)
    assert "Fewer than 3" in two.market_note


def test_landed_cost_is_the_landed_cost_rule_line_for_line() -> None:
    settings = LandedCostSettings(
        agent_fee_pct=D(5),
        agent_fee_min=D(30),
        freight=D(60),
        insurance_pct=D(2),
        duty_pct=D(4),
        vat_pct=D(19),
    )
    quotes = [quote(1, "2:3.20 100:2.80", domestic_shipping=D(10)), quote(2, "1:0.40", "USD")]
    result = compare_quotes(quotes, 100, settings, RATES, "EUR", ON)
    priced = price_quote(quotes[0], 100)
    assert isinstance(priced, PricedQuote)
    assert result.rows[0].landed == landed_cost(priced, settings, RATES, "EUR", ON)
    assert result.rows[0].goods_home == D("35.90")  # 280 / 7.80, rounded once
    assert result.rows[1].goods_home == D("37.04")  # 40 / 1.08
    per_unit = result.rows[0].landed_per_unit
    assert per_unit is not None and per_unit == result.rows[0].landed_total / 100


def test_mixed_currencies_are_converted_for_the_statistics_only() -> None:
    quotes = [quote(1, "1:2.80"), quote(2, "1:3.00"), quote(3, "1:0.40", "USD")]
    result = compare_quotes(quotes, 10, NONE, RATES, "EUR", ON)
    market = result.market
    assert market is not None and market.currency == "CNY" and market.count == 3
    # 0.40 USD x 7.80 / 1.08 = 2.8889 CNY (4 decimals): the median of 2.80, 2.8889, 3.00
    assert market.median == D("2.8889")
    assert result.market_note == "Unit prices in USD are converted to CNY for the statistics."
    assert result.row_of(3).unit_price == D("0.40")  # the row keeps its own price


def test_a_currency_without_a_rate_is_left_out_and_said_why() -> None:
    quotes = [quote(1, "1:2.80"), quote(2, "1:3.00"), quote(3, "1:0.40", "GBP")]
    result = compare_quotes(quotes, 10, NONE, RATES, "EUR", ON)
    assert result.market is not None and result.market.count == 2
    assert "Quotes in GBP are left out of the statistics: no exchange rate." in result.market_note
    row = result.row_of(3)
    assert row.unit_price == D("0.40") and row.goods_total == D("4.00")
    assert row.goods_home is None and row.landed is None and row.rank is None
    assert row.problem == "No exchange rate for GBP: enter 1 EUR = x GBP."


def test_validity_expired_and_expiring_within_seven_days_still_priced() -> None:
    quotes = [
        quote(1, "1:2.80", valid_until=ON - timedelta(days=1)),
        quote(2, "1:3.00", valid_until=ON + timedelta(days=7)),
        quote(3, "1:3.10", valid_until=ON + timedelta(days=8)),
        quote(4, "1:3.20"),
    ]
    rows = compare_quotes(quotes, 10, NONE, (), "CNY", ON).rows
    assert [r.validity for r in rows] == [
        Validity.EXPIRED,
        Validity.EXPIRING,
        Validity.VALID,
        Validity.VALID,
    ]
    assert [r.days_left for r in rows] == [-1, 7, 8, None]
    assert rows[0].expired and rows[0].rank == 1 and rows[1].expiring


def test_a_margin_and_fee_that_leave_no_price_give_no_selling_price() -> None:
    result = compare_quotes(
        [quote(1, "1:2.80")],
        10,
        NONE,
        (),
        "CNY",
        ON,
        target_margin_pct=D(90),
        selling_fee_pct=D(15),
    )
    row = result.rows[0]
    assert row.selling is None and row.landed is not None and row.rank == 1
    assert "add up to 100 % or more" in row.problem


def test_nothing_priceable_has_no_statistics() -> None:
    result = compare_quotes([quote(1, "500:2.50")], 10, NONE, (), "CNY", ON)
    assert result.market is None and result.rows[0].rank is None
    assert result.market_note == "No quote can be priced at this quantity."


def test_broken_input_is_refused() -> None:
    with pytest.raises(ValueError, match="quantity"):
        compare_quotes([quote(1, "1:2.80")], 0, NONE, (), "CNY", ON)
    with pytest.raises(ValueError, match="threshold"):
        compare_quotes([quote(1, "1:2.80")], 10, NONE, (), "CNY", ON, too_good_pct=D(101))


@pytest.mark.parametrize(
    ("values", "ranks"),
    [
        ([D(3), D(1), D(1), None, D(2)], [4, 1, 1, None, 3]),
        ([], []),
        ([None, None], [None, None]),
        ([D("2.5"), D("2.50")], [1, 1]),
    ],
)
def test_competition_ranking(values: list[Decimal | None], ranks: list[int | None]) -> None:
    assert competition_ranks(values) == ranks
