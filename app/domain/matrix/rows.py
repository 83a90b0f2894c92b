"""One graded row of the Capacity & Credit matrix per supplier, and its ranking.

Rows hold what does not depend on the user's weights (capacity grades, the credit decision, the
latest scores); `rank_matrix` adds what does. The tab, the exports and the services share them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.matrix.credit_decision import CreditDecision
from app.domain.matrix.scoring import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    LevelThresholds,
    Ranked,
    Scores,
    Weights,
    rank_suppliers,
)
from app.domain.suppliers.choices import Status


@dataclass(frozen=True, slots=True)
class CapacityCell:
    """One dimension of one supplier: the current raw value, its grade and where it came from."""

    value: Decimal | None
    grade: Grade
    rule_text: str
    source: FactSource | None = None
    observed_on: date | None = None
    warning: str = ""  # a check the value calls for (a source factory under 1,000 m²)

    @property
    def tooltip(self) -> str:
        text = self.rule_text
        if self.source is not None:
            seen = f", {self.observed_on.isoformat()}" if self.observed_on else ", date unknown"
            text += f"\nSource: {self.source.label}{seen}."
        if self.warning:
            text += f"\n⚠ {self.warning}"
        return text


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """Everything the matrix shows for one supplier except what depends on the weights."""

    supplier_id: int
    name_zh: str
    name_en: str
    status: Status
    province: str
    city: str
    tags: tuple[str, ...]
    capacity: dict[Dimension, CapacityCell]  # every dimension present, UNKNOWN when no fact
    credit: CreditDecision
    period: str | None  # the latest evaluation period, None when never evaluated
    scores: Scores  # that period's scores (all None when never evaluated)
    name_sort: str = ""  # the stored pinyin sort key of the name
    search_text: str = ""  # the stored haystack the quick filter scans (names, pinyin, tags…)
    buyer_protection: bool | None = None  # from the supplier record; None: not known

    @property
    def display_name(self) -> str:
        return self.name_zh or self.name_en


def rank_matrix(
    rows: Iterable[MatrixRow],
    weights: Weights = DEFAULT_WEIGHTS,
    thresholds: LevelThresholds = DEFAULT_THRESHOLDS,
) -> dict[int, Ranked]:
    """Weighted score, level and rank per supplier id (the only weight-dependent part)."""
    ranked = rank_suppliers(((r.supplier_id, r.scores) for r in rows), weights, thresholds)
    return {entry.key: entry for entry in ranked}  # type: ignore[misc]
