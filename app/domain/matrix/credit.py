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

from app.domain.kit.message import QT_TRANSLATE_NOOP, Field, Listing, Message, Term
from app.domain.suppliers.choices import Membership, RedFlagKind

MESSAGES = "domain.matrix"  # the catalogue context of the sentences (kit.message)


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
    def meaning_term(self) -> Term:
        """The meaning in a sentence: 'excellent' / '优秀'."""
        return Term(self.meaning, _RATING_ZH[self])

    @property
    def said(self) -> Field:
        """The rating in a sentence: 'AAA' as it is, 'unknown' / '未知'."""
        return Term(self.value, "未知") if self is CreditRating.UNKNOWN else self.value

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
_RATING_ZH = {  # the meanings as the Chinese interface names them
    CreditRating.AAA: "优秀",
    CreditRating.AA: "良好",
    CreditRating.A: "一般",
    CreditRating.B: "较差",
    CreditRating.C: "很差",
    CreditRating.UNKNOWN: "未评级",
}
_ORDER = list(CreditRating)


class Trend(StrEnum):
    RISING = "rising"
    STABLE = "stable"
    FALLING = "falling"

    @property
    def term(self) -> Term:
        return Term(self.value, {"rising": "上升", "stable": "平稳", "falling": "下降"}[self.value])


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
    """One input's contribution: its value in words, points out of `possible`, and why (as
    messages the interface says in its language; `name`, `value`, `reason` and `text` are the
    English)."""

    name_said: Message
    value_said: Field
    points: int
    reason_said: Message
    possible: int = MAX_POINTS

    @property
    def name(self) -> str:
        return str(self.name_said)

    @property
    def value(self) -> str:
        return str(self.value_said)

    @property
    def reason(self) -> str:
        return str(self.reason_said)

    @property
    def said(self) -> Message:
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP("domain.matrix", "{name}: {value} -> {points}/{possible} ({reason})"),
            name=self.name_said,
            value=self.value_said,
            points=str(self.points),
            possible=str(self.possible),
            reason=self.reason_said,
        )

    @property
    def text(self) -> str:
        return str(self.said)


@dataclass(frozen=True, slots=True)
class CreditAssessment:
    """The suggested rating with each factor, the caps that applied and the unknown inputs."""

    suggested: CreditRating
    factors: tuple[Factor, ...]
    caps_said: tuple[Message, ...]
    unknown_said: tuple[Message, ...]  # the names of the inputs not known
    percent: Decimal | None

    @property
    def caps(self) -> tuple[str, ...]:
        return tuple(str(cap) for cap in self.caps_said)

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(str(name) for name in self.unknown_said)

    @property
    def explanation_said(self) -> tuple[Message, ...]:
        """The explanation line by line, for the interface to say in its language."""
        lines = [
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.matrix", "Suggested rating {rating}: {meaning}."),
                rating=self.suggested.said,
                meaning=self.suggested.meaning_term,
            )
        ]
        if self.percent is not None:
            lines.append(
                Message(
                    MESSAGES,
                    QT_TRANSLATE_NOOP(
                        "domain.matrix", "Points {earned} of {possible} ({percent} %)."
                    ),
                    earned=str(sum(f.points for f in self.factors)),
                    possible=str(sum(f.possible for f in self.factors)),
                    percent=str(self.percent),
                )
            )
        elif self.suggested is CreditRating.UNKNOWN:
            lines.append(
                Message(
                    MESSAGES,
                    QT_TRANSLATE_NOOP(
                        "domain.matrix",
                        "Only {known} of {count} inputs known; "
                        "at least {needed} are needed for a suggestion.",
                    ),
                    known=str(len(self.factors)),
                    count=str(FACTOR_COUNT),
                    needed=str(MIN_KNOWN_FACTORS),
                )
            )
        lines += [f.said for f in self.factors]
        cap = QT_TRANSLATE_NOOP("domain.matrix", "Cap: {cap}")
        lines += [Message(MESSAGES, cap, cap=said) for said in self.caps_said]
        if self.unknown_said:
            lines.append(
                Message(
                    MESSAGES,
                    QT_TRANSLATE_NOOP("domain.matrix", "Not known, left out: {names}."),
                    names=Listing(self.unknown_said),
                )
            )
        return tuple(lines)

    @property
    def explanation(self) -> str:
        return "\n".join(str(line) for line in self.explanation_said)


