"""The comparison's market note, the landed-cost settings' problems and the selling price's
refusals and explanation as messages (issue 15): str() is the English sentence exactly as
before, every part is marked and translated with the same fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.kit.message import Listing, Message, MessageError
from app.domain.kit.numbers import number_problem, number_problem_said
from app.domain.negotiation.comparison import compare_quotes
from app.domain.negotiation.cost_settings import (
    LandedCostSettings,
    settings_problems,
    settings_problems_said,
)
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import landed_cost
from app.domain.negotiation.market import market_stats
from app.domain.negotiation.quotes import PriceBreak, PricedQuote, Quote, price_quote
from app.domain.negotiation.selling import (
    PricingMethod,
    break_even_price,
    markup_of_margin,
    price_for_margin,
    selling_price,
)
from tests.domain.kit.marked import assert_translatable

D = Decimal
DAY = date(2026, 6, 1)
QUOTE = Quote(1, "Phone stand", breaks=(PriceBreak(100, D("3.20")),), shipping_included=True)
RATES = (ExchangeRate("USD", D("0.14"), DAY),)


def _parts(field: object) -> list[Message]:
    """The messages of a note: the sentences of a listing, or the message itself."""
    if isinstance(field, Listing):
        return [item for item in field.items if isinstance(item, Message)]
    assert isinstance(field, Message)
    return [field]


def test_the_market_note_is_said_and_stays_the_english() -> None:
    quotes = (
        QUOTE,
        replace(QUOTE, supplier_id=2),
        replace(QUOTE, supplier_id=3, currency="USD"),
        replace(QUOTE, supplier_id=4, currency="GBP"),
        replace(QUOTE, supplier_id=5, currency="JPY"),
    )
    result = compare_quotes(quotes, 100, LandedCostSettings(), RATES, "CNY", DAY)
    assert result.market_note == (
        "Unit prices in USD are converted to CNY for the statistics. "
        "Quotes in GBP, JPY are left out of the statistics: no exchange rate."
    )
    assert str(result.market_note_said) == result.market_note
    for part in _parts(result.market_note_said):
        assert_translatable(part)
    two = compare_quotes(quotes[:2], 100, LandedCostSettings(), (), "CNY", DAY)
    assert two.market_note == ("Fewer than 3 priceable quotes: nothing is flagged as too good.")
    assert_translatable(two.market_note_said)  # type: ignore[arg-type]
    none = compare_quotes(quotes[:2], 10, LandedCostSettings(), (), "CNY", DAY)
    assert none.market_note == "No quote can be priced at this quantity."
    assert_translatable(none.market_note_said)  # type: ignore[arg-type]
    stats = market_stats(quotes[:2], 10)
    assert stats.note == "No quote can be priced at this quantity."
    assert_translatable(stats.note_said)  # type: ignore[arg-type]


BROKEN = LandedCostSettings(
    agent_fee_pct=D(150),
    payment_fee_pct=1.5,  # type: ignore[arg-type]
    duty_pct=D(-1),
    insurance_cover_pct=D(90),
    agent_fee_min=None,  # type: ignore[arg-type]
    freight=D("1.234"),
    post_border_transport=D("Infinity"),
    consignment_value=D("1" * 41),
    vat_reclaimable="yes",  # type: ignore[arg-type]
    agent_currency="cny",
    item_categories=0,
)


def test_the_settings_problems_are_said_and_stay_the_english() -> None:
    assert settings_problems(BROKEN, "EUR") == [
        "The agent fee % must be 100 or less, not 150.",
        "The payment fee % must be an exact number, not a float (inexact).",
        "The duty % must be 0 or more, not -1.",
        "The insurance cover % must be 100 or more, not 90.",
        "Enter agent's minimum fee.",
        "Freight has more than 2 decimals for EUR: 1.234.",
        "Transport after the border must be a finite number, not Infinity.",
        "The consignment's goods value has too many digits.",
        "Choose whether VAT is reclaimable.",
        "'cny' is not a currency code for the agent, like CNY.",
        "A consignment has at least 1 item category.",
    ]
    said = settings_problems_said(BROKEN, "EUR")
    assert [str(message) for message in said] == settings_problems(BROKEN, "EUR")
    for message in said:
        assert_translatable(message)
    home = settings_problems_said(LandedCostSettings(), "eur")
    assert [str(m) for m in home] == [
        "'eur' is not a currency code: choose your home currency, like EUR."
    ]
    assert_translatable(home[0])
    whole = settings_problems_said(replace(LandedCostSettings(), item_categories="2"), "EUR")  # type: ignore[arg-type]
    assert [str(m) for m in whole] == ["The number of item categories must be a whole number."]
    assert_translatable(whole[0])


def test_a_landed_cost_with_broken_settings_refuses_with_every_sentence() -> None:
    priced = price_quote(QUOTE, 100)
    assert isinstance(priced, PricedQuote)
    with pytest.raises(MessageError) as refused:
        landed_cost(priced, BROKEN, (), "EUR", DAY)
    assert str(refused.value) == " ".join(settings_problems(BROKEN, "EUR"))
    assert_translatable(refused.value.message)


def test_number_problems_keep_their_english() -> None:
    assert (
        number_problem(0.5, "The rate")
        == "The rate must be an exact number, not a float (inexact)."
    )
    assert number_problem("x", "The rate") == "The rate must be an exact number, not 'x'."
    assert number_problem(D(5), "The rate", maximum=D(1)) == "The rate must be 1 or less, not 5."
    assert number_problem(D(5), "The rate") is None
    said = number_problem_said(0.5, "The rate")
    assert said is not None
    assert_translatable(said)


@pytest.mark.parametrize(
    ("refusal", "english"),
    [
        (
            lambda: price_for_margin(D(10), D(40), D(60), currency="EUR"),
            "The fee (60 %) and the margin (40 %) add up to 100 % or more: no price can give "
            "that margin. Lower one of them.",
        ),
        (
            lambda: price_for_margin(D(10), D(140), currency="EUR"),
            "The margin % must be 100 or less, not 140.",
        ),
        (
            lambda: price_for_margin(D(10), D(10), D(-1), currency="EUR"),
            "The fee % must be 0 or more, not -1.",
        ),
        (
            lambda: break_even_price(D(10), D(100), currency="EUR"),
            "A fee of 100 % leaves nothing of the price: lower the fee.",
        ),
        (
            lambda: price_for_margin(D(-1), D(10), currency="EUR"),
            "The cost must be 0 or more, not -1.",
        ),
        (
            lambda: price_for_margin(D(10), D(10), units=0, currency="EUR"),
            "The cost must be for 1 unit or more.",
        ),
        (
            lambda: markup_of_margin(D(100)),
            "A margin of 100 % or more needs an endless markup: lower the margin.",
        ),
    ],
)
def test_the_selling_refusals_are_said_and_stay_the_english(refusal, english: str) -> None:
    with pytest.raises(MessageError) as refused:
        refusal()
    assert str(refused.value) == english
    assert_translatable(refused.value.message)


def test_the_selling_explanation_is_said_and_stays_the_english() -> None:
    margin = selling_price(D(10), PricingMethod.MARGIN, D(30), D(15), currency="EUR")
    assert margin.explanation == (
        "Margin on the selling price: 30 %, after a 15 % fee; the price earns a 30.02 % margin "
        "on price (a 54.62 % markup on cost)."
    )
    even = selling_price(D(10), PricingMethod.BREAK_EVEN, currency="EUR")
    assert even.explanation == (
        "Break-even (no profit); the price earns a 0 % margin on price (a 0 % markup on cost)."
    )
    for price in (margin, even):
        assert str(price.explanation_said) == price.explanation
        assert_translatable(price.explanation_said)
