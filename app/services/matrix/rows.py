"""Reading the Capacity & Credit matrix: one graded row per supplier (app.domain.matrix.rows).

Reading is split from ranking on purpose: capacity grades and credit ratings do not depend on
the user's weights, so they are computed once per read (`load_matrix`); a weight or threshold
change only re-runs `rank_matrix`, which is what the "under 1 s for 100,000" target measures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from app.domain.matrix.capacity import Dimension, grade_for_supplier
from app.domain.matrix.credit import CreditInputs
from app.domain.matrix.credit_decision import CreditDecision, decide_rating
from app.domain.matrix.records import CapacityFact, CreditRecord
from app.domain.matrix.rows import CapacityCell, MatrixRow
from app.domain.matrix.scoring import Scores
from app.domain.suppliers.choices import BusinessType, Membership, RedFlagKind, Status
from app.domain.suppliers.membership import membership_years, source_factory_area_warning
from app.services.gc_pause import paused_garbage_collector

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint: the tab imports this module
    from app.services.matrix.reading import FactValue
    from app.services.matrix.service import MatrixService

DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
NO_SCORES = Scores()


# Real matrices repeat values (100 staff, 5 lines, "4.8" reviews): grading each distinct input
# once makes reading 100,000 rows several times faster. Both functions are pure.
_graded = lru_cache(maxsize=65536)(grade_for_supplier)
_decided = lru_cache(maxsize=65536)(decide_rating)


def capacity_cell(
    dimension: Dimension,
    fact: CapacityFact | FactValue | None,
    business_type: BusinessType | None = None,
    membership: Membership | None = None,
) -> CapacityCell:
    """One graded cell: n/a for a trading company's production, a check flagged when a source
    factory's area is under its 1,000 m² requirement."""
    trading = business_type is BusinessType.TRADING
    if fact is None:
        result = _graded(dimension, None, trading_company=trading)
        return CapacityCell(None, result.grade, result.rule_text)
    result = _graded(dimension, fact.value, trading_company=trading)
    warning = ""
    if dimension is Dimension.FACTORY_AREA:
        warning = source_factory_area_warning(membership, fact.value)
    return CapacityCell(
        fact.value, result.grade, result.rule_text, fact.source, fact.observed_on, warning
    )


def load_matrix(
    matrix: MatrixService, today: date, supplier_ids: Iterable[int] | None = None
) -> list[MatrixRow]:
    """Graded rows for every supplier (or the given ids), in supplier id order."""
    wanted = None if supplier_ids is None else sorted(set(supplier_ids))
    with paused_garbage_collector():  # hundreds of thousands of small objects, no cycles
        return _load(matrix, today, wanted)


def _load(matrix: MatrixService, today: date, wanted: list[int] | None) -> list[MatrixRow]:
    from app.services.matrix.reading import current_fact_values

    with matrix.database.reading() as session:
        facts = current_fact_values(session.connection(), wanted)
    latest = matrix.latest_periods(wanted)
    credit = matrix.credit_inputs(wanted)
    rows: list[MatrixRow] = []
    for base in _supplier_bases(matrix, wanted):
        supplier_facts = facts.get(base.id, {})
        period, scores = latest.get(base.id, (None, NO_SCORES))
        rows.append(
            MatrixRow(
                supplier_id=base.id,
                name_zh=base.name_zh,
                name_en=base.name_en,
                status=base.status,
                province=base.province,
                city=base.city,
                tags=base.tags,
                capacity={
                    d: capacity_cell(d, supplier_facts.get(d), base.business_type, base.membership)
                    for d in DIMENSIONS
                },
                credit=credit_decision(base, credit.get(base.id), today),
                period=period,
                scores=scores,
                name_sort=base.name_sort,
                search_text=base.search_text,
                buyer_protection=base.buyer_protection,
            )
        )
    return rows


@dataclass(frozen=True, slots=True)
class _SupplierBase:
    id: int
    name_zh: str
    name_en: str
    status: Status
    province: str
    city: str
    membership: Membership | None
    member_since: int | None
    member_since_month: int | None
    buyer_protection: bool | None
    red_flags: tuple[RedFlagKind, ...]  # the kinds of the open ones
    tags: tuple[str, ...]
    name_sort: str
    search_text: str
    business_type: BusinessType | None = None
    reorder_rate: Decimal | None = None


def credit_decision(
    base: _SupplierBase, record: CreditRecord | None, today: date
) -> CreditDecision:
    stored = record.inputs if record else CreditInputs()
    inputs = CreditInputs(
        volume_trend=stored.volume_trend,
        review_score=stored.review_score,
        disputes_last_12_months=stored.disputes_last_12_months,
        repeat_purchase_rate=base.reorder_rate,
        membership_years=membership_years(base.member_since, base.member_since_month, today),
        buyer_protection=base.buyer_protection,
        membership=base.membership,
        red_flags=base.red_flags,
    )
    return _decided(inputs, record.override if record else None)


def _supplier_bases(matrix: MatrixService, wanted: Sequence[int] | None) -> list[_SupplierBase]:
    from sqlalchemy import select

    from app.store.models.suppliers import RedFlagRow, SupplierRow, TagRow

    s = SupplierRow.__table__.c
    flags = RedFlagRow.__table__.c
    tags = TagRow.__table__.c
    query = select(
        s.id,
        s.name_zh,
        s.name_en,
        s.status,
        s.province,
        s.city,
        s.membership,
        s.member_since,
        s.member_since_month,
        s.buyer_protection,
        s.name_sort,
        s.search_text,
        s.business_type,
        s.reorder_rate,
    ).order_by(s.id)
    flag_query = (
        select(flags.supplier_id, flags.kind)
        .where(flags.resolved_on.is_(None))
        .order_by(flags.supplier_id, flags.position)
    )
    tag_query = select(tags.supplier_id, tags.tag).order_by(tags.supplier_id, tags.position)
    if wanted is not None:
        query = query.where(s.id.in_(wanted))
        flag_query = flag_query.where(flags.supplier_id.in_(wanted))
        tag_query = tag_query.where(tags.supplier_id.in_(wanted))
    with matrix.database.reading() as session:
        connection = session.connection()
        open_flags: dict[int, list[RedFlagKind]] = {}
        for supplier_id, kind in connection.execute(flag_query):
            open_flags.setdefault(supplier_id, []).append(kind)
        tag_lists: dict[int, list[str]] = {}
        for supplier_id, tag in connection.execute(tag_query):
            tag_lists.setdefault(supplier_id, []).append(tag)
        return [
            _SupplierBase(
                id=row.id,
                name_zh=row.name_zh,
                name_en=row.name_en,
                status=row.status,
                province=row.province,
                city=row.city,
                membership=row.membership,
                member_since=row.member_since,
                member_since_month=row.member_since_month,
                buyer_protection=(
                    None if row.buyer_protection is None else bool(row.buyer_protection)
                ),
                red_flags=tuple(open_flags.get(row.id, ())),
                tags=tuple(tag_lists.get(row.id, ())),
                name_sort=row.name_sort,
                search_text=row.search_text,
                business_type=row.business_type,
                reorder_rate=row.reorder_rate,
            )
            for row in connection.execute(query)
        ]
