"""1688 membership: the levels' cost, requirements and risk (domain.md), how long a supplier has
been a member, and the checks a level implies.

Rules, decided once:
- Years of membership are counted from the join month (month precision is enough): completed
  months between the first of the join month and today, divided by 12. Joined December 2025,
  on 5 January 2026 that is 1 month: "< 1 year" (not "1 year", as counting calendar years gave).
- A join year without its month counts from December of that year, the latest it can be: a
  risk rule must never make a supplier older than it is (joined "2025": "< 1 year" until
  December 2026).
- A source factory (源头工厂) must have a factory over 1,000 m² (domain.md); one whose recorded
  factory area is under 1,000 m² is flagged for a check (exactly 1,000 is not flagged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.suppliers.choices import Membership

UNKNOWN_MONTH = 12  # a join year without a month counts from its December (see above)
SOURCE_FACTORY_MIN_AREA = Decimal(1000)  # m², domain.md: source factory requirement
GOOD_SIGN_YEARS = 3  # domain.md: 3-5+ years of membership is a good sign


@dataclass(frozen=True, slots=True)
class LevelFacts:
    """One row of domain.md's membership table."""

    cost: str
    requirement: str
    risk: str


# domain.md: Suppliers ▸ 1688 membership (会员等级)
MEMBERSHIP_TABLE: dict[Membership, LevelFacts] = {
    Membership.BASIC: LevelFacts("about 6,688 CNY a year", "business licence", "medium"),
    Membership.STRONG: LevelFacts(
        "about 4,000-8,000 USD a year", "stricter audit, higher registered capital", "low"
    ),
    Membership.SOURCE_FACTORY: LevelFacts(
        "about 120,000 USD a year",
        "factory over 1,000 m², sales over 1.5M USD, third-party verified",
        "very low",
    ),
    Membership.NONE: LevelFacts("—", "—", "disqualifying"),
}


def membership_table_text() -> str:
    """The table as plain lines, for the supplier editor's tooltip."""
    lines = ["1688 membership (会员等级): cost · requirements · risk"]
    for level in (Membership.BASIC, Membership.STRONG, Membership.SOURCE_FACTORY, Membership.NONE):
        facts = MEMBERSHIP_TABLE[level]
        lines.append(
            f"{level.label} {level.label_zh}: {facts.cost} · {facts.requirement} · "
            f"risk {facts.risk}"
        )
    lines.append(
        f"Years of membership (诚信通年限): {GOOD_SIGN_YEARS}-5+ years is a good sign; "
        "under 1 year is disqualifying."
    )
    return "\n".join(lines)


def membership_months(year: int | None, month: int | None, today: date) -> int | None:
    """Completed months of membership (None when the join year is unknown; never negative)."""
    if year is None:
        return None
    joined_month = UNKNOWN_MONTH if month is None else month
    return max(0, (today.year - year) * 12 + today.month - joined_month)


def membership_years(year: int | None, month: int | None, today: date) -> int | None:
    """Completed years of membership by the rules above (0 means under a year)."""
    months = membership_months(year, month, today)
    return None if months is None else months // 12


def years_text(years: int | None, *, short: bool = False) -> str:
    """ "< 1 year", "1 year", "7 years" ("< 1 y", "7 y" short); "" when unknown."""
    if years is None:
        return ""
    unit = "y" if short else ("year" if years <= 1 else "years")
    return f"< 1 {unit}" if years < 1 else f"{years} {unit}"


def member_since_text(year: int | None, month: int | None) -> str:
    """ "2019-03" with a month, "2019" without, "" unknown."""
    if year is None:
        return ""
    return f"{year}" if month is None else f"{year}-{month:02d}"


_SINCE = re.compile(
    r"^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?)?\s*(?:[-/.]\s*\d{1,2}\s*日?)?\s*$"
)


def parse_member_since(text: str) -> tuple[int, int | None]:
    """'2019' -> (2019, None); '2019-03', '2019/3', '2019年3月', '2019-03-15' -> (2019, 3)."""
    found = _SINCE.match(text)
    if not found:
        raise ValueError(f"'{text.strip()}' is not a year or a year and month (2019 or 2019-03)")
    month = None if found.group(2) is None else int(found.group(2))
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text.strip()}': the month must be 1 to 12")
    return int(found.group(1)), month


def source_factory_area_warning(membership: Membership | None, area: Decimal | None) -> str:
    """Why a source factory's recorded area needs a check, or "" when it does not."""
    if membership is not Membership.SOURCE_FACTORY or area is None:
        return ""
    if area >= SOURCE_FACTORY_MIN_AREA:
        return ""
    return (
        f"Check the badge: a source factory (源头工厂) needs a factory over "
        f"{SOURCE_FACTORY_MIN_AREA:,} m², and {area.normalize():,f} m² is recorded."
    )
