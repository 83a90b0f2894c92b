"""Rounding, splitting and showing money."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.negotiation.amounts import (
    ceil_money,
    format_money,
    format_percent,
    round_money,
    split_by_percent,
)

D = Decimal


@pytest.mark.parametrize(
    ("amount", "currency", "rounded"),
    [
        ("2.345", "CNY", "2.35"),
        ("2.355", "CNY", "2.36"),
        ("0.125", "EUR", "0.13"),  # half-even gives 0.12
        ("2.3449", "CNY", "2.34"),
        ("-2.345", "EUR", "-2.35"),
        ("10.5", "JPY", "11"),
    ],
)
def test_round_money_is_half_up(amount: str, currency: str, rounded: str) -> None:
    assert str(round_money(D(amount), currency)) == rounded


def test_ceil_money_goes_up_from_the_exact_value() -> None:
    assert ceil_money(D("14.281"), "EUR") == D("14.29")
    assert ceil_money(D("14.28"), "EUR") == D("14.28")
    assert ceil_money(Fraction(10, 7), "EUR") == D("1.43")
    assert ceil_money(Fraction(100, 1), "EUR") == D("100.00")
    assert ceil_money(Fraction(1, 3), "JPY") == D(1)


def test_split_gives_leftover_cents_to_the_largest_remainders_not_the_last_part() -> None:
    # 0.05 at 45/10/45: exact 0.0225, 0.005, 0.0225; the cent goes to the middle part.
    assert split_by_percent(D("0.05"), [D(45), D(10), D(45)], 2) == [
        D("0.02"),
        D("0.01"),
        D("0.02"),
    ]
    # Equal remainders: the earlier part first.
    assert split_by_percent(D("0.01"), [D(50), D(50)], 2) == [D("0.01"), D("0.00")]
    assert split_by_percent(D("100.00"), [D(0), D(100)], 2) == [D("0.00"), D("100.00")]


def test_split_refuses_what_it_cannot_split_exactly() -> None:
    with pytest.raises(ValueError, match="add up to exactly 100"):
        split_by_percent(D(10), [D(50), D(49)], 2)
    with pytest.raises(ValueError, match="more than 2 decimals"):
        split_by_percent(D("10.001"), [D(100)], 2)
    with pytest.raises(ValueError, match="cannot be negative"):
        split_by_percent(D(10), [D(150), D(-50)], 2)
    with pytest.raises(ValueError, match="0 or more"):
        split_by_percent(D(-10), [D(100)], 2)


@given(
    st.integers(0, 10**10),
    st.lists(st.integers(0, 10_000), min_size=1, max_size=8),
)
def test_split_parts_always_sum_to_the_total(cents: int, weights: list[int]) -> None:
    if sum(weights) == 0:
        weights = [1, *weights[1:]]
    # whole basis points summing to 100 %
    bps = [w * 10_000 // sum(weights) for w in weights]
    bps[0] += 10_000 - sum(bps)
    percents = [D(b).scaleb(-2) for b in bps]
    total = D(cents).scaleb(-2)
    parts = split_by_percent(total, percents, 2)
    assert sum(parts) == total
    for part, pct in zip(parts, percents, strict=True):
        assert type(part) is Decimal
        assert abs(part - total * pct / 100) < D("0.01")
        if pct == 0:
            assert part == 0


def test_format_money_and_percent() -> None:
    assert format_money(D("1117.5"), "CNY") == "¥1,117.50"
    assert format_money(D(3), "EUR") == "€3.00"
    assert format_money(D("-2.5"), "GBP") == "-£2.50"
    assert format_money(D(1200), "JPY") == "1,200 JPY"
    assert format_percent(D(30)) == "30 %"
    assert format_percent(D("23.080")) == "23.08 %"
    assert format_percent(D("2.50")) == "2.5 %"