def suggest_rating(inputs: CreditInputs) -> CreditAssessment:
    """Derive the suggested rating from the inputs by the rule in the module docstring."""
    factors: list[Factor] = []
    unknown: list[Message] = []
    rules: tuple[tuple[Message, object, Callable[[Any], Factor]], ...] = (
        (TREND, inputs.volume_trend, _trend),
        (REVIEW, inputs.review_score, _review),
        (DISPUTES, inputs.disputes_last_12_months, _disputes),
        (REPEAT, inputs.repeat_purchase_rate, _repeat),
        (YEARS, inputs.membership_years, _years),
        (PROTECTION, inputs.buyer_protection, _protection),
        (LEVEL, inputs.membership, _membership),
    )
    for name, value, rule in rules:
        if value is None:
            unknown.append(name)
        else:
            factors.append(rule(value))

    caps: list[Message] = []
    ceiling = CreditRating.AAA
    if inputs.membership is Membership.NONE:
        caps.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.matrix", "no 1688 membership is disqualifying: C."),
            )
        )
        ceiling = CreditRating.C
    if inputs.membership_years is not None and inputs.membership_years < YEARS_RED_FLAG:
        caps.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.matrix", "membership under 1 year is disqualifying: C."),
            )
        )
        ceiling = CreditRating.C
    for kind in dict.fromkeys(k for k in inputs.red_flags if k.disqualifying):
        caps.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP("domain.matrix", "red flag '{flag}' is disqualifying: C."),
                flag=Term(kind.label, kind.label_zh),
            )
        )
        ceiling = CreditRating.C
    others = [kind for kind in inputs.red_flags if not kind.disqualifying]
    if others:
        caps.append(
            Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.matrix", "{count} open red flag(s) on record: at most B."
                ),
                count=str(len(others)),
            )
        )
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


def _said(template: str) -> Message:
    return Message(MESSAGES, template)


TREND = _said(QT_TRANSLATE_NOOP("domain.matrix", "Trading-volume trend"))
REVIEW = _said(QT_TRANSLATE_NOOP("domain.matrix", "Review score"))
DISPUTES = _said(QT_TRANSLATE_NOOP("domain.matrix", "Disputes"))
REPEAT = _said(QT_TRANSLATE_NOOP("domain.matrix", "Repeat-purchase rate"))
YEARS = _said(QT_TRANSLATE_NOOP("domain.matrix", "Years of membership"))
PROTECTION = _said(QT_TRANSLATE_NOOP("domain.matrix", "Buyer protection"))
LEVEL = _said(QT_TRANSLATE_NOOP("domain.matrix", "Membership level"))


def _trend(trend: Trend) -> Factor:
    points = {Trend.RISING: 2, Trend.STABLE: 1, Trend.FALLING: 0}[trend]
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "rising 2, stable 1, falling 0"))
    return Factor(TREND, trend.term, points, reason)


def _review(score: Decimal) -> Factor:
    points = 2 if score >= REVIEW_GOOD else 1 if score >= REVIEW_FAIR else 0
    value = Message(MESSAGES, QT_TRANSLATE_NOOP("domain.matrix", "{score} of 5"), score=str(score))
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "4.5 or more 2, 4.0-4.49 1, under 4.0 0"))
    return Factor(REVIEW, value, points, reason)


def _disputes(count: int) -> Factor:
    points = 2 if count == 0 else 1 if count <= DISPUTES_FAIR_MAX else 0
    value = Message(
        MESSAGES, QT_TRANSLATE_NOOP("domain.matrix", "{count} in 12 months"), count=str(count)
    )
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "none 2, 1-2 1, 3 or more 0"))
    return Factor(DISPUTES, value, points, reason)


def _repeat(rate: Decimal) -> Factor:
    points = 2 if rate >= REPEAT_GOOD else 1 if rate >= REPEAT_FAIR else 0
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "30 % or more 2, 15-29.9 % 1, under 15 % 0"))
    return Factor(REPEAT, f"{rate} %", points, reason)


def _years(years: int) -> Factor:
    """The years as suppliers.membership.years_text says them: '< 1 year', '1 year', '7 years'."""
    points = 2 if years >= YEARS_GOOD else 1 if years >= YEARS_FAIR else 0
    if years < 1:
        value = _said(QT_TRANSLATE_NOOP("domain.matrix", "< 1 year"))
    elif years == 1:
        value = _said(QT_TRANSLATE_NOOP("domain.matrix", "1 year"))
    else:
        value = Message(
            MESSAGES, QT_TRANSLATE_NOOP("domain.matrix", "{years} years"), years=str(years)
        )
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "3 or more 2, 1-2 1, under 1 0"))
    return Factor(YEARS, value, points, reason)


def _protection(protected: bool) -> Factor:
    value = (
        _said(QT_TRANSLATE_NOOP("domain.matrix", "yes, deposit kept"))
        if protected
        else _said(QT_TRANSLATE_NOOP("domain.matrix", "no"))
    )
    reason = _said(QT_TRANSLATE_NOOP("domain.matrix", "yes 2, no 0"))
    return Factor(PROTECTION, value, 2 if protected else 0, reason)


# domain.md: source factory very low risk, strong merchant low, basic medium, none disqualifying
MEMBERSHIP_POINTS = {
    Membership.SOURCE_FACTORY: 3,
    Membership.STRONG: 2,
    Membership.BASIC: 1,
    Membership.NONE: 0,
}


def _membership(level: Membership) -> Factor:
    return Factor(
        LEVEL,
        Term(level.label, level.label_zh),
        MEMBERSHIP_POINTS[level],
        _said(
            QT_TRANSLATE_NOOP(
                "domain.matrix", "source factory 3, strong merchant 2, basic 1, none 0"
            )
        ),
        MEMBERSHIP_MAX_POINTS,
    )
