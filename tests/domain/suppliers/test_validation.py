from datetime import date
from decimal import Decimal

import pytest

from app.domain.kit.money import Money, parse_decimal
from app.domain.suppliers.supplier import Contact, RedFlag
from app.domain.suppliers.validation import validate_supplier
from tests.factories import hengda, minimal

TODAY = date(2026, 11, 29)


def test_a_full_record_is_valid() -> None:
    assert validate_supplier(hengda(), TODAY) == {}


def test_a_name_is_required_in_either_language() -> None:
    assert "name_zh" in validate_supplier(minimal(), TODAY)
    assert validate_supplier(minimal(name_en="Only English"), TODAY) == {}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("reorder_rate", Decimal("100.1"), "0 and 100"),
        ("on_time_rate", Decimal("-1"), "0 and 100"),
        ("quality_score", Decimal("5.5"), "0 and 5"),
        ("member_since", 2027, "future"),
        ("member_since", 1990, "2002"),
        ("shop_url", "hengda 1688", "http"),
        ("deposit", Money(Decimal("-5")), "negative"),
    ],
)
def test_each_rule_names_its_field(field: str, value: object, words: str) -> None:
    errors = validate_supplier(hengda(**{field: value}), TODAY)
    assert list(errors) == [field]
    assert words in errors[field]


def test_boundaries_are_allowed() -> None:
    record = hengda(reorder_rate=Decimal(100), on_time_rate=Decimal(0), member_since=2026)
    assert validate_supplier(record, TODAY) == {}


def test_list_items_are_checked_by_position() -> None:
    record = hengda(
        contacts=[Contact(person="ok"), Contact(email="not-an-email", phone="call me")],
        red_flags=[RedFlag(noted_on=date(2027, 1, 1))],
    )
    assert set(validate_supplier(record, TODAY)) == {
        "contacts[1].email",
        "contacts[1].phone",
        "red_flags[0].noted_on",
    }


def test_money_minor_units_are_exact() -> None:
    assert Money(Decimal("3000.005")).to_minor() == 300001
    assert Money.from_minor(300001, "CNY").amount == Decimal("3000.01")
    assert Money.from_minor(1500, "JPY").amount == Decimal("1500")
    assert sum((Money.from_minor(10).amount for _ in range(1000)), Decimal(0)) == Decimal("100.00")


@pytest.mark.parametrize(
    ("text", "value"), [("3,000", "3000"), ("¥ 12.50", "12.50"), ("45.5 %", "45.5")]
)
def test_parse_decimal_reads_what_people_type(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", ["abc", "", "1.2.3", "nan", "inf"])
def test_parse_decimal_refuses_non_numbers(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


# --- issue 13: a red flag can be resolved with a date and a note ---------------------------


def test_a_resolved_red_flag_needs_its_date_and_note_and_stops_counting() -> None:
    noted = date(2026, 10, 2)
    resolved = RedFlag(noted_on=noted, resolved_on=TODAY, resolution="Licence seen at the visit")
    record = hengda(red_flags=[resolved, RedFlag(noted_on=noted)])
    assert validate_supplier(record, TODAY) == {}
    assert resolved.resolved and record.open_red_flags() == [record.red_flags[1]]


@pytest.mark.parametrize(
    ("flag", "key", "words"),
    [
        (RedFlag(noted_on=date(2026, 10, 2), resolved_on=date(2026, 10, 1), resolution="x"),
         "resolved_on", "before it was noted"),
        (RedFlag(resolved_on=date(2026, 11, 30), resolution="x"), "resolved_on", "future"),
        (RedFlag(resolved_on=date(2026, 11, 29)), "resolution", "how it was resolved"),
        (RedFlag(resolution="checked"), "resolved_on", "date it was resolved"),
    ],
)  # fmt: skip
def test_a_resolution_is_dated_not_before_the_flag_and_says_how(
    flag: RedFlag, key: str, words: str
) -> None:
    errors = validate_supplier(hengda(red_flags=[flag]), TODAY)
    assert list(errors) == [f"red_flags[0].{key}"]
    assert words in errors[f"red_flags[0].{key}"]


def test_resolving_on_the_day_it_was_noted_is_fine() -> None:
    flag = RedFlag(noted_on=TODAY, resolved_on=TODAY, resolution="Misunderstanding, cleared up")
    assert validate_supplier(hengda(red_flags=[flag]), TODAY) == {}
