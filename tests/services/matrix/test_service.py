"""MatrixService: capacity history and current values, evaluations, credit inputs, settings."""

from __future__ import annotations

import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride, decide_rating
from app.domain.matrix.scoring import (
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    LevelThresholds,
    Scores,
    Weights,
)
from app.domain.suppliers.choices import Membership, RedFlagKind
from app.errors import NotFound, ValidationError
from app.services.changes import Change, Topic
from app.services.matrix.service import MatrixService, with_supplier_facts
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal

MC, LINES, AREA = Dimension.MONTHLY_CAPACITY, Dimension.PRODUCTION_LINES, Dimension.FACTORY_AREA


@pytest.fixture
def matrix(database: Database) -> MatrixService:
    return MatrixService(database, today=lambda: TODAY)


@pytest.fixture
def sid(supplier_service: SupplierService) -> int:
    return supplier_service.save(hengda()).created[0]


def _row_counts(path: Path) -> tuple[int, ...]:
    tables = ("capacity_facts", "evaluations", "credit_inputs", "app_settings")
    return tuple(query(path, f"SELECT count(*) FROM {t}")[0][0] for t in tables)


# --- capacity facts --------------------------------------------------------------------------
def test_a_fact_is_recorded_exactly_with_its_source(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    change = matrix.record_capacity_fact(
        sid, MC, Decimal("120000.5"), FactSource.LISTING_1688, date(2026, 9, 1), " page says "
    )
    assert change == Change(updated=(sid,), topic=Topic.MATRIX)
    [fact] = matrix.capacity_history(sid)
    assert (fact.dimension, fact.value, fact.source, fact.observed_on, fact.note) == (
        MC,
        Decimal("120000.5"),
        FactSource.LISTING_1688,
        date(2026, 9, 1),
        "page says",
    )
    assert fact.source.label == "1688 page"
    assert query(db_path, "SELECT typeof(value), value, source FROM capacity_facts") == [
        ("text", "120000.5", "listing_1688")
    ]


def test_history_is_kept_and_the_current_value_is_the_latest_observed(
    matrix: MatrixService, sid: int
) -> None:
    matrix.record_capacity_fact(sid, MC, 80000, FactSource.SUPPLIER_WORD, date(2026, 11, 1))
    matrix.record_capacity_fact(sid, MC, 60000, FactSource.AUDIT, date(2026, 10, 1))  # older
    matrix.record_capacity_fact(sid, MC, 99999, FactSource.SUPPLIER_WORD, None)  # undated
    matrix.record_capacity_fact(sid, LINES, 4, FactSource.AUDIT, date(2026, 10, 1))
    history = matrix.capacity_history(sid)
    assert [(f.dimension, f.value) for f in history] == [
        (MC, 80000),
        (MC, 60000),
        (MC, 99999),
        (LINES, 4),
    ]
    current = matrix.current_capacity()[sid]
    assert set(current) == {MC, LINES}
    assert current[MC].value == 80000 and current[MC].source is FactSource.SUPPLIER_WORD
    assert current[LINES].value == 4


def test_on_the_same_day_the_later_entry_wins(matrix: MatrixService, sid: int) -> None:
    matrix.record_capacity_fact(sid, AREA, 1800, FactSource.SUPPLIER_WORD, date(2026, 11, 2))
    matrix.record_capacity_fact(sid, AREA, 2500, FactSource.AUDIT, date(2026, 11, 2))
    assert matrix.current_capacity()[sid][AREA].value == 2500


def test_an_undated_fact_is_current_only_without_dated_ones(
    matrix: MatrixService, sid: int
) -> None:
    matrix.record_capacity_fact(sid, AREA, 900, FactSource.SUPPLIER_WORD)
    matrix.record_capacity_fact(sid, AREA, 700, FactSource.SUPPLIER_WORD)
    assert matrix.current_capacity()[sid][AREA].value == 700  # both undated: later id wins
    matrix.record_capacity_fact(sid, AREA, 3000, FactSource.AUDIT, date(2025, 1, 1))
    assert matrix.current_capacity()[sid][AREA].value == 3000


def test_deleting_the_current_fact_falls_back_to_the_previous(
    matrix: MatrixService, sid: int
) -> None:
    matrix.record_capacity_fact(sid, MC, 50000, FactSource.AUDIT, date(2026, 1, 1))
    matrix.record_capacity_fact(sid, MC, 5000, FactSource.AUDIT, date(2026, 2, 1))
    latest = matrix.current_capacity()[sid][MC]
    assert matrix.delete_capacity_fact(latest.id) == Change(updated=(sid,), topic=Topic.MATRIX)
    assert matrix.current_capacity()[sid][MC].value == 50000
    with pytest.raises(NotFound):
        matrix.delete_capacity_fact(latest.id)


def test_current_capacity_for_chosen_suppliers(
    matrix: MatrixService, supplier_service: SupplierService
) -> None:
    ids = [supplier_service.save(minimal(f"厂{n}")).created[0] for n in range(3)]
    for n, supplier_id in enumerate(ids):
        matrix.record_capacity_fact(supplier_id, LINES, n + 1, FactSource.AUDIT)
    assert set(matrix.current_capacity([ids[0], ids[2]])) == {ids[0], ids[2]}
    assert matrix.current_capacity([]) == {}
    assert {k: v[LINES].value for k, v in matrix.current_capacity().items()} == {
        ids[0]: 1,
        ids[1]: 2,
        ids[2]: 3,
    }


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"dimension": "speed"}, "dimension"),
        ({"value": 1.5}, "value"),
        ({"value": Decimal("-1")}, "value"),
        ({"value": Decimal("NaN")}, "value"),
        ({"value": True}, "value"),
        ({"value": "100"}, "value"),
        ({"value": Decimal("1" * 41)}, "value"),
        ({"dimension": Dimension.EMPLOYEES, "value": Decimal("12.5")}, "value"),
        ({"source": "rumour"}, "source"),
        ({"observed_on": date(2026, 11, 30)}, "observed_on"),
        ({"observed_on": datetime(2026, 11, 1, 8, 0)}, "observed_on"),
        ({"observed_on": "2026-11-01"}, "observed_on"),
        ({"note": None}, "note"),
    ],
)
def test_a_bad_fact_is_refused_and_nothing_is_written(
    matrix: MatrixService, sid: int, db_path: Path, arguments: dict, field: str
) -> None:
    good = {
        "dimension": MC,
        "value": Decimal(100),
        "source": FactSource.AUDIT,
        "observed_on": TODAY,
        "note": "",
    }
    with pytest.raises(ValidationError) as caught:
        matrix.record_capacity_fact(sid, **(good | arguments))
    assert field in caught.value.field_errors
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_codes_are_accepted_for_choices(matrix: MatrixService, sid: int) -> None:
    matrix.record_capacity_fact(sid, "employees", 120, "third_party", TODAY)
    fact = matrix.current_capacity()[sid][Dimension.EMPLOYEES]
    assert fact.source is FactSource.THIRD_PARTY and fact.observed_on == TODAY


