"""Selling price from the exact cost: margin, markup, fee and break-even, rounded up."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.negotiation.selling import (
    PricingMethod,
    break_even_price,
    describe_markup,
    margin_of_markup,
    markup_of_margin,
    price_for_margin,
    price_for_markup,
    selling_price,
)

D = Decimal


def test_the_four_formulas() -> None:
    assert price_for_margin(D(10), D(30), currency="EUR") == D("14.29")  # 10 / 0.7 = 14.2857
    assert price_for_markup(D(10), D(30), currency="EUR") == D("13.00")  # 10 x 1.3
    assert price_for_margin(D(10), D(30), D(15), currency="EUR") == D("18.19")  # 10 / 0.55
    assert break_even_price(D(10), D(15), currency="EUR") == D("11.77")  # 10 / 0.85 = 11.7647
    assert price_for_markup(D(10), D(30), D(15), currency="EUR") == D("15.30")  # 13 / 0.85
    for value in (
        price_for_margin(D(10), D(30), currency="EUR"),
        break_even_price(D(1), currency="EUR"),
    ):
        assert type(value) is Decimal


def test_the_price_is_rounded_up_so_the_target_is_met() -> None:
    # 1 / 0.9 = 1.1111: half-up gives 1.11, a 9.9 % margin; up gives 1.12.
    assert price_for_margin(D(1), D(10), currency="EUR") == D("1.12")
    # An exact cent stays where it is: 7 / 0.7 = 10.00.
    assert price_for_margin(D(7), D(30), currency="EUR") == D("10.00")
    assert price_for_margin(D(7), D(30), currency="JPY") == D(10)


def test_the_cost_per_unit_is_exact_total_over_units() -> None:
    # ¥100.00 for 3 units is 33.333...: never a rounded 33.33 per unit.
    assert break_even_price(D("100.00"), units=3, currency="EUR") == D("33.34")
    assert price_for_margin(D("100.00"), D(25), units=3, currency="EUR") == D("44.45")  # 44.444
    assert price_for_markup(D("99.99"), D(0), units=3, currency="EUR") == D("33.33")


def test_a_fee_and_margin_of_100_percent_or_more_is_refused() -> None:
    with pytest.raises(ValueError) as caught:
        price_for_margin(D(10), D(60), D(40), currency="EUR")
    assert "The fee (40 %) and the margin (60 %) add up to 100 % or more" in str(caught.value)
    with pytest.raises(ValueError, match="add up to 100 % or more"):
        price_for_margin(D(10), D("99.99"), D("0.02"), currency="EUR")
    assert price_for_margin(D(10), D("99.98"), D("0.01"), currency="EUR") == D("100000.00")
    with pytest.raises(ValueError, match="A fee of 100 % leaves nothing"):
        break_even_price(D(10), D(100), currency="EUR")
    with pytest.raises(ValueError, match="The margin % must be 0 or more"):
        price_for_margin(D(10), D(-5), currency="EUR")
    with pytest.raises(ValueError, match="The cost must be 0 or more"):
        price_for_markup(D(-1), D(5), currency="EUR")
    with pytest.raises(ValueError, match="exact number"):
        price_for_markup(10.0, D(5), currency="EUR")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="1 unit or more"):
        break_even_price(D(10), units=0, currency="EUR")


def test_a_markup_is_not_a_margin() -> None:
    assert margin_of_markup(D(30)) == D("23.08")
    assert (
        describe_markup(D(30)) == "A 30 % markup on cost is a 23.08 % margin on the selling price."
    )
    assert markup_of_margin(D(25)) == D("33.33")
    assert markup_of_margin(D(50)) == D("100.00")
    assert margin_of_markup(D(100)) == D("50.00")
    with pytest.raises(ValueError, match="endless markup"):
        markup_of_margin(D(100))


def test_selling_price_says_which_method_and_what_it_really_earns() -> None:
    markup = selling_price(D(10), PricingMethod.MARKUP, D(30), currency="EUR")
    assert markup.price == D("13.00")
    assert (markup.margin_pct, markup.markup_pct) == (D("23.08"), D("30.00"))
    assert markup.explanation.startswith("Markup on cost: 30 %;")
    assert "23.08 % margin on price" in markup.explanation
    margin = selling_price(D(10), PricingMethod.MARGIN, D(30), D(15), currency="EUR")
    assert margin.price == D("18.19")
    assert margin.margin_pct == D("30.02")  # the rounded-up price earns a little more
    assert "after a 15 % fee" in margin.explanation
    even = selling_price(D(10), PricingMethod.BREAK_EVEN, D(99), D(15), currency="EUR")
    assert (even.price, even.target_pct) == (D("11.77"), D(0))
    assert PricingMethod.MARGIN.label_zh == "毛利率"
    free = selling_price(D(0), PricingMethod.MARKUP, D(30), currency="EUR")
    assert (free.price, free.margin_pct, free.markup_pct) == (D("0.00"), D(0), D(0))


@given(
    cost=st.decimals(0, 100_000, places=2),
    units=st.integers(1, 10_000),
    margin=st.decimals(0, 90, places=2),
    fee=st.decimals(0, 9, places=2),
)
def test_the_selling_price_always_meets_the_target_margin_by_the_least_cent(
    cost: Decimal, units: int, margin: Decimal, fee: Decimal
) -> None:
    price = price_for_margin(cost, margin, fee, units=units, currency="EUR")
    assert type(price) is Decimal
    unit_cost = Fraction(cost) / units
    kept = 1 - Fraction(fee) / 100 - Fraction(margin) / 100
    assert Fraction(price) * kept >= unit_cost  # the target is met
    assert (Fraction(price) - Fraction(1, 100)) * kept < unit_cost or price == 0  # and no more


@given(
    cost=st.decimals(0, 100_000, places=4),
    units=st.integers(1, 1_000),
    k=st.decimals(0, 500, places=2),
)
def test_the_markup_price_always_meets_the_target_markup(
    cost: Decimal, units: int, k: Decimal
) -> None:
    price = price_for_markup(cost, k, units=units, currency="EUR")
    unit_cost = Fraction(cost) / units
    assert Fraction(price) >= unit_cost * (1 + Fraction(k) / 100)
    assert Fraction(price) - Fraction(1, 100) < unit_cost * (1 + Fraction(k) / 100)
