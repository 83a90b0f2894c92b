"""Plain records of the matrix: capacity facts, evaluations, credit inputs as stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.scoring import Scores


@dataclass(frozen=True, slots=True)
class CapacityFact:
    id: int
    supplier_id: int
    dimension: Dimension
    value: Decimal
    source: FactSource
    observed_on: date | None
    note: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Evaluation:
    id: int
    supplier_id: int
    period: str
    starts_on: date | None
    ends_on: date | None
    scores: Scores
    note: str
    created_at: datetime
    updated_at: datetime
    # Raw sub-indicator values, in Indicator order; the scores of their criteria come from them.
    indicators: dict[Indicator, Decimal] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CreditRecord:
    """The buyer's stored credit inputs (trend, reviews, disputes) and override.

    `inputs` holds only those three; the repeat-purchase rate (the supplier's 回头率, typed
    once), membership, its years, buyer protection and the open red flags come from the
    supplier record: see `with_supplier_facts`.
    """

    supplier_id: int
    inputs: CreditInputs
    override: CreditOverride | None
    updated_at: datetime
