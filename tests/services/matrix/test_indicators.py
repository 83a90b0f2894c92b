"""MatrixService.save_evaluation with sub-indicators: computed scores, refusals, replacement."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.domain.matrix.indicators import Indicator, criterion_scores
from app.domain.matrix.scoring import Scores
from app.errors import ValidationError
from app.services.changes import Change, Topic
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal

D = Decimal
I = Indicator  # noqa: E741
QUALITY_AND_SERVICE = {
    I.PASS_RATE: D("98.5"),  # 98.5
    I.COMPLAINT_RATE: D(2),  # 80 -> Quality 89.25 -> 89.3
    I.RESPONSE_SPEED: D("0.5"),  # 100
    I.PROBLEM_SOLVING: D(4),  # 75 -> Service 87.5
}


@pytest.fixture
def matrix(database: Database) -> MatrixService:
    return MatrixService(database, today=lambda: TODAY)


@pytest.fixture
def sid(supplier_service: SupplierService) -> int:
    return supplier_service.save(hengda()).created[0]


def _stored(path: Path) -> tuple[int, int]:
    evaluations = query(path, "SELECT count(*) FROM evaluations")[0][0]
    indicators = query(path, "SELECT count(*) FROM evaluation_indicators")[0][0]
    return evaluations, indicators


def test_criteria_with_sub_indicators_are_scored_from_them(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    change = matrix.save_evaluation(
        sid,
        "2026-Q3",
        Scores(delivery=D(90), cost=D("70.5")),
        indicators=QUALITY_AND_SERVICE,
    )
    assert change == Change(updated=(sid,), topic=Topic.MATRIX)
    [evaluation] = matrix.evaluations(sid)
    assert evaluation.scores == Scores(D("89.3"), D(90), D("87.5"), D("70.5"))
    assert evaluation.indicators == QUALITY_AND_SERVICE
    assert list(evaluation.indicators) == list(QUALITY_AND_SERVICE)  # in Indicator order
    assert all(isinstance(v, Decimal) for v in evaluation.indicators.values())
    assert matrix.latest_scores() == {sid: evaluation.scores}  # stored, read as before
    assert query(db_path, "SELECT quality, service FROM evaluations") == [("89.3", "87.5")]
    assert query(
        db_path,
        "SELECT indicator, typeof(value), value FROM evaluation_indicators ORDER BY id",
    ) == [
        ("pass_rate", "text", "98.5"),
        ("complaint_rate", "text", "2"),
        ("response_speed", "text", "0.5"),
        ("problem_solving", "text", "4"),
    ]


def test_indicators_alone_are_enough_and_unrelated_criteria_stay_unknown(
    matrix: MatrixService, sid: int
) -> None:
    raw = {I.ON_TIME_RATE: D("97.4"), I.QUANTITY_ACCURACY: D("99.1")}
    matrix.save_evaluation(sid, "2026-Q3", indicators=raw)
    [evaluation] = matrix.evaluations(sid)
    assert evaluation.scores == Scores(delivery=D("98.3")) == criterion_scores(raw)


def test_codes_are_accepted_as_keys(matrix: MatrixService, sid: int) -> None:
    matrix.save_evaluation(sid, "2026-Q3", indicators={"cost_reduction": D(5)})  # type: ignore[dict-item]
    [evaluation] = matrix.evaluations(sid)
    assert evaluation.indicators == {I.COST_REDUCTION: D(5)}
    assert evaluation.scores.cost == D(100)


def test_an_evaluation_without_indicators_has_an_empty_dict(
    matrix: MatrixService, sid: int
) -> None:
    matrix.save_evaluation(sid, "2026-Q3", Scores(D(80), None, None, None))
    assert matrix.evaluations(sid)[0].indicators == {}


def test_a_score_and_sub_indicators_for_one_criterion_are_refused(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    with pytest.raises(ValidationError) as caught:
        matrix.save_evaluation(
            sid, "2026-Q3", Scores(quality=D(80), delivery=D(70)), indicators=QUALITY_AND_SERVICE
        )
    assert set(caught.value.field_errors) == {"quality"}
    assert "Quality score or its sub-indicators" in caught.value.field_errors["quality"]
    assert _stored(db_path) == (0, 0)


@pytest.mark.parametrize(
    ("indicators", "field", "words"),
    [
        ({I.PASS_RATE: D("100.5")}, "pass_rate", "from 0 to 100 %"),
        ({I.PASS_RATE: 98.5}, "pass_rate", "float"),
        ({I.COMPLAINT_RATE: D(-1)}, "complaint_rate", "from 0 to 100 %"),
        ({I.IMPROVEMENT: D(0)}, "improvement", "from 1 to 5"),
        ({I.RESPONSE_SPEED: D(-1)}, "response_speed", "0 h or more"),
        ({I.PROBLEM_SOLVING: "4"}, "problem_solving", "exact number"),
        ({I.PRICE_COMPETITIVENESS: True}, "price_competitiveness", "exact number"),
        ({I.COST_REDUCTION: D(101)}, "cost_reduction", "100 % or less"),
        ({I.COST_REDUCTION: D("NaN")}, "cost_reduction", "finite"),
        ({I.COST_REDUCTION: D("-" + "1" * 41)}, "cost_reduction", "too many digits"),
        ({"speed": D(1)}, "indicators", "not a sub-indicator"),
        ([(I.PASS_RATE, D(90))], "indicators", "mapping"),
    ],
)
def test_bad_raw_values_are_refused_under_their_code_and_nothing_is_written(
    matrix: MatrixService, sid: int, db_path: Path, indicators: Any, field: str, words: str
) -> None:
    good = {I.ON_TIME_RATE: D(95)}
    given = indicators | good if isinstance(indicators, dict) else indicators
    with pytest.raises(ValidationError) as caught:
        matrix.save_evaluation(sid, "2026-Q3", Scores(service=D(50)), indicators=given)
    assert set(caught.value.field_errors) == {field}
    assert words in caught.value.field_errors[field]
    assert _stored(db_path) == (0, 0)


def test_a_bad_update_leaves_the_stored_evaluation_as_it_was(
    matrix: MatrixService, sid: int
) -> None:
    matrix.save_evaluation(sid, "2026-Q3", indicators=QUALITY_AND_SERVICE)
    before = matrix.evaluations(sid)
    with pytest.raises(ValidationError):
        matrix.save_evaluation(sid, "2026-Q3", indicators={I.PASS_RATE: D(101)})
    assert matrix.evaluations(sid) == before


def test_saving_a_period_again_replaces_its_indicators(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    matrix.save_evaluation(sid, "2026-Q2", indicators={I.PASS_RATE: D(70)})
    matrix.save_evaluation(sid, "2026-Q3", indicators=QUALITY_AND_SERVICE)
    matrix.save_evaluation(sid, "2026-Q3", indicators={I.PASS_RATE: D(95)})
    q2, q3 = matrix.evaluations(sid)
    assert q3.indicators == {I.PASS_RATE: D(95)}
    assert q3.scores == Scores(quality=D("95.0"))  # service no longer computed, so unknown
    assert q2.indicators == {I.PASS_RATE: D(70)}  # another period is left alone
    # Scores only: the period's sub-indicators go, the scores are the ones given.
    matrix.save_evaluation(sid, "2026-Q3", Scores(D(60), None, None, None))
    q3 = matrix.evaluations(sid)[1]
    assert (q3.indicators, q3.scores) == ({}, Scores(quality=D(60)))
    assert _stored(db_path) == (2, 1)


def test_deleting_an_evaluation_or_its_supplier_removes_the_indicators(
    matrix: MatrixService, supplier_service: SupplierService, sid: int, db_path: Path
) -> None:
    other = supplier_service.save(minimal("宁波塑料厂")).created[0]
    for supplier_id in (sid, other):
        for period in ("2026-Q2", "2026-Q3"):
            matrix.save_evaluation(supplier_id, period, indicators=QUALITY_AND_SERVICE)
    assert _stored(db_path) == (4, 16)
    matrix.delete_evaluation(sid, "2026-Q2")
    assert _stored(db_path) == (3, 12)
    supplier_service.delete([sid])
    assert _stored(db_path) == (2, 8)
    assert [e.indicators for e in matrix.evaluations(other)] == [QUALITY_AND_SERVICE] * 2


@pytest.fixture
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    yield seen
    event.remove(database.engine, "before_cursor_execute", count)


def test_evaluations_read_the_indicators_in_one_query(
    matrix: MatrixService, sid: int, statements: list[str]
) -> None:
    periods = [f"2026-{month:02d}" for month in range(1, 11)]
    for period in periods:
        matrix.save_evaluation(sid, period, indicators=QUALITY_AND_SERVICE)
    statements.clear()
    evaluations = matrix.evaluations(sid)
    assert [e.period for e in evaluations] == periods
    assert all(e.indicators == QUALITY_AND_SERVICE for e in evaluations)
    reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) == 2  # the evaluations, then all their indicators
    assert sum("evaluation_indicators" in s for s in reads) == 1


def test_empty_fields_are_not_recorded(matrix: MatrixService, sid: int, db_path: Path) -> None:
    """A form passes None for an empty field: that sub-indicator is simply not recorded."""
    matrix.save_evaluation(
        sid,
        "2026-Q3",
        Scores(quality=D(70)),
        indicators={I.PASS_RATE: None, I.ON_TIME_RATE: D(96), I.QUANTITY_ACCURACY: None},
    )
    [evaluation] = matrix.evaluations(sid)
    assert evaluation.indicators == {I.ON_TIME_RATE: D(96)}
    assert evaluation.scores == Scores(quality=D(70), delivery=D("96.0"))
    assert _stored(db_path) == (1, 1)
