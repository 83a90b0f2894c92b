"""The samples domain: labels, costs, and the compare table's best-value marks (every rule)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.kit.money import Money
from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    ComparisonTable,
    Criterion,
    CriterionKind,
    PassFail,
    PhotoAngle,
    Product,
    RowKind,
    Sample,
    SampleStatus,
    compare_samples,
    sample_price,
    total_cost,
)

D = Decimal
P, F = PassFail.PASS, PassFail.FAIL
STAND = Product(
    name="Phone stand",
    name_zh="手机支架",
    length_cm=D("12.0"),
    width_cm=D(8),
    height_cm=D("2.5"),
    weight_kg=D("0.150"),
    criteria=(Criterion("Hinge holds 10 kg", CriterionKind.PASS_FAIL), Criterion("Logo print")),
)


def cny(amount: str) -> Money:
    return Money(D(amount), "CNY")


def usd(amount: str) -> Money:
    return Money(D(amount), "USD")


def marks(table: ComparisonTable, key: str) -> list[bool]:
    return [cell.best for cell in table.row(key).cells]


def values(table: ComparisonTable, key: str) -> list[object]:
    return [cell.value for cell in table.row(key).cells]


# --- vocabularies -------------------------------------------------------------------------------
def test_statuses_and_angles_have_english_and_chinese_labels() -> None:
    assert [s.value for s in SampleStatus] == [
        "requested",
        "shipped",
        "received",
        "evaluated",
        "approved",
        "rejected",
    ]
    assert SampleStatus.SHIPPED.label == "Shipped" and SampleStatus.SHIPPED.label_zh == "已寄出"
    assert [a.value for a in PhotoAngle] == [
        "front",
        "back",
        "side",
        "detail",
        "defect",
        "packaging",
        "other",
    ]
    assert PhotoAngle.DEFECT.label == "Defect" and PhotoAngle.DEFECT.label_zh == "瑕疵"
    assert all(member.label and member.label_zh for member in (*SampleStatus, *PhotoAngle))


def test_built_in_criteria_come_first_and_are_scored_one_to_five() -> None:
    assert [c.name for c in BUILT_IN_CRITERIA] == [
        "appearance",
        "function",
        "material",
        "packaging",
    ]
    assert all(c.built_in and c.kind is CriterionKind.SCORE for c in BUILT_IN_CRITERIA)
    assert BUILT_IN_CRITERIA[0].label == "Appearance (colour, size, workmanship)"
    assert [c.label for c in STAND.all_criteria][4:] == ["Hinge holds 10 kg", "Logo print"]


# --- costs ----------------------------------------------------------------------------------------
def test_total_is_price_plus_shipping_in_one_currency() -> None:
    assert total_cost(Sample(price=cny("15.50"), shipping=cny("8"))) == cny("23.50")
    assert total_cost(Sample(price=cny("15"), shipping=None)) is None
    assert total_cost(Sample(price=None, shipping=cny("8"))) is None
    assert total_cost(Sample(price=usd("15"), shipping=cny("8"))) is None  # no rate is guessed


def test_a_free_sample_costs_nothing_in_its_own_currency() -> None:
    assert sample_price(Sample(free=True)) == cny("0")
    assert sample_price(Sample(free=True, shipping=usd("20"))) == usd("0")
    assert sample_price(Sample(free=True, price=usd("0"), shipping=cny("9"))) == usd("0")
    assert total_cost(Sample(free=True, shipping=cny("12"))) == cny("12")
    assert total_cost(Sample(free=True)) is None  # the shipping is not known yet


def test_lowest_cost_is_best_and_ties_are_all_marked() -> None:
    table = compare_samples(
        STAND,
        [
            Sample(price=cny("20"), shipping=cny("10")),
            Sample(price=cny("25"), shipping=cny("5")),
            Sample(free=True, shipping=cny("30")),
            Sample(price=cny("12"), shipping=None),
        ],
    )
    assert values(table, "total") == [cny("30"), cny("30"), cny("30"), None]
    assert marks(table, "total") == [True, True, True, False]  # unknown is never best
    assert marks(table, "price") == [False, False, True, False]  # free: 0
    assert marks(table, "shipping") == [False, True, False, False]
    assert table.row("total").kind is RowKind.COST and table.row("total").note == ""


def test_costs_in_different_currencies_are_not_compared_and_the_row_says_so() -> None:
    table = compare_samples(
        STAND,
        [Sample(price=cny("100"), shipping=cny("20")), Sample(price=usd("15"), shipping=usd("3"))],
    )
    for key in ("price", "shipping", "total"):
        assert marks(table, key) == [False, False]
        assert table.row(key).note == "In CNY and USD: not compared without an exchange rate."


def test_a_sample_mixing_currencies_has_no_total_and_its_cell_says_why() -> None:
    table = compare_samples(
        STAND,
        [Sample(price=usd("15"), shipping=cny("20")), Sample(price=cny("90"), shipping=cny("9"))],
    )
    mixed, plain = table.row("total").cells
    assert mixed.value is None and "Price in USD and shipping in CNY" in mixed.note
    assert plain.value == cny("99") and plain.note == ""
    # One known total alone has won nothing; the price row mixes currencies.
    assert marks(table, "total") == [False, False]
    assert "USD" in table.row("price").note


# --- measurements ---------------------------------------------------------------------------------
def test_measurements_show_signed_deviation_and_percent_of_the_target() -> None:
    table = compare_samples(
        STAND, [Sample(length_cm=D("12.3")), Sample(length_cm=D("11.9")), Sample(length_cm=None)]
    )
    row = table.row("length_cm")
    assert row.kind is RowKind.MEASUREMENT and row.unit == "cm" and row.target == D("12.0")
    assert [(c.value, c.deviation, c.deviation_percent) for c in row.cells] == [
        (D("12.3"), D("0.3"), D("2.5")),
        (D("11.9"), D("-0.1"), D("-0.8")),  # -0.8333 -> -0.8
        (None, None, None),
    ]
    assert marks(table, "length_cm") == [False, True, False]


def test_percent_rounds_half_up_and_weight_is_in_kilograms() -> None:
    spec = Product(name="x", weight_kg=D("0.200"), height_cm=D(8))
    table = compare_samples(
        spec,
        [
            Sample(weight_kg=D("0.2001"), height_cm=D("8.004")),
            Sample(weight_kg=D("0.1999"), height_cm=D("7.996")),
        ],
    )
    weight = table.row("weight_kg")
    assert weight.unit == "kg"
    assert [c.deviation_percent for c in weight.cells] == [D("0.1"), D("-0.1")]  # 0.05 -> 0.1
    assert [c.deviation for c in weight.cells] == [D("0.0001"), D("-0.0001")]
    assert marks(table, "weight_kg") == [True, True]  # equally far, either side: a tie
    height = table.row("height_cm")
    assert [c.deviation_percent for c in height.cells] == [D("0.1"), D("-0.1")]  # 0.05 up


def test_the_smallest_absolute_deviation_wins_whatever_its_sign() -> None:
    table = compare_samples(
        STAND, [Sample(width_cm=D("8.5")), Sample(width_cm=D("7.8")), Sample(width_cm=D("8"))]
    )
    assert marks(table, "width_cm") == [False, False, True]  # exactly on spec
    assert table.row("width_cm").cells[2].deviation == D(0)


def test_without_a_target_nothing_is_marked_and_the_row_says_so() -> None:
    table = compare_samples(Product(name="x"), [Sample(height_cm=D(3)), Sample(height_cm=D("2.5"))])
    row = table.row("height_cm")
    assert [c.value for c in row.cells] == [D(3), D("2.5")]
    assert all(c.deviation is None and not c.best for c in row.cells)
    assert row.note == "The spec has no target height: deviations cannot be worked out."


# --- criteria -------------------------------------------------------------------------------------
def test_the_highest_score_is_best_ties_all_marked_unknown_never() -> None:
    table = compare_samples(
        STAND,
        [
            Sample(scores={"appearance": 4, "function": 2, "Logo print": 3}),
            Sample(scores={"appearance": 5, "function": 2}),
            Sample(scores={"appearance": 5}),
        ],
    )
    assert marks(table, "criterion:appearance") == [False, True, True]
    assert marks(table, "criterion:function") == [True, True, False]
    assert values(table, "criterion:function") == [2, 2, None]
    # A low score is still the best of those known, when at least two are known.
    assert marks(table, "criterion:Logo print") == [False, False, False]  # only one known
    assert table.row("criterion:appearance").kind is RowKind.CRITERION


def test_pass_beats_fail_and_a_fail_is_never_best() -> None:
    hinge = "criterion:Hinge holds 10 kg"

    def row_for(*results: PassFail | None) -> list[bool]:
        samples = [Sample(scores={} if r is None else {"Hinge holds 10 kg": r}) for r in results]
        return marks(compare_samples(STAND, samples), hinge)

    assert row_for(P, F, None) == [True, False, False]
    assert row_for(P, P, F) == [True, True, False]
    assert row_for(F, F) == [False, False]  # every sample failed: no best
    assert row_for(P, None) == [False, False]  # one known value alone has won nothing
    assert row_for(P, F) == [True, False]


def test_a_score_of_the_wrong_kind_counts_as_unknown() -> None:
    table = compare_samples(
        STAND,
        [
            Sample(scores={"appearance": P, "Hinge holds 10 kg": 5}),
            Sample(scores={"appearance": True, "Hinge holds 10 kg": P}),
            Sample(scores={"appearance": 3}),
        ],
    )
    assert values(table, "criterion:appearance") == [None, None, 3]
    assert values(table, "criterion:Hinge holds 10 kg") == [None, P, None]


# --- the table --------------------------------------------------------------------------------------
def test_rows_come_in_a_fixed_order_with_one_cell_per_sample_in_the_given_order() -> None:
    first, second = Sample(variant="black", id=7), Sample(variant="white", id=3)
    table = compare_samples(STAND, [first, second])
    assert table.samples == (first, second) and table.product is STAND
    assert [row.key for row in table.rows] == [
        "price",
        "shipping",
        "total",
        "length_cm",
        "width_cm",
        "height_cm",
        "weight_kg",
        "criterion:appearance",
        "criterion:function",
        "criterion:material",
        "criterion:packaging",
        "criterion:Hinge holds 10 kg",
        "criterion:Logo print",
    ]
    assert all(len(row.cells) == 2 for row in table.rows)
    with pytest.raises(KeyError):
        table.row("colour")


def test_one_sample_or_none_marks_nothing() -> None:
    alone = compare_samples(STAND, [Sample(price=cny("1"), shipping=cny("1"), length_cm=D(12))])
    assert not any(cell.best for row in alone.rows for cell in row.cells)
    empty = compare_samples(STAND, [])
    assert empty.samples == () and all(row.cells == () for row in empty.rows)
