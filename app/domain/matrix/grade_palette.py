"""One colour per grade, level and credit rating, shared by the matrix tab and its exports.

The fills are light tints of the Okabe-Ito palette (Okabe & Ito, "Color Universal Design"),
which stays distinguishable with every common colour-vision deficiency; the tints keep dark
text readable on top. One tone means the same everywhere: blue is best, then light blue,
yellow, orange, and red-orange is worst; grey is unknown. The text (grade, level, rating) is
always shown too, so colour is never the only cue. Pure data: no Qt, no openpyxl.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.matrix.capacity import Grade
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.scoring import Level

TEXT_ON_FILL = "#1f1f1f"  # dark text reads on every fill below


class Tone(StrEnum):
    """A place on the good-to-bad scale; `fill` is its colour as "#rrggbb"."""

    BEST = "best"
    GOOD = "good"
    NEUTRAL = "neutral"
    WARNING = "warning"
    BAD = "bad"
    UNKNOWN = "unknown"

    @property
    def fill(self) -> str:
        return _FILLS[self]


_FILLS: dict[Tone, str] = {
    Tone.BEST: "#99c7e0",  # Okabe-Ito blue #0072B2, 40 % tint
    Tone.GOOD: "#c4e5f7",  # Okabe-Ito sky blue #56B4E9, 35 % tint
    Tone.NEUTRAL: "#f9efb3",  # Okabe-Ito yellow #F0E442, 40 % tint
    Tone.WARNING: "#f1ca73",  # Okabe-Ito orange #E69F00, 55 % tint
    Tone.BAD: "#e8a673",  # Okabe-Ito vermillion #D55E00, 55 % tint
    Tone.UNKNOWN: "#e0e0e0",  # neutral grey
}

GRADE_TONE: dict[Grade, Tone] = {
    Grade.EXCELLENT: Tone.BEST,
    Grade.GOOD: Tone.GOOD,
    Grade.AVERAGE: Tone.NEUTRAL,
    Grade.WEAK: Tone.BAD,  # "below average": the worst capacity grade
    Grade.UNKNOWN: Tone.UNKNOWN,
    Grade.NOT_APPLICABLE: Tone.UNKNOWN,  # a trading company's production: nothing to grade
}

LEVEL_TONE: dict[Level, Tone] = {
    Level.A: Tone.BEST,
    Level.B: Tone.GOOD,
    Level.C: Tone.WARNING,  # reduce orders, demand corrective action
    Level.D: Tone.BAD,  # end cooperation
    Level.INCOMPLETE: Tone.UNKNOWN,  # too few criteria scored to decide
    Level.UNKNOWN: Tone.UNKNOWN,
}

CREDIT_TONE: dict[CreditRating, Tone] = {
    CreditRating.AAA: Tone.BEST,
    CreditRating.AA: Tone.GOOD,
    CreditRating.A: Tone.NEUTRAL,
    CreditRating.B: Tone.WARNING,
    CreditRating.C: Tone.BAD,
    CreditRating.UNKNOWN: Tone.UNKNOWN,
}

GRADE_FILL: dict[Grade, str] = {grade: tone.fill for grade, tone in GRADE_TONE.items()}
LEVEL_FILL: dict[Level, str] = {level: tone.fill for level, tone in LEVEL_TONE.items()}
CREDIT_FILL: dict[CreditRating, str] = {r: tone.fill for r, tone in CREDIT_TONE.items()}


def colour_key() -> list[tuple[Tone, str]]:
    """Each tone with what wears it, best first, for a legend: (BEST, "excellent · level A · credit AAA")."""
    key: list[tuple[Tone, str]] = []
    for tone in Tone:
        if tone is Tone.UNKNOWN:
            key.append(
                (
                    tone,
                    "unknown: no value, no score or too few credit inputs; also n/a (a trading "
                    "company's production) and an incomplete score",
                )
            )
            continue
        grades = [g.value for g, t in GRADE_TONE.items() if t is tone]
        levels = [f"level {v.value}" for v, t in LEVEL_TONE.items() if t is tone]
        ratings = [f"credit {r.value}" for r, t in CREDIT_TONE.items() if t is tone]
        key.append((tone, " · ".join([*grades, *levels, *ratings])))
    return key
