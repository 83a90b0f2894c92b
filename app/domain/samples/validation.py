"""Rules a product or a sample must meet before it is stored, each broken rule named by its field
(issue 4). Pure Python: the sample service runs these, then checks what needs the database.
Messages speak to the user: no field's internal name, no code (issue 14; a test walks them).

Rules, decided once:
- A product needs a name in English or Chinese; user criteria have unique names (ignoring case)
  that are not a built-in criterion's name or label.
- Spec and measured values are exact numbers (Decimal or int, never float) above zero.
- Money is never negative, has a three-letter currency code, and no more decimals than the
  currency has (12.345 CNY is refused, not rounded). A free sample has no price above 0.
- Dates are dates, none after today, and in order: requested <= shipped <= received (the
  ones given; a missing date is skipped, so requested <= received still holds without shipped).
- Scores: only the product's criteria; 1-5 whole numbers or pass/fail by the criterion's kind.
- The golden sample is the approved reference, so a golden sample must be approved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise

from app.domain.kit.money import Money, exponent
from app.domain.kit.numbers import number_problem
from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    MEASUREMENTS,
    SCORE_MAX,
    SCORE_MIN,
    Criterion,
    CriterionKind,
    PassFail,
    Product,
    Sample,
    SampleStatus,
)

NAME_LENGTH = 300
CRITERION_NAME_LENGTH = 60
TRACKING_LENGTH = 100
LONG_TEXT = 40_000  # notes, defects, verdict
_CURRENCY = re.compile(r"[A-Z]{3}")
_DATES = (("requested_on", "requested"), ("shipped_on", "shipped"), ("received_on", "received"))
_RESERVED_CRITERIA = {c.name.casefold() for c in BUILT_IN_CRITERIA} | {
    c.label.casefold() for c in BUILT_IN_CRITERIA
}


def product_problems(product: Product) -> dict[str, str]:
    """{field: message} for every broken rule; empty when the product can be stored."""
    errors: dict[str, str] = {}
    if not _text(product.name).strip() and not _text(product.name_zh).strip():
        errors["name"] = "Enter an English or a Chinese name."
    for name, limit in (
        ("name", NAME_LENGTH),
        ("name_zh", NAME_LENGTH),
        ("category", NAME_LENGTH),
        ("material", NAME_LENGTH),
        ("colour", NAME_LENGTH),
        ("notes", LONG_TEXT),
    ):
        _check_text(getattr(product, name), name, limit, errors)
    for name, label, _unit in MEASUREMENTS:
        _check_positive(getattr(product, name), name, f"The target {label.lower()}", errors)
    seen: set[str] = set()
    if not isinstance(product.criteria, tuple | list):
        errors["criteria"] = "List the product's own criteria, each with a name and a kind."
        return errors
    for index, criterion in enumerate(product.criteria):
        key = f"criteria[{index}]"
        if not isinstance(criterion, Criterion) or not isinstance(criterion.name, str):
            errors[key] = "Give each criterion a name and a kind (1-5 or pass/fail)."
            continue
        name = criterion.name.strip()
        if not name:
            errors[key] = "Name the criterion."
        elif len(name) > CRITERION_NAME_LENGTH:
            errors[key] = f"Keep a criterion's name under {CRITERION_NAME_LENGTH} characters."
        elif name.casefold() in _RESERVED_CRITERIA:
            errors[key] = f"'{name}' is a built-in criterion already."
        elif name.casefold() in seen:
            errors[key] = f"'{name}' is listed twice."
        elif not isinstance(criterion.kind, CriterionKind):
            errors[key] = "A criterion is scored 1-5 or pass/fail."
        seen.add(name.casefold())
    return errors


def sample_problems(sample: Sample, criteria: Sequence[Criterion], today: date) -> dict[str, str]:
    """{field: message} for every broken rule; `criteria` are the product's, built-ins too."""
    errors: dict[str, str] = {}
    for name, label in (("product_id", "product"), ("supplier_id", "supplier")):
        value = getattr(sample, name)
        if isinstance(value, bool) or not isinstance(value, int):
            errors[name] = f"Choose the {label}."
    _check_text(sample.variant, "variant", NAME_LENGTH, errors)
    _check_text(sample.tracking_number, "tracking_number", TRACKING_LENGTH, errors)
    _check_text(sample.defects, "defects", LONG_TEXT, errors)
    _check_text(sample.verdict, "verdict", LONG_TEXT, errors)
    _check_money(sample.price, "price", "The sample price", errors)
    _check_money(sample.shipping, "shipping", "Shipping", errors)
    if not isinstance(sample.free, bool):
        errors["free"] = "Say whether the sample is free (yes or no)."
    elif sample.free and "price" not in errors and sample.price and sample.price.amount > 0:
        errors["price"] = "A free sample has no price: set it to 0 or untick 'free'."
    _check_dates(sample, today, errors)
    if not isinstance(sample.status, SampleStatus):
        choices = ", ".join(status.label for status in SampleStatus)
        errors["status"] = f"Choose the status: {choices}."
    for name, label, _unit in MEASUREMENTS:
        _check_positive(getattr(sample, name), name, f"The measured {label.lower()}", errors)
    _check_scores(sample.scores, criteria, errors)
    if not isinstance(sample.golden, bool):
        errors["golden"] = "Say whether this is the golden sample (yes or no)."
    elif sample.golden and sample.status is not SampleStatus.APPROVED:
        errors["golden"] = "The golden sample is the approved reference: approve it first."
    return errors


