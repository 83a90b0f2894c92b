"""Performance sub-indicators: each raw value becomes a 0-100 sub-score, and the sub-scores of a
criterion become its Q/D/S/C score (domain.md: performance evaluation; issue 3).

Rules, decided once (raw values are exact numbers: Decimal or int, never float):

| indicator             | criterion | raw value, accepted range              | sub-score (0-100)          |
|-----------------------|-----------|----------------------------------------|----------------------------|
| pass rate             | Quality   | % of inspected pieces passed, 0-100    | the rate itself            |
| complaint rate        | Quality   | % of orders with a complaint, 0-100    | 100 - 10 x rate, at least 0|
| improvement           | Quality   | corrective action, rated 1-5           | (rating - 1) x 25          |
| on-time rate          | Delivery  | % of orders shipped on time, 0-100     | the rate itself            |
| quantity accuracy     | Delivery  | % of deliveries as ordered, 0-100      | the rate itself            |
| response speed        | Service   | hours until a reply, 0 or more         | < 1 h 100, 1-4 h 80,       |
|                       |           |                                        | > 4-24 h 50, > 24 h 20     |
| problem solving       | Service   | how problems were handled, rated 1-5   | (rating - 1) x 25          |
| price competitiveness | Cost      | 1 dearest quote to 5 best value        | (rating - 1) x 25          |
| cost reduction        | Cost      | % cheaper than a year before, <= 100   | 50 + 10 x %, within 0-100  |

- Every range includes its ends. Ratings may be fractional (an average of 3.5 gives 62.5).
- Response speed uses the capacity module's response-time bands, so both screens decide alike:
  excellent (under 1 h) 100, good (exactly 1 h to exactly 4 h) 80, average (over 4 h to 24 h)
  50, weak (over 24 h) 20.
- Complaint rate: 0 % gives 100, 2.5 % gives 75, 10 % or more gives 0.
- Cost reduction: 0 % (same price) gives 50, 5 % or more gives 100, a 5 % rise or more gives 0.
  A price cannot fall by more than 100 %; it can rise by any amount.
- A criterion's score is the plain mean of its PRESENT sub-scores (sub-indicators weigh the
  same), rounded half-up to one decimal (Q: 98.5 and 80 -> 89.25 -> 89.3). A criterion with no
  sub-indicator is None: unknown, never 0. A None value counts as absent (an empty field).
- A value of the wrong type raises TypeError, one out of range ValueError, each with a sentence
  a user can act on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from app.domain.matrix.capacity import Dimension, Grade, grade_capacity
from app.domain.matrix.scoring import ONE_DECIMAL, Criterion, Scores

_PRECISION = 28  # exact for means of a handful of 0-100 values before rounding to one decimal
HUNDRED = Decimal(100)
RATING_MIN, RATING_MAX = Decimal(1), Decimal(5)
RATING_STEP = Decimal(25)  # (rating - 1) x 25 spreads 1-5 over 0-100
COMPLAINT_PENALTY = Decimal(10)  # points lost per % of orders with a complaint
COST_NEUTRAL = Decimal(50)  # an unchanged price is middling
COST_STEP = Decimal(10)  # points per % cheaper (or dearer) than a year before
# Response speed: the capacity response-time grade decides, these are its sub-scores.
RESPONSE_SUB_SCORES: dict[Grade, Decimal] = {
    Grade.EXCELLENT: Decimal(100),
    Grade.GOOD: Decimal(80),
    Grade.AVERAGE: Decimal(50),
    Grade.WEAK: Decimal(20),
}


class Kind(StrEnum):
    """What sort of number a raw value is (a form picks its editor by this)."""

    PERCENT = "percent"
    RATING = "rating"
    HOURS = "hours"
    PERCENT_CHANGE = "percent_change"


class Indicator(StrEnum):
    """The nine sub-indicators of domain.md, in criterion order; the value is the stored code."""

    PASS_RATE = "pass_rate"
    COMPLAINT_RATE = "complaint_rate"
    IMPROVEMENT = "improvement"
    ON_TIME_RATE = "on_time_rate"
    QUANTITY_ACCURACY = "quantity_accuracy"
    RESPONSE_SPEED = "response_speed"
    PROBLEM_SOLVING = "problem_solving"
    PRICE_COMPETITIVENESS = "price_competitiveness"
    COST_REDUCTION = "cost_reduction"

    @property
    def criterion(self) -> Criterion:
        return _SPECS[self].criterion

    @property
    def label(self) -> str:
        return _SPECS[self].label

    @property
    def unit(self) -> str:
        return _SPECS[self].unit

    @property
    def kind(self) -> Kind:
        return _SPECS[self].kind

    @property
    def meaning(self) -> str:
        """What the raw value measures, in a few words (for a form's help text)."""
        return _SPECS[self].meaning

    @property
    def rule(self) -> str:
        """How the raw value becomes the sub-score, in words."""
        return _SPECS[self].rule

    @property
    def minimum(self) -> Decimal | None:
        return _SPECS[self].minimum

    @property
    def maximum(self) -> Decimal | None:
        return _SPECS[self].maximum


def _itself(value: Decimal) -> Decimal:
    return value


def _complaints(rate: Decimal) -> Decimal:
    return max(Decimal(0), HUNDRED - COMPLAINT_PENALTY * rate)


def _rating(rating: Decimal) -> Decimal:
    return (rating - RATING_MIN) * RATING_STEP


def _response(hours: Decimal) -> Decimal:
    return RESPONSE_SUB_SCORES[grade_capacity(Dimension.RESPONSE_TIME, hours).grade]


def _cost_reduction(percent: Decimal) -> Decimal:
    return min(HUNDRED, max(Decimal(0), COST_NEUTRAL + COST_STEP * percent))


@dataclass(frozen=True, slots=True)
class _Spec:
    criterion: Criterion
    label: str
    kind: Kind
    unit: str
    meaning: str
    rule: str
    minimum: Decimal | None
    maximum: Decimal | None
    convert: Callable[[Decimal], Decimal]


def _percent(
    criterion: Criterion, label: str, meaning: str, rule: str, convert: Callable[[Decimal], Decimal]
) -> _Spec:
    return _Spec(criterion, label, Kind.PERCENT, "%", meaning, rule, Decimal(0), HUNDRED, convert)


def _rated(criterion: Criterion, label: str, meaning: str) -> _Spec:
    return _Spec(
        criterion,
        label,
        Kind.RATING,
        "of 5",
        meaning,
        "(rating - 1) x 25: 1 is 0, 3 is 50, 5 is 100",
        RATING_MIN,
        RATING_MAX,
        _rating,
    )


_Q, _D, _S, _C = Criterion.QUALITY, Criterion.DELIVERY, Criterion.SERVICE, Criterion.COST
_SPECS: dict[Indicator, _Spec] = {
    Indicator.PASS_RATE: _percent(
        _Q, "Pass rate", "% of inspected pieces that passed", "the rate itself", _itself
    ),
    Indicator.COMPLAINT_RATE: _percent(
        _Q,
        "Complaint rate",
        "% of orders with a complaint",
        "100 - 10 x rate; 10 % or more is 0",
        _complaints,
    ),
    Indicator.IMPROVEMENT: _rated(_Q, "Improvement", "corrective action after a problem"),
    Indicator.ON_TIME_RATE: _percent(
        _D, "On-time rate", "% of orders shipped on time", "the rate itself", _itself
    ),
    Indicator.QUANTITY_ACCURACY: _percent(
        _D,
        "Quantity accuracy",
        "% of deliveries with the quantity ordered",
        "the rate itself",
        _itself,
    ),
    Indicator.RESPONSE_SPEED: _Spec(
        _S,
        "Response speed",
        Kind.HOURS,
        "h",
        "hours until a reply",
        "under 1 h 100, 1 to 4 h 80, over 4 to 24 h 50, over 24 h 20",
        Decimal(0),
        None,
        _response,
    ),
    Indicator.PROBLEM_SOLVING: _rated(_S, "Problem solving", "how problems were handled"),
    Indicator.PRICE_COMPETITIVENESS: _rated(
        _C, "Price competitiveness", "1 dearest of the quotes, 5 best value"
    ),
    Indicator.COST_REDUCTION: _Spec(
        _C,
        "Cost reduction",
        Kind.PERCENT_CHANGE,
        "%",
        "% cheaper than a year before (negative: dearer)",
        "50 + 10 x %, kept within 0-100: 0 % is 50, 5 % or more is 100, a 5 % rise or more is 0",
        None,
        HUNDRED,
        _cost_reduction,
    ),
}


def indicators_of(criterion: Criterion) -> tuple[Indicator, ...]:
    """The sub-indicators of one criterion, in table order."""
    return tuple(indicator for indicator in Indicator if indicator.criterion is criterion)


def raw_value_problem(indicator: Indicator, value: object) -> str | None:
    """Why `value` is not a usable raw value of `indicator`, or None when it is."""
    spec = _SPECS[Indicator(indicator)]
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        kind = "a float (inexact)" if isinstance(value, float) else repr(value)
        return f"{spec.label} must be an exact number, not {kind}."
    number = Decimal(value)
    if not number.is_finite():
        return f"{spec.label} must be a finite number, not {value}."
    low, high = spec.minimum, spec.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        unit = "" if spec.kind is Kind.RATING else f" {spec.unit}"
        return f"{spec.label} must be {_range_text(spec)}, not {_fmt(number)}{unit}."
    return None


def _range_text(spec: _Spec) -> str:
    if spec.kind is Kind.RATING:
        return f"from {_fmt(RATING_MIN)} to {_fmt(RATING_MAX)}"
    if spec.minimum is not None and spec.maximum is not None:
        return f"from {_fmt(spec.minimum)} to {_fmt(spec.maximum)} {spec.unit}"
    if spec.minimum is not None:
        return f"{_fmt(spec.minimum)} {spec.unit} or more"
    return f"{_fmt(spec.maximum)} {spec.unit} or less"  # type: ignore[arg-type]


def sub_score(indicator: Indicator, value: Decimal | int) -> Decimal:
    """The 0-100 sub-score of one raw value (TypeError / ValueError when it is unusable)."""
    indicator = Indicator(indicator)
    problem = raw_value_problem(indicator, value)
    if problem:
        wrong_type = isinstance(value, bool) or not isinstance(value, Decimal | int)
        raise (TypeError if wrong_type else ValueError)(problem)
    return _SPECS[indicator].convert(Decimal(value))


def criterion_scores(raw: Mapping[Indicator, Decimal | None]) -> Scores:
    """Each criterion's mean of its present sub-scores to one decimal; None where none is given.

    A None value counts as not recorded (an empty field in a form), like a missing key.
    """
    sub_scores: dict[Criterion, list[Decimal]] = {}
    for indicator, value in raw.items():
        if value is None:
            continue
        indicator = Indicator(indicator)
        sub_scores.setdefault(indicator.criterion, []).append(sub_score(indicator, value))
    return Scores(**{c.value: _mean(sub_scores.get(c)) for c in Criterion})


def _mean(values: list[Decimal] | None) -> Decimal | None:
    if not values:
        return None
    with localcontext() as context:
        context.prec = _PRECISION
        return (sum(values, Decimal(0)) / len(values)).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def explain_criterion(criterion: Criterion, raw: Mapping[Indicator, Decimal | None]) -> str:
    """How a criterion's score follows from its sub-indicators, one line each (for a tooltip)."""
    mine = {
        Indicator(i): v
        for i, v in raw.items()
        if v is not None and Indicator(i).criterion is criterion
    }
    if not mine:
        return f"{criterion.label}: no sub-indicator recorded, so it is not computed from them."
    score = getattr(criterion_scores(mine), criterion.value)
    if len(mine) == 1:
        lines = [f"{criterion.label} {score} = its one sub-score:"]
    else:
        lines = [f"{criterion.label} {score} = mean of {len(mine)} sub-scores, rounded to 0.1:"]
    for indicator in indicators_of(criterion):
        if indicator in mine:
            value = mine[indicator]
            lines.append(
                f"{indicator.label} {_fmt(Decimal(value))} {indicator.unit} -> "
                f"{_fmt(sub_score(indicator, value))} (rule: {indicator.rule})"
            )
    missing = [i.label.lower() for i in indicators_of(criterion) if i not in mine]
    if missing:
        lines.append(f"Not recorded, left out: {', '.join(missing)}.")
    return "\n".join(lines)


def _fmt(value: Decimal) -> str:
    """98.50 -> 98.5, 1E+2 -> 100: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text
