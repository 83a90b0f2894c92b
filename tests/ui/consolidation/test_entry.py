"""Numbers and sizes as the user types them on the Consolidation tab, and figures as shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.kit.money import Money
from app.ui.consolidation.entry import (
    kg_text,
    money_text,
    read_amount,
    read_measure,
    read_whole,
    split_sides,
)
from app.ui.widgets.parsing import ParseError

D = Decimal


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.25", D("1.25")),
        ("1,25", D("1.25")),
        ("6.4 kg", D("6.4")),
        ("1,250", D("1.250")),
        ("", None),
        (" 50 cm ", D(50)),
    ],
)
def test_a_weight_or_a_side_reads_a_decimal_comma(typed: str, value: Decimal | None) -> None:
    assert read_measure(typed, "the weight") == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1,250", D(1250)), ("12,345.50", D("12345.50")), ("12,5", D("12.5")), ("¥2.80", D("2.80"))],
)
def test_an_amount_groups_thousands_and_reads_a_decimal_comma(typed: str, value: Decimal) -> None:
    assert read_amount(typed, "the price") == value


@pytest.mark.parametrize(
    ("typed", "sides"),
    [
        ("50×40×30", ("50", "40", "30")),
        ("50 x 40 x 30 cm", ("50", "40", "30")),
        ("50*40*30", ("50", "40", "30")),
        ("50 40 30", ("50", "40", "30")),
        ("45,5×35×25", ("45,5", "35", "25")),
        ("50", None),
        ("50×40", None),
        ("big×40×30", None),
    ],
)
def test_three_sides_typed_in_one_field_are_split(typed: str, sides: tuple | None) -> None:
    assert split_sides(typed) == sides


def test_words_are_refused_with_what_was_meant() -> None:
    with pytest.raises(ParseError, match="not a number: the weight"):
        read_measure("heavy", "the weight")
    with pytest.raises(ParseError, match="not a whole number"):
        read_whole("2.5", "the quantity")


def test_figures_are_shown_exact_or_marked_approximate() -> None:
    assert kg_text(D("20.5")) == "20.5 kg"
    assert kg_text(D("15.61625")) == "≈15.616 kg"
    assert kg_text(None) == "—"
    assert money_text(Money(D("1286.5"), "CNY")) == "¥1,286.50"
