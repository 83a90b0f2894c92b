"""Issue 13: years of membership from the join month, "< 1 year", domain.md's membership table,
and the source factory's 1,000 m² requirement."""

from datetime import date
from decimal import Decimal

import pytest

from app.domain.suppliers.choices import Membership
from app.domain.suppliers.membership import (
    MEMBERSHIP_TABLE,
    membership_table_text,
    membership_years,
    parse_member_since,
    source_factory_area_warning,
    years_text,
)
from app.domain.suppliers.validation import validate_supplier
from tests.factories import hengda


def test_joined_december_2025_is_under_a_year_on_5_january_2026() -> None:
    """The bug: counting calendar years made this "1 year"."""
    assert membership_years(2025, 12, date(2026, 1, 5)) == 0
    assert years_text(membership_years(2025, 12, date(2026, 1, 5))) == "< 1 year"
    assert hengda(member_since=2025, member_since_month=12).membership_years(date(2026, 1, 5)) == 0


@pytest.mark.parametrize(
    ("joined", "today", "years"),
    [
        ((2025, 1), date(2026, 1, 1), 1),  # twelve completed months: 1 year
        ((2025, 2), date(2026, 1, 31), 0),  # eleven
        ((2023, 6), date(2026, 5, 31), 2),
        ((2023, 6), date(2026, 6, 1), 3),  # 3 years: domain.md's good sign starts here
        ((2026, 11), date(2026, 11, 29), 0),
    ],
)
def test_years_are_completed_years_since_the_join_month(
    joined: tuple[int, int], today: date, years: int
) -> None:
    assert membership_years(*joined, today) == years


def test_a_year_without_a_month_counts_from_its_december() -> None:
    """Never older than it can be: joined "2025" may be December 2025."""
    assert membership_years(2025, None, date(2026, 11, 30)) == 0
    assert membership_years(2025, None, date(2026, 12, 1)) == 1
    assert membership_years(None, None, date(2026, 12, 1)) is None


@pytest.mark.parametrize(
    ("years", "long", "short"),
    [(0, "< 1 year", "< 1 y"), (1, "1 year", "1 y"), (7, "7 years", "7 y"), (None, "", "")],
)
def test_years_in_words(years: int | None, long: str, short: str) -> None:
    assert years_text(years) == long and years_text(years, short=True) == short


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2019", (2019, None)),
        ("2019-03", (2019, 3)),
        ("2019/3", (2019, 3)),
        ("2019年3月", (2019, 3)),
        ("2019.12", (2019, 12)),
        ("2019-03-15", (2019, 3)),
    ],
)
def test_member_since_is_typed_as_a_year_or_a_year_and_month(text: str, parsed: tuple) -> None:
    assert parse_member_since(text) == parsed


@pytest.mark.parametrize(("text", "words"), [("2019-13", "month must be 1 to 12"), ("x", "year")])
def test_a_bad_member_since_says_why(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_member_since(text)


def test_a_join_month_in_the_future_or_without_a_year_is_refused() -> None:
    today = date(2026, 11, 29)
    assert validate_supplier(hengda(member_since=2026, member_since_month=11), today) == {}
    future = validate_supplier(hengda(member_since=2026, member_since_month=12), today)
    assert "future" in future["member_since"]
    alone = validate_supplier(hengda(member_since=None, member_since_month=3), today)
    assert "year" in alone["member_since"]


def test_the_membership_table_follows_domain_md() -> None:
    assert MEMBERSHIP_TABLE[Membership.SOURCE_FACTORY].risk == "very low"
    assert MEMBERSHIP_TABLE[Membership.STRONG].risk == "low"
    assert MEMBERSHIP_TABLE[Membership.BASIC].risk == "medium"
    assert MEMBERSHIP_TABLE[Membership.NONE].risk == "disqualifying"
    text = membership_table_text()
    for words in (
        "Basic member 诚信通: about 6,688 CNY a year · business licence · risk medium",
        "Source factory 源头工厂: about 120,000 USD a year · factory over 1,000 m²",
        "3-5+ years is a good sign",
    ):
        assert words in text


@pytest.mark.parametrize(
    ("membership", "area", "flagged"),
    [
        (Membership.SOURCE_FACTORY, Decimal(999), True),
        (Membership.SOURCE_FACTORY, Decimal("999.9"), True),
        (Membership.SOURCE_FACTORY, Decimal(1000), False),  # not under 1,000 m²
        (Membership.SOURCE_FACTORY, None, False),  # no area recorded: nothing to check
        (Membership.STRONG, Decimal(300), False),  # only the source factory badge requires it
    ],
)
def test_a_source_factory_under_1000_square_metres_is_flagged(
    membership: Membership, area: Decimal | None, flagged: bool
) -> None:
    warning = source_factory_area_warning(membership, area)
    assert bool(warning) is flagged
    if flagged:
        assert "源头工厂" in warning and "1,000 m²" in warning
