"""Performance evaluation: weighted Q/D/S/C score, level A-D and ranking (domain.md).

Rules, decided once:
- Weights are whole-number-or-decimal percentages, each 0 to 100, summing to exactly 100
  (default Quality 40, Delivery 30, Service 20, Cost 10; domain.md: performance evaluation).
- Scores are 0 to 100. The weighted score is sum(weight x score) / sum(weight), taken over the
  criteria that HAVE a score: a missing score is left out and the remaining weights are
  renormalised (Q 80, D 70, S 90, Cost missing -> (40x80 + 30x70 + 20x90) / 90 = 78.9), never
  counted as zero. With no score at all, or only scores whose weights are 0, it is None
  ("unknown"). The result is rounded half-up to one decimal (78.85 -> 78.9), the same as a
  spreadsheet's ROUND(x, 1) for these non-negative values.
- Levels from the rounded score, default thresholds (user-changeable, each a minimum):
  A >= 90, B >= 75, C >= 60, D below 60; exactly 90.0 is A, 89.9 is B.
- A level needs enough evidence: the criteria that have a score must carry at least
  `Weights.min_known` % of the weight (default 50 %, stored with the weights; exactly 50 % is
  enough). Below it the level is INCOMPLETE, with the criteria still missing (only Cost = 100
  is 10 % of the weight: incomplete, not "A, increase share"). The partial weighted score is
  still computed and shown, but an incomplete supplier has no rank.
- Ranking is by rounded weighted score, highest first, competition style (1, 2, 2, 4): equal
  rounded scores share a rank; incomplete suppliers come next and unscored ones last, neither
  with a rank.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from typing import NamedTuple

SCORE_MIN, SCORE_MAX = Decimal(0), Decimal(100)
WEIGHT_MIN, WEIGHT_MAX = Decimal(0), Decimal(100)
WEIGHT_TOTAL = Decimal(100)
DEFAULT_MIN_KNOWN = Decimal(50)  # % of the weight the scored criteria must carry for a level
ONE_DECIMAL = Decimal("0.1")  # weighted scores are shown and ranked to one decimal
_PRECISION = 28  # enough for exact half-up rounding of 0-100 scores to one decimal


class Criterion(StrEnum):
    """domain.md: performance evaluation, with the sub-indicators each one covers."""

    QUALITY = "quality"
    DELIVERY = "delivery"
    SERVICE = "service"
    COST = "cost"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def covers(self) -> str:
        return _COVERS[self]


_COVERS = {
    Criterion.QUALITY: "pass rate, complaint rate, improvement",
    Criterion.DELIVERY: "on-time rate, quantity accuracy",
    Criterion.SERVICE: "response speed, problem solving",
    Criterion.COST: "price competitiveness, cost reduction",
}


@dataclass(frozen=True, slots=True)
class Weights:
    """Percentages per criterion; construction refuses a set that is out of range or not 100."""

    quality: Decimal = Decimal(40)  # domain.md: Quality 40 %
    delivery: Decimal = Decimal(30)  # domain.md: Delivery 30 %
    service: Decimal = Decimal(20)  # domain.md: Service 20 %
    cost: Decimal = Decimal(10)  # domain.md: Cost 10 %
    # Not a criterion: the share of the weight the scored criteria must carry for a level.
    min_known: Decimal = DEFAULT_MIN_KNOWN

    def __post_init__(self) -> None:
        problems = weight_problems(self.as_dict())
        problems += min_known_problems(self.min_known)
        if problems:
            raise ValueError(" ".join(problems))

    def as_dict(self) -> dict[Criterion, Decimal]:
        return {
            Criterion.QUALITY: self.quality,
            Criterion.DELIVERY: self.delivery,
            Criterion.SERVICE: self.service,
            Criterion.COST: self.cost,
        }

    @classmethod
    def from_dict(
        cls, weights: dict[Criterion, Decimal], min_known: Decimal = DEFAULT_MIN_KNOWN
    ) -> Weights:
        missing = [c.label for c in Criterion if c not in weights]
        if missing:
            raise ValueError(f"Missing weight for: {', '.join(missing)}.")
        return cls(
            quality=weights[Criterion.QUALITY],
            delivery=weights[Criterion.DELIVERY],
            service=weights[Criterion.SERVICE],
            cost=weights[Criterion.COST],
            min_known=min_known,
        )


def min_known_problems(value: object) -> list[str]:
    """Why `value` is not a usable share of known weight (0-100 %); empty when it is."""
    if not _is_number(value):
        return [f"The share of weight that must be scored must be a number, not {value!r}."]
    assert isinstance(value, Decimal | int)
    if not WEIGHT_MIN <= value <= WEIGHT_MAX:
        return [
            f"The share of weight that must be scored must be between 0 and 100 %, not {value} %."
        ]
    return []


def weight_problems(weights: dict[Criterion, Decimal]) -> list[str]:
    """Every broken weight rule as a sentence; empty when the weights are usable."""
    problems: list[str] = []
    for criterion, weight in weights.items():
        if not _is_number(weight):
            problems.append(f"The {criterion.label} weight must be a number, not {weight!r}.")
        elif not WEIGHT_MIN <= weight <= WEIGHT_MAX:
            problems.append(
                f"The {criterion.label} weight must be between 0 and 100 %, not {weight} %."
            )
    if not problems:
        total = sum(weights.values(), Decimal(0))
        if total != WEIGHT_TOTAL:
            problems.append(f"The weights must add up to exactly 100 %; they add up to {total} %.")
    return problems


def _is_number(value: object) -> bool:
    """A finite Decimal or an int (not a bool, not a float: floats would break exactness)."""
    if isinstance(value, Decimal):
        return value.is_finite()
    return isinstance(value, int) and not isinstance(value, bool)


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Scores:
    """One supplier's 0-100 scores for a period; None means not evaluated (not zero)."""

    quality: Decimal | None = None
    delivery: Decimal | None = None
    service: Decimal | None = None
    cost: Decimal | None = None

    def __post_init__(self) -> None:
        for criterion in Criterion:
            value = getattr(self, criterion.value)
            if value is None:
                continue
            if not isinstance(value, Decimal | int) or isinstance(value, bool):
                raise TypeError(f"The {criterion.label} score must be a Decimal, not {value!r}.")
            if not _is_number(value) or not SCORE_MIN <= value <= SCORE_MAX:
                raise ValueError(
                    f"The {criterion.label} score must be between 0 and 100, not {value}."
                )