def test_a_fact_for_a_missing_supplier_is_refused(matrix: MatrixService, db_path: Path) -> None:
    with pytest.raises(NotFound):
        matrix.record_capacity_fact(999, MC, 1, FactSource.AUDIT)
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_current_capacity_of_10000_suppliers_is_fast(
    matrix: MatrixService, database: Database
) -> None:
    now = "2026-11-29T00:00:00.000000+00:00"
    with database.transaction() as session:
        raw = session.connection().exec_driver_sql
        raw(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)"
            " INSERT INTO suppliers (id, name_zh, name_en, name_sort, search_text, shop_key, "
            "province, city, address, shop_url, buyer_protection, deposit_currency, status, "
            "notes, created_at, updated_at) "
            "SELECT i, 'x', '', '', '', '', '', '', '', '', 0, 'CNY', 'prospect', '', ?, ? FROM n",
            (now, now),
        )
        facts = [
            (supplier_id, dimension.value, str(supplier_id * 10 + k), f"2026-{k + 1:02d}-01", now)
            for supplier_id in range(1, 10001)
            for dimension in Dimension
            for k in range(2)
        ]
        session.connection().exec_driver_sql(
            "INSERT INTO capacity_facts (supplier_id, dimension, value, source, observed_on, "
            "note, created_at) VALUES (?, ?, ?, 'audit', ?, '', ?)",
            facts,
        )
    started = time.perf_counter()
    current = matrix.current_capacity()
    elapsed = time.perf_counter() - started
    assert len(current) == 10000 and all(len(dims) == 5 for dims in current.values())
    assert current[7][MC].value == 71 and current[7][MC].observed_on == date(2026, 2, 1)
    assert elapsed < 3.0  # about 0.5 s here; generous for slow CI machines


