"""Credit rating AAA-C: a suggested rating explained factor by factor, and a manual override.

The rule (domain.md lists the inputs and the ratings; the points and cut-offs are ours):
each known factor earns points up to its maximum,

| factor                          | 3 points       | 2 points            | 1 point          | 0 points   |
|---------------------------------|----------------|---------------------|------------------|------------|
| trading-volume trend            | -              | rising              | stable           | falling    |
| buyer review score (out of 5)   | -              | 4.5 or more         | 4.0 to under 4.5 | under 4.0  |
| disputes (last 12 months)       | -              | none                | 1 or 2           | 3 or more  |
| repeat-purchase rate (%)        | -              | 30 or more          | 15 to under 30   | under 15   |
| years of 1688 membership        | -              | 3 or more           | 1 or 2           | under 1    |
| buyer protection (deposit)      | -              | yes                 | -                | no         |
| membership level (of 3)         | source factory | strong merchant     | basic            | none       |

Years and level follow domain.md: 3-5+ years of membership is a good sign; a source factory's
risk is very low, a strong merchant's low, a basic member's medium, no membership disqualifies.

score = points earned / points possible over the KNOWN factors, as a percentage. A missing
input is left out (never counted as 0 points): buyer protection not known is left out, never
"no". With fewer than 3 known factors the suggestion is UNKNOWN. Ratings: AAA 85 % or more,
AA 70 to under 85, A 50 to under 70, B 30 to under 50, C under 30 (exactly 85 % is AAA).
Caps, applied after the score (the guide's "immediate disqualification"): no 1688 membership,
under 1 year of membership, or an open (unresolved) red flag of a disqualifying kind (no badge
or under a year, payment to a personal account, false company details) -> C, with the reason;
any other open red flag -> at most B. A resolved red flag no longer counts.
A user may override the suggestion with a reason; the manual rating then wins, and both stay
visible (CreditDecision).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from app.domain.suppliers.choices import Membership, RedFlagKind
from app.domain.suppliers.membership import years_text


class CreditRating(StrEnum):
    """domain.md: credit rating, best first."""

    AAA = "AAA"
    AA = "AA"
    A = "A"
    B = "B"
    C = "C"
    UNKNOWN = "unknown"

    @property
    def meaning(self) -> str:
        return _RATING_TEXT[self][0]

    @property
    def risk(self) -> str:
        return _RATING_TEXT[self][1]

    @property
    def rank(self) -> int:
        """0 for AAA up to 4 for C; UNKNOWN is 5 (sorts last)."""
        return _ORDER.index(self)


_RATING_TEXT = {
    CreditRating.AAA: ("excellent", "very low risk"),  # domain.md: credit rating
    CreditRating.AA: ("good", "low risk"),
    CreditRating.A: ("average", "manageable risk"),
    CreditRating.B: ("poor", "caution"),
    CreditRating.C: ("very poor", "do not cooperate"),
    CreditRating.UNKNOWN: ("not rated", "unknown risk"),
}
_ORDER = list(CreditRating)


class Trend(StrEnum):
    RISING = "rising"
    STABLE = "stable"
    FALLING = "falling"


# project rule (see the module docstring): percentage of possible points -> rating
RATING_CUTOFFS: tuple[tuple[int, CreditRating], ...] = (
    (85, CreditRating.AAA),
    (70, CreditRating.AA),
    (50, CreditRating.A),
    (30, CreditRating.B),
    (0, CreditRating.C),
)
FACTOR_COUNT = 7
MIN_KNOWN_FACTORS = 3  # fewer known inputs than this: no suggestion
MAX_POINTS = 2  # per factor, except the membership level (MEMBERSHIP_MAX_POINTS)
MEMBERSHIP_MAX_POINTS = 3  # four risk levels in domain.md: very low, low, medium, disqualifying
REVIEW_GOOD, REVIEW_FAIR = Decimal("4.5"), Decimal("4.0")  # 1688 review scores are out of 5
REPEAT_GOOD, REPEAT_FAIR = Decimal(30), Decimal(15)  # repeat-purchase (回头率) %
YEARS_GOOD, YEARS_FAIR = 3, 1  # domain.md: 3-5+ years is a good sign
YEARS_RED_FLAG = 1  # the guide's disqualifier: membership under 1 year
DISPUTES_FAIR_MAX = 2  # 1-2 disputes in 12 months: 1 point; 3 or more: 0


@dataclass(frozen=True, slots=True)
class CreditInputs:
    """What the buyer knows; None means not known (left out, not counted against)."""

    volume_trend: Trend | None = None
    review_score: Decimal | None = None  # out of 5
    disputes_last_12_months: int | None = None
    repeat_purchase_rate: Decimal | None = None  # percent, 0-100
    membership_years: int | None = None
    buyer_protection: bool | None = None
    membership: Membership | None = None
    red_flags: tuple[RedFlagKind, ...] = ()  # the kinds of the OPEN (unresolved) red flags

    def __post_init__(self) -> None:
        if self.review_score is not None and not Decimal(0) <= self.review_score <= Decimal(5):
            raise ValueError(f"A review score is between 0 and 5, not {self.review_score}.")
        rate = self.repeat_purchase_rate
        if rate is not None and not Decimal(0) <= rate <= Decimal(100):
            raise ValueError(f"A repeat-purchase rate is between 0 and 100 %, not {rate} %.")
        for name in ("disputes_last_12_months", "membership_years"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name.replace('_', ' ').capitalize()} cannot be negative.")


@dataclass(frozen=True, slots=True)
class Factor:
    """One input's contribution: its value in words, points out of `possible`, and why."""

    name: str
    value: str
    points: int
    reason: str
    possible: int = MAX_POINTS

    @property
    def text(self) -> str:
        return f"{self.name}: {self.value} -> {self.points}/{self.possible} ({self.reason})"