def money_problem(value: object, label: str) -> str | None:
    """Why `value` cannot be stored as money, or None when it is fine (None is fine too)."""
    if value is None:
        return None
    if not isinstance(value, Money):
        return f"{label} must be an amount with its currency."
    if not isinstance(value.currency, str) or not _CURRENCY.fullmatch(value.currency):
        return f"{label}: {value.currency!r} is not a currency code like CNY or USD."
    amount = value.amount
    problem = number_problem(amount, label)
    if problem:
        return problem
    if amount < 0:
        return f"{label} cannot be negative."
    places = exponent(value.currency)
    if Decimal(amount) != Decimal(amount).quantize(Decimal(1).scaleb(-places)):
        return f"{label} has more than {places} decimals for {value.currency}."
    return None


def score_problem(value: object, criterion: Criterion) -> str | None:
    """Why `value` is not a score for this criterion's kind, or None when it is."""
    if criterion.kind is CriterionKind.PASS_FAIL:
        if isinstance(value, PassFail):
            return None
        return f"{criterion.label} is pass or fail."
    if isinstance(value, bool) or not isinstance(value, int) or not SCORE_MIN <= value <= SCORE_MAX:
        return f"{criterion.label} is scored {SCORE_MIN} to {SCORE_MAX} (whole numbers)."
    return None


def _check_scores(scores: object, criteria: Sequence[Criterion], errors: dict[str, str]) -> None:
    if not isinstance(scores, dict):
        errors["scores"] = "Give the scores by criterion name."
        return
    by_name = {criterion.name: criterion for criterion in criteria}
    for name, value in scores.items():
        criterion = by_name.get(name)
        if criterion is None:
            errors[f"scores.{name}"] = f"The product has no criterion '{name}'."
            continue
        problem = score_problem(value, criterion)
        if problem:
            errors[f"scores.{name}"] = problem


def _check_dates(sample: Sample, today: date, errors: dict[str, str]) -> None:
    given: list[tuple[str, str, date]] = []
    for name, word in _DATES:
        value = getattr(sample, name)
        if value is None:
            continue
        if isinstance(value, datetime) or not isinstance(value, date):
            errors[name] = "Give a date (year, month, day) or leave it empty."
        elif value > today:
            errors[name] = f"{value} is in the future."
        else:
            given.append((name, word, value))
    # Each date against the latest earlier one given: the pairs that must be in order.
    for (_, earlier_word, earlier), (name, word, later) in pairwise(given):
        if later < earlier and name not in errors:
            errors[name] = (
                f"The sample cannot be {word} ({later}) before it was {earlier_word} ({earlier})."
            )


def _check_money(value: object, name: str, label: str, errors: dict[str, str]) -> None:
    problem = money_problem(value, label)
    if problem:
        errors[name] = problem


MEASURE_PLACES = 3  # cm and kg to a thousandth
MEASURE_MAX = Decimal(100_000)  # a kilometre or 100 tonnes: far beyond any sample


def _check_positive(value: object, name: str, label: str, errors: dict[str, str]) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal | int | float):
        problem: str | None = f"{label} must be a number."  # never the value's code
    else:
        problem = number_problem(value, label)
    if problem is None:
        number = Decimal(value)  # type: ignore[arg-type]
        exponent = number.as_tuple().exponent
        if number <= 0:
            problem = f"{label} must be above 0, not {value}."
        elif isinstance(exponent, int) and exponent < -MEASURE_PLACES:
            # Finer than a thousandth of a cm or kg is a typing slip, and would make the
            # deviation percentages of the compare table overflow.
            problem = f"{label} has more than {MEASURE_PLACES} decimal places: {value}."
        elif number > MEASURE_MAX:
            problem = f"{label} must be at most {MEASURE_MAX:,}, not {value}."
    if problem:
        errors[name] = problem


def _check_text(value: object, name: str, limit: int, errors: dict[str, str]) -> None:
    if not isinstance(value, str):
        errors[name] = "This must be text."
    elif len(value) > limit:
        errors[name] = f"Keep this under {limit:,} characters."


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
