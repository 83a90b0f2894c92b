"""Cell colours of the matrix as (background, text) hex pairs, from the shared grade palette.

The palette itself lives in app.domain.matrix.grade_palette, so the tab and the exports colour a grade
the same way; the text always says the grade too, so colour is never the only signal.
"""

from __future__ import annotations

from app.domain.matrix import grade_palette
from app.domain.matrix.capacity import Grade
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.scoring import Level


def grade_colours(grade: Grade) -> tuple[str, str]:
    return grade_palette.GRADE_FILL[grade], grade_palette.TEXT_ON_FILL


def rating_colours(rating: CreditRating) -> tuple[str, str]:
    return grade_palette.CREDIT_FILL[rating], grade_palette.TEXT_ON_FILL


def level_colours(level: Level) -> tuple[str, str]:
    return grade_palette.LEVEL_FILL[level], grade_palette.TEXT_ON_FILL