# --- evaluations ------------------------------------------------------------------------------
def test_evaluations_are_kept_per_period_and_upserted(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    q3 = Scores(Decimal("85.5"), Decimal(70), None, Decimal(60))
    assert matrix.save_evaluation(sid, "2026-Q3", q3, date(2026, 7, 1), date(2026, 9, 30)) == (
        Change(updated=(sid,), topic=Topic.MATRIX)
    )
    matrix.save_evaluation(sid, "2026-Q2", Scores(Decimal(50), None, None, None))
    matrix.save_evaluation(sid, " 2026-Q3 ", Scores(Decimal(90), Decimal(80), Decimal(70), None))
    evaluations = matrix.evaluations(sid)
    assert [e.period for e in evaluations] == ["2026-Q2", "2026-Q3"]
    q3_saved = evaluations[1]
    assert q3_saved.scores == Scores(Decimal(90), Decimal(80), Decimal(70), None)
    assert q3_saved.starts_on is None  # replaced as a whole
    assert q3_saved.updated_at >= q3_saved.created_at
    assert query(db_path, "SELECT typeof(quality), typeof(cost) FROM evaluations") == [
        ("text", "null"),
        ("text", "null"),
    ]


def test_latest_scores_are_those_of_the_latest_period(
    matrix: MatrixService, supplier_service: SupplierService, sid: int
) -> None:
    other = supplier_service.save(minimal("宁波塑料厂")).created[0]
    never = supplier_service.save(minimal("没评估的厂")).created[0]
    matrix.save_evaluation(sid, "2026-Q3", Scores(Decimal(90), None, None, None))
    matrix.save_evaluation(sid, "2025-Q4", Scores(Decimal(10), None, None, None))
    matrix.save_evaluation(sid, "2026-Q1", Scores(Decimal(20), None, None, None))
    matrix.save_evaluation(other, "2026", Scores(None, Decimal(75), None, None))
    latest = matrix.latest_scores()
    assert latest == {
        sid: Scores(Decimal(90), None, None, None),
        other: Scores(None, Decimal(75), None, None),
    }
    assert never not in latest
    assert matrix.latest_scores([other]) == {other: Scores(None, Decimal(75), None, None)}


def test_an_evaluation_can_be_deleted(matrix: MatrixService, sid: int) -> None:
    matrix.save_evaluation(sid, "2026-Q3", Scores(Decimal(90), None, None, None))
    matrix.delete_evaluation(sid, "2026-Q3")
    assert matrix.evaluations(sid) == [] and matrix.latest_scores() == {}
    with pytest.raises(NotFound):
        matrix.delete_evaluation(sid, "2026-Q3")


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"period": ""}, "period"),
        ({"period": "Q3 2026"}, "period"),
        ({"period": "2026-Q5"}, "period"),
        ({"period": "2026-13"}, "period"),
        ({"period": None}, "period"),
        ({"scores": {"quality": Decimal(1)}}, "scores"),
        ({"starts_on": date(2026, 10, 1), "ends_on": date(2026, 9, 30)}, "ends_on"),
        ({"starts_on": "2026-07-01"}, "starts_on"),
        ({"note": 5}, "note"),
    ],
)
def test_a_bad_evaluation_is_refused_and_nothing_is_written(
    matrix: MatrixService, sid: int, db_path: Path, arguments: dict, field: str
) -> None:
    good = {"period": "2026-Q3", "scores": Scores(Decimal(80), None, None, None)}
    with pytest.raises(ValidationError) as caught:
        matrix.save_evaluation(sid, **(good | arguments))
    assert field in caught.value.field_errors
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_periods_in_every_accepted_form(matrix: MatrixService, sid: int) -> None:
    for period in ("2025", "2026-H1", "2026-Q3", "2026-07"):
        matrix.save_evaluation(sid, period, Scores(Decimal(1), None, None, None))
    assert [e.period for e in matrix.evaluations(sid)] == ["2025", "2026-07", "2026-H1", "2026-Q3"]


def test_an_evaluation_for_a_missing_supplier_is_refused(
    matrix: MatrixService, db_path: Path
) -> None:
    with pytest.raises(NotFound):
        matrix.save_evaluation(999, "2026-Q3", Scores(Decimal(1), None, None, None))
    assert _row_counts(db_path) == (0, 0, 0, 0)


