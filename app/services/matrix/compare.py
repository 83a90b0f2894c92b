"""What the comparison charts plot: each supplier on one 0-100 scale per axis. No Qt.

Scores are already 0-100. Capacity and credit are grades, so they are placed on the same
scale by rank (a project decision, stated in the chart's tooltip): excellent 100, good 75,
average 50, weak 25, averaged over the known dimensions; credit AAA 100 down to C 20.
Unknown stays None on every axis, never zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from app.domain.matrix.capacity import Grade
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.records import Evaluation
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import Criterion, Scores, Weights, weighted_score

GRADE_POINTS = {
    Grade.EXCELLENT: Decimal(100),
    Grade.GOOD: Decimal(75),
    Grade.AVERAGE: Decimal(50),
    Grade.WEAK: Decimal(25),
}
CREDIT_POINTS = {
    CreditRating.AAA: Decimal(100),
    CreditRating.AA: Decimal(80),
    CreditRating.A: Decimal(60),
    CreditRating.B: Decimal(40),
    CreditRating.C: Decimal(20),
}
RADAR_AXES: tuple[str, ...] = (*(c.label for c in Criterion), "Capacity", "Credit")
TREND_KEYS: tuple[str, ...] = (*(c.label for c in Criterion), "Weighted")
MAX_COMPARED = 5


def capacity_points(row: MatrixRow) -> Decimal | None:
    known = [GRADE_POINTS[c.grade] for c in row.capacity.values() if c.grade in GRADE_POINTS]
    if not known:
        return None
    return (sum(known, Decimal(0)) / len(known)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def radar_values(row: MatrixRow) -> tuple[Decimal | None, ...]:
    scores = tuple(getattr(row.scores, c.value) for c in Criterion)
    return (*scores, capacity_points(row), CREDIT_POINTS.get(row.credit.effective))


def trend_values(scores: Scores, weights: Weights) -> dict[str, Decimal | None]:
    values: dict[str, Decimal | None] = {c.label: getattr(scores, c.value) for c in Criterion}
    values["Weighted"] = weighted_score(scores, weights)
    return values


def trend_series(
    evaluations: list[Evaluation], weights: Weights
) -> list[tuple[str, dict[str, Decimal | None]]]:
    """(period, values) oldest first, for the score-over-periods chart."""
    ordered = sorted(evaluations, key=lambda e: e.period)
    return [(e.period, trend_values(e.scores, weights)) for e in ordered]