@dataclass(frozen=True, slots=True)
class CreditAssessment:
    """The suggested rating with each factor, the caps that applied and the unknown inputs."""

    suggested: CreditRating
    factors: tuple[Factor, ...]
    caps: tuple[str, ...]
    unknown: tuple[str, ...]
    percent: Decimal | None

    @property
    def explanation(self) -> str:
        lines = [f"Suggested rating {self.suggested.value}: {self.suggested.meaning}."]
        if self.percent is not None:
            earned = sum(f.points for f in self.factors)
            possible = sum(f.possible for f in self.factors)
            lines.append(f"Points {earned} of {possible} ({self.percent} %).")
        elif self.suggested is CreditRating.UNKNOWN:
            lines.append(
                f"Only {len(self.factors)} of {FACTOR_COUNT} inputs known; "
                f"at least {MIN_KNOWN_FACTORS} are needed for a suggestion."
            )
        lines += [f.text for f in self.factors]
        lines += [f"Cap: {cap}" for cap in self.caps]
        if self.unknown:
            lines.append(f"Not known, left out: {', '.join(self.unknown)}.")
        return "\n".join(lines)


def suggest_rating(inputs: CreditInputs) -> CreditAssessment:
    """Derive the suggested rating from the inputs by the rule in the module docstring."""
    factors: list[Factor] = []
    unknown: list[str] = []
    rules: tuple[tuple[str, object, Callable[[Any], Factor]], ...] = (
        ("Trading-volume trend", inputs.volume_trend, _trend),
        ("Review score", inputs.review_score, _review),
        ("Disputes", inputs.disputes_last_12_months, _disputes),
        ("Repeat-purchase rate", inputs.repeat_purchase_rate, _repeat),
        ("Years of membership", inputs.membership_years, _years),
        ("Buyer protection", inputs.buyer_protection, _protection),
        ("Membership level", inputs.membership, _membership),
    )
    for name, value, rule in rules:
        if value is None:
            unknown.append(name)
        else:
            factors.append(rule(value))

    caps: list[str] = []
    ceiling = CreditRating.AAA
    if inputs.membership is Membership.NONE:
        caps.append("no 1688 membership is disqualifying: C.")
        ceiling = CreditRating.C
    if inputs.membership_years is not None and inputs.membership_years < YEARS_RED_FLAG:
        caps.append("membership under 1 year is disqualifying: C.")
        ceiling = CreditRating.C
    for kind in dict.fromkeys(k for k in inputs.red_flags if k.disqualifying):
        caps.append(f"red flag '{kind.label}' is disqualifying: C.")
        ceiling = CreditRating.C
    others = [kind for kind in inputs.red_flags if not kind.disqualifying]
    if others:
        caps.append(f"{len(others)} open red flag(s) on record: at most B.")
        ceiling = _worse(ceiling, CreditRating.B)

    if len(factors) < MIN_KNOWN_FACTORS:
        if ceiling is CreditRating.C:  # disqualified whatever else is known
            return CreditAssessment(ceiling, tuple(factors), tuple(caps), tuple(unknown), None)
        return CreditAssessment(
            CreditRating.UNKNOWN, tuple(factors), tuple(caps), tuple(unknown), None
        )
    earned = sum(f.points for f in factors)
    possible = sum(f.possible for f in factors)
    rating = rating_for_points(earned, possible)
    percent = (Decimal(earned * 100) / possible).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return CreditAssessment(
        _worse(rating, ceiling), tuple(factors), tuple(caps), tuple(unknown), percent
    )