# --- credit inputs -----------------------------------------------------------------------------
def test_credit_inputs_and_override_round_trip(
    matrix: MatrixService, sid: int, db_path: Path
) -> None:
    inputs = CreditInputs(Trend.RISING, Decimal("4.6"), 1)
    override = CreditOverride(CreditRating.AA, " visited the factory ")
    assert matrix.save_credit_inputs(sid, inputs, override) == Change(
        updated=(sid,), topic=Topic.MATRIX
    )
    record = matrix.credit_inputs()[sid]
    assert record.inputs == inputs
    assert record.override == CreditOverride(CreditRating.AA, "visited the factory")
    assert query(
        db_path,
        "SELECT trend, typeof(review_score), review_score, disputes_12m, manual_rating "
        "FROM credit_inputs",
    ) == [("rising", "text", "4.6", 1, "AA")]
    # Saving again without an override clears it; unknown inputs stay unknown.
    matrix.save_credit_inputs(sid, CreditInputs(review_score=Decimal("3.9")))
    record = matrix.credit_inputs([sid])[sid]
    assert record.override is None
    assert record.inputs == CreditInputs(review_score=Decimal("3.9"))
    assert query(db_path, "SELECT count(*), manual_reason FROM credit_inputs") == [(1, "")]


def test_only_the_buyers_inputs_are_stored_the_rest_comes_from_the_supplier(
    matrix: MatrixService, supplier_service: SupplierService, sid: int
) -> None:
    matrix.save_credit_inputs(
        sid,
        CreditInputs(
            Trend.STABLE,
            Decimal("4.2"),
            0,
            Decimal(20),
            membership_years=9,
            membership=Membership.NONE,
        ),
    )
    stored = matrix.credit_inputs()[sid].inputs
    assert stored.membership is None and stored.membership_years is None
    assert stored.repeat_purchase_rate is None  # the supplier's 回头率 is the one value
    supplier = supplier_service.get(sid)
    full = with_supplier_facts(stored, supplier, TODAY)
    # Joined 2019-03: 7 full years on 2026-11-29.
    assert full.membership is Membership.STRONG and full.membership_years == 7
    assert full.repeat_purchase_rate == Decimal("45.5") == supplier.reorder_rate
    assert full.buyer_protection is True
    assert full.red_flags == (RedFlagKind.PRICE_TOO_LOW,)
    assert full.review_score == Decimal("4.2")
    decision = decide_rating(full)
    assert decision.suggested is CreditRating.B  # an open red flag on record caps at B


def test_a_resolved_red_flag_stops_counting_in_the_credit_facts(
    matrix: MatrixService, supplier_service: SupplierService, sid: int
) -> None:
    supplier = supplier_service.get(sid)
    supplier.red_flags[0].resolved_on = TODAY
    supplier.red_flags[0].resolution = "Price explained: old stock, checked the batch"
    supplier_service.save(supplier)
    full = with_supplier_facts(CreditInputs(Trend.STABLE), supplier_service.get(sid), TODAY)
    assert full.red_flags == ()
    assert decide_rating(full).assessment.caps == ()


