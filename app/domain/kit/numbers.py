"""Whether a value is a number the app can store exactly: one rule for every service."""

from __future__ import annotations

from decimal import Decimal

STORED_DIGITS = 40  # numbers are stored as text of at most 40 characters (DecimalText)


def number_problem(
    value: object, label: str, minimum: Decimal | None = None, maximum: Decimal | None = None
) -> str | None:
    """Why `value` cannot be stored exactly, or None for a usable Decimal or int.

    Floats are refused, not guessed: 0.1 + 0.2 is not what the user typed.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        kind = "a float (inexact)" if isinstance(value, float) else repr(value)
        return f"{label} must be an exact number, not {kind}."
    number = Decimal(value)
    if not number.is_finite():
        return f"{label} must be a finite number, not {value}."
    if len(str(number)) > STORED_DIGITS:
        return f"{label} has too many digits."
    if minimum is not None and number < minimum:
        return f"{label} must be {minimum} or more, not {value}."
    if maximum is not None and number > maximum:
        return f"{label} must be {maximum} or less, not {value}."
    return None
