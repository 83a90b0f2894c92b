"""Rounding, splitting and showing money: the one way every Negotiation rule does it.

Rules, decided once:
- Money is Decimal, never float. An amount is rounded to its currency's minor unit
  (kit.money.exponent: 2 for CNY, EUR, USD; 0 for JPY) ROUND_HALF_UP, once, when it is computed
  (domain.md: Rounding). Python's round() is half-even and is not used.
- A price that must reach a target (a selling price) is rounded UP to the minor unit, from the
  exact rational value, so the target is always met (domain.md: Selling price).
- Splitting a total by percentages (payment plans, cost structure) is by largest remainder
  (domain.md: Allocation): each exact share is rounded DOWN to the unit, then the units left
  over go one at a time to the largest remainders; equal remainders go to the earlier part. The
  parts sum exactly to the total and a 0 % part gets exactly 0. Putting the whole remainder on
  the last part is not done: it can move a cent onto a part whose exact share was the smallest.
- Percentages are written as percent (30 means 30 %), as the user types them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from app.domain.kit.money import exponent

HUNDRED = Decimal(100)
ZERO = Decimal(0)
MAX_AMOUNT = Decimal(10) ** 12  # a trillion: far above any order, and exact in 28 digits
MAX_QUANTITY = 10**9
_SYMBOLS = {"CNY": "¥", "EUR": "€", "GBP": "£", "USD": "$"}


@lru_cache(maxsize=64)
def minor_unit(currency: str) -> Decimal:
    """0.01 for CNY and EUR, 1 for JPY."""
    return Decimal(1).scaleb(-exponent(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    """To the currency's minor unit, half up (2.345 -> 2.35, never the half-even 2.34)."""
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def ceil_money(value: Decimal | Fraction, currency: str) -> Decimal:
    """Up to the currency's minor unit, exactly (a rational value is never pre-rounded)."""
    places = exponent(currency)
    scaled = Fraction(value) * 10**places
    return Decimal(math.ceil(scaled)).scaleb(-places).quantize(minor_unit(currency))


def decimal_places(value: Decimal) -> int:
    """How many decimals a number was written with (3.20 -> 2, 5 -> 0)."""
    exp = value.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def split_by_percent(total: Decimal, percents: Sequence[Decimal], places: int) -> list[Decimal]:
    """`total` split into parts of `percents` (summing to 100) at `places` decimals, by largest
    remainder (see the module rules). The total must already have at most `places` decimals."""
    if sum(percents, ZERO) != HUNDRED:
        raise ValueError("The percentages must add up to exactly 100 %.")
    if any(p < 0 for p in percents):
        raise ValueError("A percentage cannot be negative.")
    if total < 0:
        raise ValueError("Only an amount of 0 or more can be split.")
    units = Fraction(total) * 10**places
    if units.denominator != 1:
        raise ValueError(f"{total} has more than {places} decimals.")
    exact = [units * Fraction(p) / 100 for p in percents]
    floors = [math.floor(share) for share in exact]
    left = int(units) - sum(floors)
    # sorted() is stable: among equal remainders the earlier part comes first.
    order = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += 1
    quantum = Decimal(1).scaleb(-places)
    return [Decimal(units_).scaleb(-places).quantize(quantum) for units_ in floors]


def format_money(amount: Decimal, currency: str) -> str:
    """'¥1,117.50', '€3.00', '£135.00', '$800.00'; other currencies as '1,200 JPY'."""
    places = exponent(currency)
    sign = "-" if amount < 0 else ""
    number = f"{abs(amount):,.{places}f}"
    symbol = _SYMBOLS.get(currency.upper())
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{number} {currency.upper()}"


def format_percent(value: Decimal) -> str:
    """'30 %', '23.08 %', '2.5 %': as typed, without trailing zeros."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text} %"
