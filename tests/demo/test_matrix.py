"""The Capacity & Credit demo: the matrix it gives is full and interesting, as claimed."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.demo import demo_suppliers, fill_demo, fill_demo_matrix
from app.demo.matrix import parse_credit, parse_period, quarter, shop_slug
from app.demo.matrix_data import CAPACITY, CREDIT, EVALUATIONS, OVERRIDES
from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.matrix.credit import CreditRating
from app.domain.matrix.credit_decision import RatingSource
from app.domain.matrix.indicators import Indicator, criterion_scores
from app.domain.matrix.records import Evaluation
from app.domain.matrix.rows import MatrixRow, rank_matrix
from app.domain.matrix.scoring import Level, Scores
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import PERIOD_PATTERN, MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.conftest import TODAY

D = Decimal


@dataclass
class Demo:
    matrix: MatrixService
    rows: list[MatrixRow]
    evaluations: dict[int, list[Evaluation]]


@contextmanager
def _filled(path: Path, today: date) -> Iterator[Demo]:
    open_database_file(path)
    database = Database(path)
    try:
        fill_demo(SupplierService(database, today=lambda: today))  # as the CLI calls it
        matrix = MatrixService(database, today=lambda: today)
        rows = load_matrix(matrix, today)
        yield Demo(
            matrix, rows, {row.supplier_id: matrix.evaluations(row.supplier_id) for row in rows}
        )
    finally:
        database.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    with _filled(tmp_path_factory.mktemp("demo") / "demo.sqlite3", TODAY) as filled:
        yield filled


def test_every_capacity_grade_occurs_in_every_dimension(demo: Demo) -> None:
    for dimension in Dimension:
        grades = Counter(row.capacity[dimension].grade for row in demo.rows)
        # n/a is a trading company's production: its response time is graded as anyone's.
        expected = set(Grade) - (
            {Grade.NOT_APPLICABLE} if dimension is Dimension.RESPONSE_TIME else set()
        )
        assert set(grades) == expected, dimension


def test_capacity_facts_have_every_source_dates_and_history(demo: Demo) -> None:
    current = [cell for row in demo.rows for cell in row.capacity.values() if cell.source]
    assert {cell.source for cell in current} == set(FactSource)
    assert any(cell.observed_on is None for cell in current)  # said, but when is not known
    assert all(cell.observed_on is None or cell.observed_on <= TODAY for cell in current)
    superseded = []
    for row in demo.rows:
        history = demo.matrix.capacity_history(row.supplier_id)
        for dimension in Dimension:
            facts = [fact for fact in history if fact.dimension is dimension]
            if len(facts) > 1 and facts[0].source is FactSource.AUDIT:
                superseded.append((row.name_en, dimension, facts[1].value, facts[0].value))
    # An older claim corrected by what was seen at an audit, with a different grade.
    assert len(superseded) >= 2
    assert any(old > new for _, _, old, new in superseded)


def test_every_level_occurs_and_at_least_one_rank_is_shared(demo: Demo) -> None:
    ranked = rank_matrix(demo.rows)
    assert {entry.level for entry in ranked.values()} == set(Level)
    ranks = Counter(entry.rank for entry in ranked.values() if entry.rank is not None)
    assert any(count > 1 for count in ranks.values())
    unranked = [entry for entry in ranked.values() if entry.rank is None]
    assert all(entry.level in (Level.UNKNOWN, Level.INCOMPLETE) for entry in unranked)


def test_most_but_not_all_suppliers_were_evaluated_over_three_to_six_quarters(
    demo: Demo,
) -> None:
    evaluated = {sid: found for sid, found in demo.evaluations.items() if found}
    assert len(demo.rows) // 2 < len(evaluated) < len(demo.rows)
    assert all(3 <= len(found) <= 6 for found in evaluated.values())
    periods = {e.period for found in evaluated.values() for e in found}
    assert min(periods) == "2025-Q3" and max(periods) == "2026-Q4"
    for found in evaluated.values():
        for evaluation in found:
            assert PERIOD_PATTERN.fullmatch(evaluation.period)
            assert evaluation.starts_on is not None and evaluation.starts_on <= TODAY
            assert evaluation.ends_on is not None and evaluation.ends_on <= TODAY
    latest = {row.period for row in demo.rows if row.period}
    assert len(latest) > 1  # some stopped ordering quarters ago


def test_some_evaluations_come_from_sub_indicators_and_some_miss_a_criterion(
    demo: Demo,
) -> None:
    evaluations = [e for found in demo.evaluations.values() for e in found]
    from_indicators = [e for e in evaluations if e.indicators]
    assert len(from_indicators) >= 10
    assert {i for e in from_indicators for i in e.indicators} == set(Indicator)
    for evaluation in from_indicators:  # the stored score is the one computed from the values
        computed = criterion_scores(evaluation.indicators)
        for criterion in {i.criterion for i in evaluation.indicators}:
            assert getattr(evaluation.scores, criterion.value) == getattr(computed, criterion.value)
    mixed = [e for e in from_indicators if len({i.criterion for i in e.indicators}) < 4]
    assert any(e.scores.delivery is not None for e in mixed)  # direct scores beside them
    for name in ("quality", "delivery", "service", "cost"):
        assert any(getattr(e.scores, name) is None for e in evaluations), name
    assert any(e.note for e in evaluations)


def test_every_suggested_credit_rating_occurs_and_three_are_overridden(demo: Demo) -> None:
    suggested = Counter(row.credit.suggested for row in demo.rows)
    assert set(suggested) == set(CreditRating) - {CreditRating.UNKNOWN}
    manual = [row.credit for row in demo.rows if row.credit.source is RatingSource.MANUAL]
    assert len(manual) == 3
    assert all(d.override and d.override.reason for d in manual)
    assert all(d.effective is not d.suggested for d in manual)  # each one changes the rating
    better = [d for d in manual if d.effective.rank < d.suggested.rank]
    assert better and len(better) < len(manual)  # raised and lowered
    stored = demo.matrix.credit_inputs()
    assert len(demo.rows) // 2 < len(stored) < len(demo.rows)


def test_the_demo_is_the_same_on_every_run(tmp_path: Path, demo: Demo) -> None:
    def plain(filled: Demo) -> dict[int, list[tuple]]:
        return {
            sid: [(e.period, e.starts_on, e.ends_on, e.scores, e.indicators, e.note) for e in found]
            for sid, found in filled.evaluations.items()
        }

    with _filled(tmp_path / "again.sqlite3", TODAY) as again:
        assert again.rows == demo.rows
        assert plain(again) == plain(demo)


def test_dates_follow_today(tmp_path: Path) -> None:
    later = date(2031, 3, 1)
    with _filled(tmp_path / "later.sqlite3", later) as filled:
        evaluations = [e for found in filled.evaluations.values() for e in found]
        facts = [c for row in filled.rows for c in row.capacity.values() if c.observed_on]
    assert {e.period for e in evaluations} >= {"2029-Q4", "2031-Q1"}
    assert max(e.period for e in evaluations) == "2031-Q1"
    assert all(e.ends_on is not None and e.ends_on <= later for e in evaluations)
    assert max(fact.observed_on for fact in facts) <= later


def test_the_data_tables_name_demo_suppliers_only() -> None:
    slugs = {shop_slug(s.shop_url) for s in demo_suppliers(TODAY)}
    assert set(CAPACITY) <= slugs and set(EVALUATIONS) <= slugs and set(CREDIT) <= slugs
    assert set(OVERRIDES) <= set(CREDIT)  # an override is stored with the credit inputs


@pytest.mark.parametrize(
    ("today", "back", "expected"),
    [
        (TODAY, 0, ("2026-Q4", date(2026, 10, 1), TODAY)),  # today's quarter runs to date
        (TODAY, 1, ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30))),
        (TODAY, 5, ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30))),
        (date(2027, 1, 1), 1, ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31))),
        (date(2027, 3, 31), 0, ("2027-Q1", date(2027, 1, 1), date(2027, 3, 31))),
        (date(2027, 4, 1), 4, ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30))),
    ],
)
def test_quarters_before_today(today: date, back: int, expected: tuple[str, date, date]) -> None:
    assert quarter(today, back) == expected


def test_a_demo_period_reads_scores_and_sub_indicators() -> None:
    scores, raw = parse_period("97.5 1.2 - | 91 | 0.5 4 | -")
    assert scores == Scores(None, D(91), None, None)
    assert raw == {
        Indicator.PASS_RATE: D("97.5"),
        Indicator.COMPLAINT_RATE: D("1.2"),
        Indicator.RESPONSE_SPEED: D("0.5"),
        Indicator.PROBLEM_SOLVING: D(4),
    }
    with pytest.raises(ValueError, match="4 groups"):
        parse_period("90 | 90 | 90")
    with pytest.raises(ValueError, match="Delivery needs 2 values"):
        parse_period("90 | 90 90 90 | 90 | 90")
    inputs = parse_credit("- 4.3 -")
    assert (inputs.volume_trend, inputs.review_score, inputs.disputes_last_12_months) == (
        None,
        D("4.3"),
        None,
    )


def test_demo_entries_without_their_supplier_are_left_out(
    supplier_service: SupplierService, database: Database
) -> None:
    chosen = [s for s in demo_suppliers(TODAY) if shop_slug(s.shop_url) in ("hqtxpj", "cwdsm")]
    ids = supplier_service.insert_many(chosen).created
    stored = [dataclasses.replace(s, id=i) for s, i in zip(chosen, ids, strict=True)]
    matrix = MatrixService(database, today=lambda: TODAY)
    fill_demo_matrix(matrix, stored, TODAY)
    assert set(matrix.current_capacity()) == set(ids)
    assert set(matrix.credit_inputs()) == set(ids)
    assert set(matrix.latest_scores()) == {ids[0]}  # cwdsm has never been evaluated