@pytest.mark.parametrize(
    ("inputs", "override", "field"),
    [
        (CreditInputs(review_score=4.5), None, "review_score"),  # type: ignore[arg-type]
        (CreditInputs(disputes_last_12_months=True), None, "disputes_last_12_months"),
        (CreditInputs(volume_trend="up"), None, "volume_trend"),  # type: ignore[arg-type]
        (CreditInputs(), "AA", "override"),
    ],
)
def test_bad_credit_inputs_are_refused_and_nothing_is_written(
    matrix: MatrixService, sid: int, db_path: Path, inputs: CreditInputs, override, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        matrix.save_credit_inputs(sid, inputs, override)
    assert field in caught.value.field_errors
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_credit_inputs_for_a_missing_supplier_are_refused(
    matrix: MatrixService, db_path: Path
) -> None:
    with pytest.raises(NotFound):
        matrix.save_credit_inputs(999, CreditInputs(review_score=Decimal(4)))
    assert _row_counts(db_path) == (0, 0, 0, 0)


# --- cascade ---------------------------------------------------------------------------------
def test_deleting_a_supplier_removes_its_matrix_data_only(
    matrix: MatrixService, supplier_service: SupplierService, sid: int, db_path: Path
) -> None:
    other = supplier_service.save(minimal("宁波塑料厂")).created[0]
    for supplier_id in (sid, other):
        matrix.record_capacity_fact(supplier_id, MC, 1000, FactSource.AUDIT)
        matrix.save_evaluation(supplier_id, "2026-Q3", Scores(Decimal(80), None, None, None))
        matrix.save_credit_inputs(supplier_id, CreditInputs(review_score=Decimal(4)))
    matrix.save_weights(Weights(Decimal(25), Decimal(25), Decimal(25), Decimal(25)))
    supplier_service.delete([sid])
    assert set(matrix.current_capacity()) == {other}
    assert set(matrix.latest_scores()) == {other}
    assert set(matrix.credit_inputs()) == {other}
    assert matrix.capacity_history(sid) == [] and matrix.evaluations(sid) == []
    assert _row_counts(db_path) == (1, 1, 1, 1)  # the settings are not a supplier's


# --- settings --------------------------------------------------------------------------------
def test_weights_default_round_trip_and_restore(matrix: MatrixService, db_path: Path) -> None:
    assert matrix.weights() == DEFAULT_WEIGHTS
    mine = Weights(Decimal("35.5"), Decimal("34.5"), Decimal(20), Decimal(10))
    matrix.save_weights(mine)
    assert matrix.weights() == mine
    assert MatrixService(matrix.database).weights() == mine  # stored, not cached
    [(stored,)] = query(db_path, "SELECT value FROM app_settings WHERE key = 'matrix.weights'")
    assert '"quality": "35.5"' in stored  # Decimal as a JSON string, never a float
    assert matrix.restore_default_weights() == DEFAULT_WEIGHTS
    assert matrix.weights() == DEFAULT_WEIGHTS
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_thresholds_default_round_trip_and_restore(matrix: MatrixService) -> None:
    assert matrix.thresholds() == DEFAULT_THRESHOLDS
    mine = LevelThresholds(Decimal("92.5"), Decimal(80), Decimal(55))
    matrix.save_thresholds(mine)
    matrix.save_weights(Weights(Decimal(40), Decimal(40), Decimal(10), Decimal(10)))
    assert matrix.thresholds() == mine
    assert matrix.restore_default_thresholds() == DEFAULT_THRESHOLDS
    assert matrix.thresholds() == DEFAULT_THRESHOLDS
    assert matrix.weights() != DEFAULT_WEIGHTS  # restoring one leaves the other


def test_bad_settings_are_refused_and_nothing_is_written(
    matrix: MatrixService, db_path: Path
) -> None:
    with pytest.raises(ValidationError) as caught:
        matrix.save_weights({"quality": 40})  # type: ignore[arg-type]
    assert "weights" in caught.value.field_errors
    with pytest.raises(ValidationError) as caught:
        matrix.save_thresholds((90, 75, 60))  # type: ignore[arg-type]
    assert "thresholds" in caught.value.field_errors
    assert _row_counts(db_path) == (0, 0, 0, 0)


def test_unreadable_stored_settings_read_as_the_defaults(
    matrix: MatrixService, database: Database
) -> None:
    with database.transaction() as session:
        raw = session.connection().exec_driver_sql
        raw("INSERT INTO app_settings (key, value) VALUES ('matrix.weights', 'not json')")
        raw(
            "INSERT INTO app_settings (key, value) VALUES ('matrix.level_thresholds', "
            '\'{"a": "50", "b": "75", "c": "60"}\')'
        )
    assert matrix.weights() == DEFAULT_WEIGHTS
    assert matrix.thresholds() == DEFAULT_THRESHOLDS


@pytest.mark.parametrize(
    "period, started",
    [
        ("2026-Q4", True),  # today is 2026-11-29: the current quarter may be scored
        ("2026-11", True),
        ("2026-H2", True),
        ("2026-12", False),
        ("2027-Q1", False),
        ("2027", False),
    ],
)
def test_a_period_that_has_not_started_is_refused(
    matrix: MatrixService, sid: int, period: str, started: bool
) -> None:
    scores = Scores(Decimal(80), None, None, None)
    if started:
        matrix.save_evaluation(sid, period, scores)
        assert [e.period for e in matrix.evaluations(sid)] == [period]
    else:
        with pytest.raises(ValidationError) as refused:
            matrix.save_evaluation(sid, period, scores)
        assert "has not started yet" in refused.value.field_errors["period"]
        assert matrix.evaluations(sid) == []
