"""Reading the Capacity & Credit matrix: one graded row per supplier (app.domain.matrix.rows).

Reading is split from ranking on purpose: capacity grades and credit ratings do not depend on
the user's weights, so they are computed once per read (`load_matrix`); a weight or threshold
change only re-runs `rank_matrix`, which is what the "under 1 s for 100,000" target measures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from app.domain.matrix.capacity import Dimension, grade_capacity
from app.domain.matrix.credit import CreditDecision, CreditInputs, decide_rating
from app.domain.matrix.records import CapacityFact, CreditRecord
from app.domain.matrix.rows import CapacityCell, MatrixRow
from app.domain.matrix.scoring import Scores
from app.domain.suppliers.choices import Membership, Status
from app.services.gc_pause import paused_garbage_collector

if TYPE_CHECKING:  # SQLAlchemy loads after the first paint: the tab imports this module
    from app.services.matrix.reading import FactValue
    from app.services.matrix.service import MatrixService

DIMENSIONS: tuple[Dimension, ...] = tuple(Dimension)
NO_SCORES = Scores()


# Real matrices repeat values (100 staff, 5 lines, "4.8" reviews): grading each distinct input
# once makes reading 100,000 rows several times faster. Both functions are pure.
_graded = lru_cache(maxsize=65536)(grade_capacity)
_decided = lru_cache(maxsize=65536)(decide_rating)


def capacity_cell(dimension: Dimension, fact: CapacityFact | FactValue | None) -> CapacityCell:
    if fact is None:
        result = _graded(dimension, None)
        return CapacityCell(None, result.grade, result.rule_text)
    result = _graded(dimension, fact.value)
    return CapacityCell(fact.value, result.grade, result.rule_text, fact.source, fact.observed_on)


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
                capacity={d: capacity_cell(d, supplier_facts.get(d)) for d in DIMENSIONS},
                credit=credit_decision(base, credit.get(base.id), today),
                period=period,
                scores=scores,
                name_sort=base.name_sort,
                search_text=base.search_text,
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
    buyer_protection: bool
    red_flags: int
    tags: tuple[str, ...]
    name_sort: str
    search_text: str


def credit_decision(
    base: _SupplierBase, record: CreditRecord | None, today: date
) -> CreditDecision:
    stored = record.inputs if record else CreditInputs()
    years = None if base.member_since is None else max(0, today.year - base.member_since)
    inputs = CreditInputs(
        volume_trend=stored.volume_trend,
        review_score=stored.review_score,
        disputes_last_12_months=stored.disputes_last_12_months,
        repeat_purchase_rate=stored.repeat_purchase_rate,
        membership_years=years,
        buyer_protection=base.buyer_protection,
        membership=base.membership,
        red_flags=base.red_flags,
    )
    return _decided(inputs, record.override if record else None)


def _supplier_bases(matrix: MatrixService, wanted: Sequence[int] | None) -> list[_SupplierBase]:
    from sqlalchemy import func, select

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
        s.buyer_protection,
        s.name_sort,
        s.search_text,
    ).order_by(s.id)
    flag_query = select(flags.supplier_id, func.count()).group_by(flags.supplier_id)
    tag_query = select(tags.supplier_id, tags.tag).order_by(tags.supplier_id, tags.position)
    if wanted is not None:
        query = query.where(s.id.in_(wanted))
        flag_query = flag_query.where(flags.supplier_id.in_(wanted))
        tag_query = tag_query.where(tags.supplier_id.in_(wanted))
    with matrix.database.reading() as session:
        connection = session.connection()
        flag_counts: dict[int, int] = dict(connection.execute(flag_query).all())
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
                buyer_protection=bool(row.buyer_protection),
                red_flags=flag_counts.get(row.id, 0),
                tags=tuple(tag_lists.get(row.id, ())),
                name_sort=row.name_sort,
                search_text=row.search_text,
            )
            for row in connection.execute(query)
        ]