def rating_for_points(earned: int, possible: int) -> CreditRating:
    """The rating for a share of points, compared exactly (6 of 10 is 60 %, an A)."""
    if possible <= 0 or not 0 <= earned <= possible:
        raise ValueError(f"Points must be between 0 and {possible}, not {earned}.")
    return next(rating for cut, rating in RATING_CUTOFFS if earned * 100 >= cut * possible)


def _worse(one: CreditRating, other: CreditRating) -> CreditRating:
    return one if one.rank >= other.rank else other


def _trend(trend: Trend) -> Factor:
    points = {Trend.RISING: 2, Trend.STABLE: 1, Trend.FALLING: 0}[trend]
    return Factor("Trading-volume trend", trend.value, points, "rising 2, stable 1, falling 0")


def _review(score: Decimal) -> Factor:
    points = 2 if score >= REVIEW_GOOD else 1 if score >= REVIEW_FAIR else 0
    return Factor("Review score", f"{score} of 5", points, "4.5 or more 2, 4.0-4.49 1, under 4.0 0")


def _disputes(count: int) -> Factor:
    points = 2 if count == 0 else 1 if count <= DISPUTES_FAIR_MAX else 0
    return Factor("Disputes", f"{count} in 12 months", points, "none 2, 1-2 1, 3 or more 0")


def _repeat(rate: Decimal) -> Factor:
    points = 2 if rate >= REPEAT_GOOD else 1 if rate >= REPEAT_FAIR else 0
    return Factor(
        "Repeat-purchase rate", f"{rate} %", points, "30 % or more 2, 15-29.9 % 1, under 15 % 0"
    )


def _years(years: int) -> Factor:
    points = 2 if years >= YEARS_GOOD else 1 if years >= YEARS_FAIR else 0
    return Factor("Years of membership", years_text(years), points, "3 or more 2, 1-2 1, under 1 0")


def _protection(protected: bool) -> Factor:
    value = "yes, deposit kept" if protected else "no"
    return Factor("Buyer protection", value, 2 if protected else 0, "yes 2, no 0")


# domain.md: source factory very low risk, strong merchant low, basic medium, none disqualifying
MEMBERSHIP_POINTS = {
    Membership.SOURCE_FACTORY: 3,
    Membership.STRONG: 2,
    Membership.BASIC: 1,
    Membership.NONE: 0,
}


def _membership(level: Membership) -> Factor:
    return Factor(
        "Membership level",
        level.label,
        MEMBERSHIP_POINTS[level],
        "source factory 3, strong merchant 2, basic 1, none 0",
        MEMBERSHIP_MAX_POINTS,
    )


class RatingSource(StrEnum):
    SUGGESTED = "suggested"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class CreditOverride:
    """The user's own rating and why; a reason is required."""

    rating: CreditRating
    reason: str

    def __post_init__(self) -> None:
        if self.rating is CreditRating.UNKNOWN:
            raise ValueError("A manual rating must be one of AAA, AA, A, B, C.")
        if not self.reason.strip():
            raise ValueError("Give a reason for overriding the suggested rating.")


@dataclass(frozen=True, slots=True)
class CreditDecision:
    """Both ratings side by side; a manual override, when present, is the effective one."""

    assessment: CreditAssessment
    override: CreditOverride | None = None

    @property
    def suggested(self) -> CreditRating:
        return self.assessment.suggested

    @property
    def effective(self) -> CreditRating:
        return self.override.rating if self.override else self.assessment.suggested

    @property
    def source(self) -> RatingSource:
        return RatingSource.MANUAL if self.override else RatingSource.SUGGESTED

    @property
    def explanation(self) -> str:
        if self.override is None:
            return self.assessment.explanation
        return (
            f"Manual rating {self.override.rating.value} (reason: {self.override.reason.strip()}); "
            f"the rule suggests {self.suggested.value}.\n{self.assessment.explanation}"
        )


def decide_rating(inputs: CreditInputs, override: CreditOverride | None = None) -> CreditDecision:
    """The suggested rating and, if given, the user's override, which wins."""
    return CreditDecision(suggest_rating(inputs), override)
