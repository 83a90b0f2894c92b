"""Whether a value is a number the app can store exactly: one rule for every service."""

from __future__ import annotations

from decimal import Decimal

from app.domain.kit.message import KIT, QT_TRANSLATE_NOOP, Field, Message

STORED_DIGITS = 40  # numbers are stored as text of at most 40 characters (DecimalText)


def number_problem(
    value: object, label: str, minimum: Decimal | None = None, maximum: Decimal | None = None
) -> str | None:
    """Why `value` cannot be stored exactly, or None for a usable Decimal or int.

    Floats are refused, not guessed: 0.1 + 0.2 is not what the user typed.
    """
    said = number_problem_said(value, label, minimum, maximum)
    return None if said is None else str(said)


def number_problem_said(
    value: object, label: Field, minimum: Decimal | None = None, maximum: Decimal | None = None
) -> Message | None:
    """`number_problem` as a message the interface says in its language (`label` a Term or a
    message for a translated label)."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        kind: Field = (
            Message(KIT, QT_TRANSLATE_NOOP("domain.kit", "a float (inexact)"))
            if isinstance(value, float)
            else repr(value)
        )
        return Message(
            KIT,
            QT_TRANSLATE_NOOP("domain.kit", "{label} must be an exact number, not {kind}."),
            label=label,
            kind=kind,
        )
    number = Decimal(value)
    if not number.is_finite():
        return Message(
            KIT,
            QT_TRANSLATE_NOOP("domain.kit", "{label} must be a finite number, not {value}."),
            label=label,
            value=str(value),
        )
    if len(str(number)) > STORED_DIGITS:
        return Message(
            KIT, QT_TRANSLATE_NOOP("domain.kit", "{label} has too many digits."), label=label
        )
    if minimum is not None and number < minimum:
        return Message(
            KIT,
            QT_TRANSLATE_NOOP("domain.kit", "{label} must be {minimum} or more, not {value}."),
            label=label,
            minimum=str(minimum),
            value=str(value),
        )
    if maximum is not None and number > maximum:
        return Message(
            KIT,
            QT_TRANSLATE_NOOP("domain.kit", "{label} must be {maximum} or less, not {value}."),
            label=label,
            maximum=str(maximum),
            value=str(value),
        )
    return None
