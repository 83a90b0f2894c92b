"""How stored matrix rows become the domain's plain records (see app.domain.matrix.records)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.records import CapacityFact, CreditRecord, Evaluation
from app.domain.matrix.scoring import Scores


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
        ),
        override=override,
        updated_at=row.updated_at,
    )
