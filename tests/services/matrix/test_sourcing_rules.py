"""Issue 13 in the matrix as the services read it: trading companies' production is n/a, a
source factory under 1,000 m² is flagged, unknown buyer protection is left out, disqualifying
red flags rate C until resolved, one repeat-purchase rate, and the share of weight a level needs
is stored with the weights."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import DEFAULT_WEIGHTS, Weights
from app.domain.suppliers.choices import BusinessType, Membership, RedFlagKind
from app.domain.suppliers.supplier import RedFlag
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.matrix.settings import WEIGHTS_KEY
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.factories import hengda

D = Decimal


@pytest.fixture
def matrix(database: Database) -> MatrixService:
    return MatrixService(database, today=lambda: TODAY)


def _row(matrix: MatrixService, supplier_id: int) -> MatrixRow:
    return next(r for r in load_matrix(matrix, TODAY) if r.supplier_id == supplier_id)


def test_a_trading_companys_production_is_not_applicable(
    matrix: MatrixService, supplier_service: SupplierService
) -> None:
    trader = supplier_service.save(hengda(business_type=BusinessType.TRADING)).created[0]
    matrix.record_capacity_fact(trader, Dimension.PRODUCTION_LINES, 0, FactSource.SUPPLIER_WORD)
    matrix.record_capacity_fact(trader, Dimension.RESPONSE_TIME, D(30), FactSource.SUPPLIER_WORD)
    cells = _row(matrix, trader).capacity
    assert cells[Dimension.PRODUCTION_LINES].grade is Grade.NOT_APPLICABLE  # not "weak"
    assert cells[Dimension.FACTORY_AREA].grade is Grade.NOT_APPLICABLE  # no value: n/a anyway
    assert cells[Dimension.RESPONSE_TIME].grade is Grade.WEAK  # a reply takes over a day
    both = supplier_service.save(
        hengda(name_zh="工贸一体厂", shop_url="", business_type=BusinessType.BOTH)
    ).created[0]
    matrix.record_capacity_fact(both, Dimension.PRODUCTION_LINES, 0, FactSource.SUPPLIER_WORD)
    assert _row(matrix, both).capacity[Dimension.PRODUCTION_LINES].grade is Grade.WEAK


@pytest.mark.parametrize(("area", "flagged"), [(999, True), (1000, False)])
def test_a_source_factory_under_1000_square_metres_is_flagged(
    matrix: MatrixService, supplier_service: SupplierService, area: int, flagged: bool
) -> None:
    sid = supplier_service.save(hengda(membership=Membership.SOURCE_FACTORY)).created[0]
    matrix.record_capacity_fact(sid, Dimension.FACTORY_AREA, area, FactSource.AUDIT, TODAY)
    cell = _row(matrix, sid).capacity[Dimension.FACTORY_AREA]
    assert bool(cell.warning) is flagged
    assert ("⚠" in cell.tooltip) is flagged


def test_unknown_buyer_protection_is_left_out_of_the_credit_rating(
    matrix: MatrixService, supplier_service: SupplierService
) -> None:
    sid = supplier_service.save(hengda(buyer_protection=None, red_flags=[])).created[0]
    matrix.save_credit_inputs(sid, CreditInputs(Trend.RISING, D("4.8"), 0))
    row = _row(matrix, sid)
    assert "Buyer protection" in row.credit.assessment.unknown
    assert row.buyer_protection is None


def test_the_repeat_rate_is_the_suppliers_one_value(
    matrix: MatrixService, supplier_service: SupplierService
) -> None:
    sid = supplier_service.save(hengda(reorder_rate=D("12.5"))).created[0]
    matrix.save_credit_inputs(sid, CreditInputs(Trend.RISING, None, None, D(80)))
    assert "Repeat-purchase rate: 12.5 %" in _row(matrix, sid).credit.explanation


def test_a_disqualifying_red_flag_rates_c_until_it_is_resolved(
    matrix: MatrixService, supplier_service: SupplierService
) -> None:
    flag = RedFlag(RedFlagKind.PERSONAL_ACCOUNT, date(2026, 11, 1), "Alipay to a person")
    sid = supplier_service.save(hengda(red_flags=[flag])).created[0]
    matrix.save_credit_inputs(sid, CreditInputs(Trend.RISING, D("4.8"), 0))
    decision = _row(matrix, sid).credit
    assert decision.suggested is CreditRating.C
    assert "red flag 'Asks for payment to a personal account' is disqualifying: C." in (
        decision.assessment.caps
    )
    supplier = supplier_service.get(sid)
    supplier.red_flags[0].resolved_on = TODAY
    supplier.red_flags[0].resolution = "It was the boss's company account after all: checked"
    supplier_service.save(supplier)
    assert _row(matrix, sid).credit.suggested is CreditRating.AAA


def test_the_share_a_level_needs_is_stored_with_the_weights(
    matrix: MatrixService, database: Database
) -> None:
    assert matrix.weights().min_known == D(50)
    matrix.save_weights(Weights(D(40), D(30), D(20), D(10), min_known=D(70)))
    assert matrix.weights().min_known == D(70)
    with database.reading() as session:
        stored = session.execute(
            text("SELECT value FROM app_settings WHERE key = :k"), {"k": WEIGHTS_KEY}
        ).scalar_one()
    assert json.loads(stored)["min_known"] == "70"
    assert matrix.restore_default_weights() == DEFAULT_WEIGHTS


def test_weights_saved_before_the_setting_existed_read_with_the_default(
    matrix: MatrixService, database: Database
) -> None:
    old = json.dumps({"quality": "25", "delivery": "25", "service": "25", "cost": "25"})
    with database.transaction() as session:
        session.execute(
            text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
            {"k": WEIGHTS_KEY, "v": old},
        )
    assert matrix.weights() == Weights(D(25), D(25), D(25), D(25), min_known=D(50))
