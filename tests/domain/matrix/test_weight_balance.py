from decimal import Decimal

import pytest

from app.domain.matrix.scoring import Criterion, Weights
from app.domain.matrix.weight_balance import rebalance


def _ints(weights: Weights) -> tuple[int, ...]:
    return tuple(int(w) for w in weights.as_dict().values())


def test_the_others_share_what_is_left_in_proportion() -> None:
    # Quality 40 -> 60: 40 left for D 30, S 20, C 10 (3:2:1) -> 20, 13.33, 6.67 -> 20, 13, 7
    result = rebalance(Weights(), Criterion.QUALITY, 60)
    assert _ints(result) == (60, 20, 13, 7)
    assert sum(result.as_dict().values()) == Decimal(100)


def test_the_changed_weight_keeps_its_value_and_the_total_is_100() -> None:
    weights = Weights()
    for criterion in Criterion:
        for value in (0, 1, 33, 50, 99, 100):
            result = rebalance(weights, criterion, value)
            assert getattr(result, criterion.value) == Decimal(value)
            assert sum(result.as_dict().values()) == Decimal(100)


def test_others_all_zero_share_equally() -> None:
    all_quality = Weights(Decimal(100), Decimal(0), Decimal(0), Decimal(0))
    assert _ints(rebalance(all_quality, Criterion.QUALITY, 70)) == (70, 10, 10, 10)
    assert _ints(rebalance(all_quality, Criterion.QUALITY, 99)) == (99, 1, 0, 0)


@pytest.mark.parametrize("value, expected", [(-5, 0), (140, 100)])
def test_values_out_of_range_are_clamped(value: int, expected: int) -> None:
    result = rebalance(Weights(), Criterion.COST, value)
    assert result.cost == Decimal(expected)
    assert sum(result.as_dict().values()) == Decimal(100)
