"""Allocating a shared cost by largest remainder (every rule, and properties by hypothesis)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.consolidation.allocation import (
    AllocationBasis,
    AllocationItem,
    allocate,
    split_by_weights,
)
from app.domain.kit.money import Money

D = Decimal


def cny(amount: str) -> Money:
    return Money(D(amount), "CNY")


def items(*kgs: str) -> list[AllocationItem]:
    return [AllocationItem(i, f"Item {i}", chargeable_kg=D(kg)) for i, kg in enumerate(kgs)]


def test_leftover_cents_go_to_the_largest_remainders_earlier_first() -> None:
    result = allocate(cny("100.00"), items("1", "1", "1"))
    assert result.parts == (cny("33.34"), cny("33.33"), cny("33.33"))
    assert allocate(cny("10.00"), items("1", "2", "3.5")).parts == (
        cny("1.54"),  # 1.538
        cny("3.08"),  # 3.077
        cny("5.38"),  # 5.385
    )


def test_a_zero_basis_gets_exactly_zero() -> None:
    assert allocate(cny("0.05"), items("0", "1", "1")).parts == (cny("0"), cny("0.03"), cny("0.02"))


def test_all_zero_falls_back_to_equal_and_says_so() -> None:
    result = allocate(cny("1.00"), items("0", "0", "0"))
    assert result.parts == (cny("0.34"), cny("0.33"), cny("0.33"))
    assert result.fell_back_to_equal
    assert result.note == "Every item's chargeable weight is 0: the cost is shared equally."


def test_every_basis() -> None:
    goods = [
        AllocationItem("a", volume_cm3=D(3000), value=D("10"), quantity=1),
        AllocationItem("b", volume_cm3=D(1000), value=D("30"), quantity=3),
    ]
    total = cny("40.00")
    assert allocate(total, goods, AllocationBasis.VOLUME).parts == (cny("30.00"), cny("10.00"))
    assert allocate(total, goods, AllocationBasis.VALUE).parts == (cny("10.00"), cny("30.00"))
    assert allocate(total, goods, AllocationBasis.QUANTITY).parts == (cny("10.00"), cny("30.00"))
    assert allocate(total, goods, AllocationBasis.EQUAL).parts == (cny("20.00"), cny("20.00"))
    assert AllocationBasis.CHARGEABLE_WEIGHT.label_zh == "按计费重"


def test_a_refund_mirrors_the_charge_and_yen_have_no_cents() -> None:
    assert allocate(cny("-100.00"), items("1", "1", "1")).parts == (
        cny("-33.34"),
        cny("-33.33"),
        cny("-33.33"),
    )
    yen = allocate(Money(D(100), "JPY"), items("1", "1", "1")).parts
    assert [p.amount for p in yen] == [34, 33, 33]


def test_bad_bases_are_refused_in_user_words() -> None:
    with pytest.raises(ValueError, match="The chargeable weight of Item 1 must be 0 or more"):
        allocate(cny("1"), items("1", "-2"))
    with pytest.raises(ValueError, match="add at least one item"):
        allocate(cny("1"), [])


bases = st.lists(
    st.one_of(st.just(D(0)), st.decimals(min_value=0, max_value=10**6, places=3)),
    min_size=1,
    max_size=30,
).filter(any)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), bases)
def test_parts_sum_exactly_and_stay_within_a_cent_of_the_exact_share(
    cents: int, weights: list[Decimal]
) -> None:
    total = Money.from_minor(cents, "CNY")
    parts = split_by_weights(total, weights)
    minor = [p.to_minor() for p in parts]
    assert sum(minor) == cents
    assert all(m >= 0 for m in minor)
    whole = sum(Fraction(w) for w in weights)
    for m, w in zip(minor, weights, strict=True):
        exact = Fraction(cents) * Fraction(w) / whole
        assert abs(m - exact) < 1
        if w == 0:
            assert m == 0
