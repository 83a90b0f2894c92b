"""Shared helpers of the consolidation rules: exact number checks, steps, cents, number text.

Rules, decided once:
- Weights are kg, lengths cm, volumes cm³ (m³ only where a rule says so), money a Decimal with
  a currency; float is refused everywhere (kit.numbers.number_problem).
- Rounding up to a step is ceil(value / step) × step, worked out in a 60-digit context so it is
  exact for anything a user can type, and never less than one step.
- Money is rounded to the currency's minor unit ROUND_HALF_UP (domain.md: Rounding).
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_HALF_UP, Context, Decimal
from math import isqrt

from app.domain.kit.money import Money, exponent
from app.domain.kit.numbers import number_problem

MESSAGES = "domain.consolidation"  # the catalogue context of the rules' messages (kit.message)
WIDE_PRECISION = 60  # digits: products and quotients of typed numbers stay exact
WIDE = Context(prec=WIDE_PRECISION)  # used explicitly (WIDE.divide ...): no context switching
ZERO = Decimal(0)


def problem(
    value: object, label: str, *, minimum: Decimal | int | None = None, positive: bool = False
) -> str | None:
    """Why `value` is not a usable exact number (or not above 0 when `positive`), or None."""
    floor = None if minimum is None else Decimal(minimum)
    text = number_problem(value, label, minimum=floor)
    if text is None and positive and Decimal(value) <= 0:  # type: ignore[arg-type]
        text = f"{label} must be more than 0, not {value}."
    return text


def require(
    value: object, label: str, *, minimum: Decimal | int | None = None, positive: bool = False
) -> Decimal:
    """`value` as a Decimal, or ValueError saying what is wrong with it."""
    text = problem(value, label, minimum=minimum, positive=positive)
    if text is not None:
        raise ValueError(text)
    return Decimal(value)  # type: ignore[arg-type]


def ceil_to_step(value: Decimal, step: Decimal) -> Decimal:
    """`value` rounded up to a whole number of steps, at least one step."""
    steps = WIDE.divide(value, step).to_integral_value(rounding=ROUND_CEILING, context=WIDE)
    return WIDE.multiply(max(steps, Decimal(1)), step)


def ceil_div(value: Decimal, divisor: Decimal) -> int:
    """The smallest whole number n with n × divisor >= value (value, divisor > 0), exactly."""
    n = int(WIDE.divide(value, divisor).to_integral_value(rounding=ROUND_CEILING, context=WIDE))
    while WIDE.multiply(n, divisor) < value:
        n += 1
    while n > 1 and WIDE.multiply(n - 1, divisor) >= value:
        n -= 1
    return max(n, 1)


def ceil_sqrt(value: Decimal) -> int:
    """The smallest whole number n >= 1 with n² >= value, exactly (no float)."""
    target = int(value.to_integral_value(rounding=ROUND_CEILING, context=WIDE))  # n² >= ceil
    target = max(target, 1)
    root = isqrt(target)
    return root if root * root == target else root + 1


def ceil_cbrt(value: Decimal) -> int:
    """The smallest whole number n >= 1 with n³ >= value, exactly (binary search on ints)."""
    target = max(int(value.to_integral_value(rounding=ROUND_CEILING, context=WIDE)), 1)
    low, high = 1, 1
    while high**3 < target:
        high *= 2
    while low < high:
        middle = (low + high) // 2
        if middle**3 >= target:
            high = middle
        else:
            low = middle + 1
    return low


def round_money(amount: Decimal, currency: str) -> Money:
    """`amount` rounded half up to the currency's minor unit (cents, fen; yen have none)."""
    return Money(round_amount(amount, currency), currency)


def round_amount(amount: Decimal, currency: str) -> Decimal:
    """round_money's amount alone (for searches that only add amounts up)."""
    quantum = _QUANTA.get(currency)
    if quantum is None:
        quantum = _QUANTA[currency] = Decimal(1).scaleb(-exponent(currency))
    return amount.quantize(quantum, rounding=ROUND_HALF_UP, context=WIDE)


_QUANTA: dict[str, Decimal] = {}


def zero_money(currency: str) -> Money:
    return round_money(ZERO, currency)


def add_money(*amounts: Money) -> Money:
    """The sum of amounts in one currency (ValueError if they are in several)."""
    currency = amounts[0].currency
    total = amounts[0].amount
    for amount in amounts[1:]:
        if amount.currency != currency:
            raise ValueError(f"Cannot add amounts in {currency} and {amount.currency}.")
        total += amount.amount
    return Money(total, currency)


def fmt(value: Decimal | int) -> str:
    """A number as people write it: 130, 20.5, 0.001 (no exponent, no trailing zeros)."""
    number = Decimal(value)
    if number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return f"{number.normalize():f}"
