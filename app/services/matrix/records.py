"""Plain records the matrix service returns, and how stored rows become them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditOverride, CreditRating, Trend
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
    """The buyer's stored credit inputs (trend, reviews, disputes, repeat rate) and override.

    `inputs` holds only those four; membership, its years, buyer protection and red flags come
    from the supplier record: see `with_supplier_facts`.
    """

    supplier_id: int
    inputs: CreditInputs
    override: CreditOverride | None
    updated_at: datetime


def fact_record(row: Any) -> CapacityFact:
    return CapacityFact(
        id=row.id,
        supplier_id=row.supplier_id,
        dimension=row.dimension,
        value=row.value,
        source=row.source,
        observed_on=row.observed_on,
        note=row.note,
        created_at=row.created_at,
    )


def evaluation_record(row: Any, indicators: dict[Indicator, Decimal] | None = None) -> Evaluation:
    return Evaluation(
        id=row.id,
        supplier_id=row.supplier_id,
        period=row.period,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        scores=Scores(row.quality, row.delivery, row.service, row.cost),
        note=row.note,
        created_at=row.created_at,
        updated_at=row.updated_at,
        indicators=indicators or {},
    )


def credit_record(row: Any) -> CreditRecord:
    override = None
    if row.manual_rating is not None:
        override = CreditOverride(CreditRating(row.manual_rating), row.manual_reason)
    return CreditRecord(
        supplier_id=row.supplier_id,
        inputs=CreditInputs(
            volume_trend=None if row.trend is None else Trend(row.trend),
            review_score=row.review_score,
            disputes_last_12_months=row.disputes_12m,
            repeat_purchase_rate=row.repeat_rate,
        ),
        override=override,
        updated_at=row.updated_at,
    )
