"""Capacity & Credit use cases (issue 3): capacity facts with history, evaluations per period,
credit inputs with a manual override, and the user's weights and level thresholds.

Every write validates first (ValidationError with field keys, nothing written), runs in one
transaction and returns a Change whose ids are the SUPPLIER ids whose matrix row changed.
Numbers are Decimal (or int) end to end and stored as text: a float is refused, never guessed.

Rules decided here:
- A dimension's current capacity is its latest fact by observed_on, then by id (the later
  entry wins on the same day); a fact without a date counts as older than any dated fact.
- Evaluation periods are written "2026", "2026-H1", "2026-Q3" or "2026-07" and sort by their
  text; saving a period a supplier already has replaces its scores and sub-indicators (an
  upsert). A criterion given by sub-indicators is scored from them (matrix_evaluations).
- Weights and thresholds live in app.services.matrix.settings (MatrixSettings, a base class).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, delete, func, select

from app.domain.kit.numbers import number_problem
from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.records import CapacityFact, CreditRecord, Evaluation
from app.domain.matrix.scoring import Criterion, Scores
from app.domain.suppliers.supplier import Supplier
from app.errors import NotFound, ValidationError
from app.services.changes import Change, Topic
from app.services.matrix.evaluations import (
    evaluation_scores,
    indicators_by_evaluation,
    replace_indicators,
)
from app.services.matrix.settings import MatrixSettings
from app.services.matrix.stored import credit_record, evaluation_record, fact_record
from app.services.sql import rows_affected, table_of
from app.store.db import Database
from app.store.models.matrix import CapacityFactRow, CreditInputRow, EvaluationRow
from app.store.models.suppliers import SupplierRow
from app.store.types import utc_now

PERIOD_PATTERN = re.compile(r"\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?")
_WHOLE_DIMENSIONS = (Dimension.PRODUCTION_LINES, Dimension.EMPLOYEES)
_ID_CHUNK = 500  # ids per IN (...) list: well under SQLite's variable limit

_FACTS = table_of(CapacityFactRow)
_EVALUATIONS = table_of(EvaluationRow)
_CREDIT = table_of(CreditInputRow)


class MatrixService(MatrixSettings):
    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today

    # --- capacity facts --------------------------------------------------------------------
    def record_capacity_fact(
        self,
        supplier_id: int,
        dimension: Dimension | str,
        value: Decimal | int,
        source: FactSource | str,
        observed_on: date | None = None,
        note: str = "",
    ) -> Change:
        """Add one observed value to a dimension's history (earlier facts are kept)."""
        errors: dict[str, str] = {}
        dimension = _choice(Dimension, dimension, "dimension", errors)
        source = _choice(FactSource, source, "source", errors)
        label = dimension.label if isinstance(dimension, Dimension) else "The value"
        problem = number_problem(value, label, minimum=Decimal(0))
        if problem:
            errors["value"] = problem
        elif dimension in _WHOLE_DIMENSIONS and value != int(value):
            errors["value"] = f"{label} must be a whole number, not {value}."
        self._check_date(observed_on, "observed_on", errors, not_after_today=True)
        if not isinstance(note, str):
            errors["note"] = "The note must be text."
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            _require_supplier(session, supplier_id)
            session.add(
                CapacityFactRow(
                    supplier_id=supplier_id,
                    dimension=dimension,
                    value=Decimal(value),
                    source=source,
                    observed_on=observed_on,
                    note=note.strip(),
                    created_at=utc_now(),
                )
            )
        return Change(updated=(supplier_id,), topic=Topic.MATRIX)

    def delete_capacity_fact(self, fact_id: int) -> Change:
        """Remove one fact entered by mistake; the dimension falls back to the previous one."""
        with self.database.transaction() as session:
            row = session.get(CapacityFactRow, fact_id)
            if row is None:
                raise NotFound(f"Capacity fact {fact_id} no longer exists.")
            supplier_id = row.supplier_id
            session.delete(row)
        return Change(updated=(supplier_id,), topic=Topic.MATRIX)

    def capacity_history(self, supplier_id: int) -> list[CapacityFact]:
        """Every fact of a supplier, by dimension, newest first (the first is the current)."""
        with self.database.reading() as session:
            rows = session.execute(
                select(_FACTS)
                .where(_FACTS.c.supplier_id == supplier_id)
                .order_by(*_newest_first_within(_FACTS.c.dimension))
            ).all()
        order = list(Dimension)
        facts = [fact_record(row) for row in rows]
        facts.sort(key=lambda fact: order.index(fact.dimension))  # stable: keeps newest first
        return facts

    def current_capacity(
        self, supplier_ids: Iterable[int] | None = None
    ) -> dict[int, dict[Dimension, CapacityFact]]:
        """The current fact of every dimension per supplier (one window query per id chunk)."""
        result: dict[int, dict[Dimension, CapacityFact]] = {}
        ranked = select(
            _FACTS,
            func.row_number()
            .over(
                partition_by=(_FACTS.c.supplier_id, _FACTS.c.dimension),
                order_by=_newest_first_within(),
            )
            .label("newness"),
        )
        with self.database.reading() as session:
            connection = session.connection()
            for chosen in _filtered(ranked, _FACTS.c.supplier_id, supplier_ids):
                latest = chosen.subquery()
                query = select(*(latest.c[c.name] for c in _FACTS.c)).where(latest.c.newness == 1)
                for row in connection.execute(query):
                    fact = fact_record(row)
                    result.setdefault(fact.supplier_id, {})[fact.dimension] = fact
        return result

    # --- evaluations -------------------------------------------------------------------------
    def save_evaluation(
        self,
        supplier_id: int,
        period: str,
        scores: Scores | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        note: str = "",
        *,
        indicators: Mapping[Indicator, Decimal | None] | None = None,
    ) -> Change:
        """Store a period's Q/D/S/C scores; an existing evaluation of that period is replaced.

        A criterion with `indicators` (raw sub-indicator values; None: not recorded) is scored
        from them and must not be in `scores` too; bad raw values are refused under their code.
        """
        errors: dict[str, str] = {}
        period = period.strip() if isinstance(period, str) else period
        if not isinstance(period, str) or not PERIOD_PATTERN.fullmatch(period):
            errors["period"] = (
                f"Write the period as 2026, 2026-H1, 2026-Q3 or 2026-07, not {period!r}."
            )
        elif period_start(period) > self.today():
            errors["period"] = f"Period {period} has not started yet; it cannot be evaluated."
        scores, raw = evaluation_scores(scores, indicators, errors)
        self._check_date(starts_on, "starts_on", errors)
        self._check_date(ends_on, "ends_on", errors)
        if (
            "starts_on" not in errors
            and "ends_on" not in errors
            and starts_on is not None
            and ends_on is not None
            and ends_on < starts_on
        ):
            errors["ends_on"] = f"The period cannot end ({ends_on}) before it starts ({starts_on})."
        if not isinstance(note, str):
            errors["note"] = "The note must be text."
        if errors:
            raise ValidationError(errors)
        now = utc_now()
        with self.database.transaction() as session:
            _require_supplier(session, supplier_id)
            row = session.scalar(
                select(EvaluationRow).where(
                    EvaluationRow.supplier_id == supplier_id, EvaluationRow.period == period
                )
            )
            if row is None:
                row = EvaluationRow(supplier_id=supplier_id, period=period, created_at=now)
                session.add(row)
            row.starts_on, row.ends_on, row.note, row.updated_at = (
                starts_on,
                ends_on,
                note.strip(),
                now,
            )
            for criterion in Criterion:
                score = getattr(scores, criterion.value)
                setattr(row, criterion.value, None if score is None else Decimal(score))
            session.flush()  # a new evaluation needs its id before its sub-indicators
            replace_indicators(session, row.id, raw)
        return Change(updated=(supplier_id,), topic=Topic.MATRIX)

    def delete_evaluation(self, supplier_id: int, period: str) -> Change:
        with self.database.transaction() as session:
            gone = rows_affected(
                session.execute(
                    delete(EvaluationRow).where(
                        EvaluationRow.supplier_id == supplier_id, EvaluationRow.period == period
                    )
                )
            )
        if not gone:
            raise NotFound(f"Supplier {supplier_id} has no evaluation for {period}.")
        return Change(updated=(supplier_id,), topic=Topic.MATRIX)

    def evaluations(self, supplier_id: int) -> list[Evaluation]:
        """A supplier's evaluations with their sub-indicators, oldest period first."""
        with self.database.reading() as session:
            rows = session.execute(
                select(_EVALUATIONS)
                .where(_EVALUATIONS.c.supplier_id == supplier_id)
                .order_by(_EVALUATIONS.c.period, _EVALUATIONS.c.id)
            ).all()
            indicators = indicators_by_evaluation(session.connection(), supplier_id)
        return [evaluation_record(row, indicators.get(row.id)) for row in rows]

    def latest_scores(self, supplier_ids: Iterable[int] | None = None) -> dict[int, Scores]:
        """Each supplier's scores of its latest period; suppliers never evaluated are absent."""
        return {sid: scores for sid, (_, scores) in self.latest_periods(supplier_ids).items()}

    def latest_periods(
        self, supplier_ids: Iterable[int] | None = None
    ) -> dict[int, tuple[str, Scores]]:
        """Each supplier's latest period and its scores; suppliers never evaluated are absent."""
        e = _EVALUATIONS.c
        ranked = select(
            e.supplier_id,
            e.period,
            e.quality,
            e.delivery,
            e.service,
            e.cost,
            func.row_number()
            .over(partition_by=e.supplier_id, order_by=(e.period.desc(), e.id.desc()))
            .label("newness"),
        )
        result: dict[int, tuple[str, Scores]] = {}
        with self.database.reading() as session:
            connection = session.connection()
            for chosen in _filtered(ranked, e.supplier_id, supplier_ids):
                latest = chosen.subquery()
                query = select(
                    latest.c.supplier_id,
                    latest.c.period,
                    latest.c.quality,
                    latest.c.delivery,
                    latest.c.service,
                    latest.c.cost,
                ).where(latest.c.newness == 1)
                for supplier_id, period, q, d, s, c in connection.execute(query):
                    result[supplier_id] = (period, Scores(q, d, s, c))
        return result

    # --- credit -------------------------------------------------------------------------------
    def save_credit_inputs(
        self, supplier_id: int, inputs: CreditInputs, override: CreditOverride | None = None
    ) -> Change:
        """Store the buyer's three credit inputs and the manual rating (None clears it).

        Only volume_trend, review_score and disputes_last_12_months are stored: the other
        CreditInputs fields are the supplier record's (the repeat-purchase rate is its 回头率,
        typed once there) and are not kept here.
        """
        errors: dict[str, str] = {}
        if not isinstance(inputs, CreditInputs):
            raise ValidationError({"inputs": "Give the credit inputs as CreditInputs."})
        if inputs.volume_trend is not None and not isinstance(inputs.volume_trend, Trend):
            errors["volume_trend"] = "The trend must be rising, stable or falling."
        review = inputs.review_score
        problem = review is not None and number_problem(
            review, "The review score", Decimal(0), Decimal(5)
        )
        if problem:
            errors["review_score"] = problem
        disputes = inputs.disputes_last_12_months
        if disputes is not None and (
            not isinstance(disputes, int) or isinstance(disputes, bool) or disputes < 0
        ):
            errors["disputes_last_12_months"] = "Disputes must be a whole number, zero or more."
        if override is not None and (
            not isinstance(override, CreditOverride)
            or not isinstance(override.rating, CreditRating)
            or not isinstance(override.reason, str)
        ):
            errors["override"] = "Give the manual rating as CreditOverride(rating, reason)."
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            _require_supplier(session, supplier_id)
            row = session.get(CreditInputRow, supplier_id)
            if row is None:
                row = CreditInputRow(supplier_id=supplier_id)
                session.add(row)
            row.trend = None if inputs.volume_trend is None else inputs.volume_trend.value
            row.review_score = _decimal_or_none(inputs.review_score)
            row.disputes_12m = disputes
            row.manual_rating = None if override is None else override.rating.value
            row.manual_reason = "" if override is None else override.reason.strip()
            row.updated_at = utc_now()
        return Change(updated=(supplier_id,), topic=Topic.MATRIX)

    def credit_inputs(self, supplier_ids: Iterable[int] | None = None) -> dict[int, CreditRecord]:
        """The stored credit inputs per supplier; suppliers without any are absent."""
        result: dict[int, CreditRecord] = {}
        with self.database.reading() as session:
            connection = session.connection()
            for query in _filtered(select(_CREDIT), _CREDIT.c.supplier_id, supplier_ids):
                for row in connection.execute(query):
                    result[row.supplier_id] = credit_record(row)
        return result

    # --- helpers -------------------------------------------------------------------------------
    def _check_date(
        self, value: object, field: str, errors: dict[str, str], *, not_after_today: bool = False
    ) -> None:
        if value is None:
            return
        if isinstance(value, datetime) or not isinstance(value, date):
            errors[field] = "Give a date (year, month, day) or leave it empty."
        elif not_after_today and value > self.today():
            errors[field] = f"{value} is in the future."