class Level(StrEnum):
    """domain.md: the level a weighted score gives and what to do about it."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    INCOMPLETE = "incomplete"
    UNKNOWN = "unknown"

    @property
    def action(self) -> str:
        return _ACTIONS[self]


_ACTIONS = {
    Level.A: "Increase share and prefer",  # domain.md: A
    Level.B: "Keep and improve",  # domain.md: B
    Level.C: "Reduce orders, demand corrective action",  # domain.md: C
    Level.D: "End cooperation and find a replacement",  # domain.md: D
    Level.INCOMPLETE: "Score the missing criteria before deciding",
    Level.UNKNOWN: "Not evaluated yet",
}


@dataclass(frozen=True, slots=True)
class LevelThresholds:
    """Minimum rounded weighted score for A, B and C; anything lower is D (project defaults)."""

    a: Decimal = Decimal(90)
    b: Decimal = Decimal(75)
    c: Decimal = Decimal(60)

    def __post_init__(self) -> None:
        if not SCORE_MIN <= self.c < self.b < self.a <= SCORE_MAX:
            raise ValueError(
                "Level thresholds must rise from C to A within 0-100 "
                f"(0 <= C < B < A <= 100); got A {self.a}, B {self.b}, C {self.c}."
            )

    def describe(self) -> list[tuple[Level, str]]:
        """Each level with its range and action, best first (for a legend)."""
        return [
            (Level.A, f"{self.a} or more: {Level.A.action}"),
            (Level.B, f"{self.b} to under {self.a}: {Level.B.action}"),
            (Level.C, f"{self.c} to under {self.b}: {Level.C.action}"),
            (Level.D, f"under {self.c}: {Level.D.action}"),
        ]


DEFAULT_THRESHOLDS = LevelThresholds()


def weighted_score(scores: Scores, weights: Weights = DEFAULT_WEIGHTS) -> Decimal | None:
    """The weighted score to one decimal, renormalised over the present scores; None if none."""
    with localcontext() as context:
        context.prec = _PRECISION
        return _weighted(
            (scores.quality, scores.delivery, scores.service, scores.cost),
            (weights.quality, weights.delivery, weights.service, weights.cost),
        )


def _weighted(values: tuple[Decimal | None, ...], weights: tuple[Decimal, ...]) -> Decimal | None:
    total = Decimal(0)
    weight_sum = Decimal(0)
    for value, weight in zip(values, weights, strict=True):
        if value is not None:
            total += value * weight
            weight_sum += weight
    if not weight_sum:
        return None
    return (total / weight_sum).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def level_for(score: Decimal | None, thresholds: LevelThresholds = DEFAULT_THRESHOLDS) -> Level:
    """The level of a (rounded) weighted score; None gives UNKNOWN."""
    if score is None:
        return Level.UNKNOWN
    if score >= thresholds.a:
        return Level.A
    if score >= thresholds.b:
        return Level.B
    if score >= thresholds.c:
        return Level.C
    return Level.D


def known_share(scores: Scores, weights: Weights = DEFAULT_WEIGHTS) -> Decimal:
    """The % of the total weight carried by the criteria that have a score."""
    return sum(
        (getattr(weights, c.value) for c in Criterion if getattr(scores, c.value) is not None),
        Decimal(0),
    )


def missing_criteria(scores: Scores, weights: Weights = DEFAULT_WEIGHTS) -> tuple[Criterion, ...]:
    """The criteria with a weight above 0 and no score, in Criterion order."""
    return tuple(
        c for c in Criterion if getattr(scores, c.value) is None and getattr(weights, c.value) > 0
    )


def is_incomplete(scores: Scores, weights: Weights = DEFAULT_WEIGHTS) -> bool:
    """True when some criterion is scored but the scored ones carry under `min_known` %."""
    share = known_share(scores, weights)
    return bool(share) and share < weights.min_known


def incomplete_text(missing: tuple[Criterion, ...], weights: Weights = DEFAULT_WEIGHTS) -> str:
    """ "incomplete: Quality, Delivery, Service not scored" (what is missing, for a cell)."""
    names = ", ".join(c.label for c in missing) or "scores"
    return f"incomplete: {names} not scored"


def explain_score(scores: Scores, weights: Weights = DEFAULT_WEIGHTS) -> str:
    """How the weighted score was reached, in one line (for a tooltip)."""
    parts: list[str] = []
    left_out: list[str] = []
    used_weight = Decimal(0)
    for criterion in Criterion:
        value = getattr(scores, criterion.value)
        weight = getattr(weights, criterion.value)
        if value is None:
            left_out.append(criterion.label)
        else:
            parts.append(f"{criterion.label} {value} x {weight} %")
            used_weight += weight
    score = weighted_score(scores, weights)
    if score is None:
        return "No scores with a weight above 0: the weighted score is unknown."
    text = f"Weighted score {score} = ({' + '.join(parts)}) / {used_weight} %"
    if left_out:
        text += (
            f"; not scored, so left out and the other weights renormalised: {', '.join(left_out)}"
        )
    text += "."
    if is_incomplete(scores, weights):
        missing = ", ".join(c.label for c in missing_criteria(scores, weights))
        text += (
            f"\nIncomplete: the scored criteria carry {used_weight} % of the weight, under the "
            f"{weights.min_known} % a level needs. Score {missing} first."
        )
    return text


class Ranked(NamedTuple):
    """One supplier's place in a ranking; rank is None for a supplier without a score or with
    an incomplete one (then `missing` names the criteria not scored)."""

    key: Hashable
    score: Decimal | None
    level: Level
    rank: int | None
    missing: tuple[Criterion, ...] = ()


def rank_suppliers(
    entries: Iterable[tuple[Hashable, Scores]],
    weights: Weights = DEFAULT_WEIGHTS,
    thresholds: LevelThresholds = DEFAULT_THRESHOLDS,
) -> list[Ranked]:
    """Rank by weighted score, best first; ties share a rank (1, 2, 2, 4); then the incomplete,
    then the unscored, both unranked.

    Within a tie and among the others, the input order is kept. Written as one plain loop in
    one decimal context, sorting on integer tenths: 100,000 suppliers take well under a second.
    """
    w = (weights.quality, weights.delivery, weights.service, weights.cost)
    wq, wd, ws, wc = w
    full_weight = wq + wd + ws + wc  # always 100: Weights refuses anything else
    min_known = weights.min_known
    keys: list[Hashable] = []
    scores: list[Decimal] = []
    tenths: list[int] = []
    unscored: list[Hashable] = []
    incomplete: list[Ranked] = []
    quantum, half_up, ten = ONE_DECIMAL, ROUND_HALF_UP, Decimal(10)
    with localcontext() as context:  # one context for the whole loop, not one per item
        context.prec = _PRECISION
        score: Decimal | None
        for key, s in entries:
            q, d, sv, c = s.quality, s.delivery, s.service, s.cost
            if q is not None and d is not None and sv is not None and c is not None:
                score = ((q * wq + d * wd + sv * ws + c * wc) / full_weight).quantize(
                    quantum, rounding=half_up
                )
            else:
                score = _weighted((q, d, sv, c), w)
                if score is None:
                    unscored.append(key)
                    continue
                if known_share(s, weights) < min_known:
                    missing = missing_criteria(s, weights)
                    incomplete.append(Ranked(key, score, Level.INCOMPLETE, None, missing))
                    continue
            keys.append(key)
            scores.append(score)
            tenths.append(int(score * ten))
    # A reverse sort keeps equal items in input order; ints compare much faster than Decimals.
    order = sorted(range(len(keys)), key=tenths.__getitem__, reverse=True)
    a, b, c_min = thresholds.a, thresholds.b, thresholds.c
    result: list[Ranked] = []
    append = result.append
    previous = -1
    rank = 0
    for position, i in enumerate(order, start=1):
        score = scores[i]
        if tenths[i] != previous:
            rank = position
            previous = tenths[i]
        if score >= a:
            level = Level.A
        elif score >= b:
            level = Level.B
        elif score >= c_min:
            level = Level.C
        else:
            level = Level.D
        append(Ranked(keys[i], score, level, rank))
    result += incomplete
    for key in unscored:
        append(Ranked(key, None, Level.UNKNOWN, None))
    return result
