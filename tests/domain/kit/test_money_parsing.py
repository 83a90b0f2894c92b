"""Numbers the way a 1688 buyer writes them (issue 14): '80k', '10万', '1.2万', '2017年',
'¥3.20', '3,200' are read, and the reading is said when it is not plain to see."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.kit.money import parse_decimal, reading_of


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("80k", Decimal(80_000)),
        ("80K", Decimal(80_000)),
        ("10万", Decimal(100_000)),
        ("1.2万", Decimal(12_000)),
        ("3千", Decimal(3_000)),
        ("2017年", Decimal(2017)),
        ("¥3.20", Decimal("3.20")),
        ("3,200", Decimal(3200)),
        ("45 %", Decimal(45)),
        (" 12.5 ", Decimal("12.5")),
    ],
)
def test_numbers_as_buyers_write_them(text: str, value: Decimal) -> None:
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["abc", "万", "1.2.3万", "nan", "k"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_decimal(text)


def test_the_reading_is_said_when_it_is_not_plain() -> None:
    assert reading_of("10万", parse_decimal("10万")) == "= 100,000"
    assert reading_of("1.2万", parse_decimal("1.2万")) == "= 12,000"
    assert reading_of("3,200", parse_decimal("3,200")) == "= 3,200"
    assert reading_of("3200", parse_decimal("3200")) == ""