def period_start(period: str) -> date:
    """The first day of a period written as PERIOD_PATTERN allows (2026-Q3 -> 2026-07-01)."""
    year, _, part = period.partition("-")
    if not part:
        month = 1
    elif part[0] == "Q":
        month = 3 * int(part[1]) - 2
    elif part[0] == "H":
        month = 6 * int(part[1]) - 5
    else:
        month = int(part)
    return date(int(year), month, 1)


def with_supplier_facts(stored: CreditInputs, supplier: Supplier, today: date) -> CreditInputs:
    """The stored buyer inputs plus what the supplier record knows: its repeat-purchase rate
    (回头率), membership and its years, buyer protection and the kinds of its open red flags
    (the whole input of decide_rating)."""
    return CreditInputs(
        volume_trend=stored.volume_trend,
        review_score=stored.review_score,
        disputes_last_12_months=stored.disputes_last_12_months,
        repeat_purchase_rate=supplier.reorder_rate,
        membership_years=supplier.membership_years(today),
        buyer_protection=supplier.buyer_protection,
        membership=supplier.membership,
        red_flags=tuple(flag.kind for flag in supplier.open_red_flags()),
    )


def _require_supplier(session: Any, supplier_id: int) -> None:
    if session.get(SupplierRow, supplier_id) is None:
        raise NotFound(f"Supplier {supplier_id} no longer exists.")


def _choice(enum_type: Any, value: object, field: str, errors: dict[str, str]) -> Any:
    try:
        return enum_type(value)
    except ValueError:
        choices = ", ".join(member.value for member in enum_type)
        errors[field] = f"{value!r} is not one of: {choices}."
        return None


def _decimal_or_none(value: Decimal | int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _newest_first_within(*leading: Any) -> tuple[Any, ...]:
    """ORDER BY terms putting the current fact first: a NULL date sorts last under DESC."""
    return (*leading, _FACTS.c.observed_on.desc(), _FACTS.c.id.desc())


def _filtered(query: Select, column: Any, ids: Iterable[int] | None) -> Iterable[Select]:
    """The query once for everything, or once per chunk of wanted ids."""
    if ids is None:
        yield query
        return
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _ID_CHUNK):
        yield query.where(column.in_(wanted[start : start + _ID_CHUNK]))
