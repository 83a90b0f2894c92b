"""Freight measured on a shipment (the Consolidation tab's allocation) in the landed cost."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from app.demo import create_demo
from app.domain.kit.money import Money
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import Component
from app.services.negotiation.service import NegotiationService
from app.services.workbench import Workbench
from tests.conftest import TODAY
from tests.services.negotiation.fixtures import World

D = Decimal


def _measured(world: World, freight: Money | None) -> NegotiationService:
    service = NegotiationService(
        world.negotiation.database, lambda: TODAY, measured_freight=lambda _product: freight
    )
    service.save_quote(world.product_id, world.quote())  # 2.80 at 100, ¥8 shipping
    service.save_landed_settings(LandedCostSettings(freight=D("10.00")))
    return service


def test_a_shipments_freight_per_unit_replaces_the_settings_freight(world: World) -> None:
    service = _measured(world, Money(D("0.123456"), "CNY"))
    result = service.comparison(world.product_id, 100)
    row = result.row_of(world.hengda)
    assert row.landed is not None
    assert row.landed.amount(Component.FREIGHT) == D("12.35")  # 0.123456 x 100, not 10.00
    assert row.landed_total == D("300.35")  # 280 + 8 + 12.35
    assert result.measured_freight == Money(D("0.123456"), "CNY")
    assert result.freight_per_unit == D("0.123456")
    [quote_id] = [q.quote.id for q in service.quotes_of(world.product_id)]
    advice = service.advice(world.product_id, quote_id, 99, 101)
    assert advice.point(100).total == D("300.35")


def test_freight_in_a_currency_without_a_rate_leaves_the_settings_freight(world: World) -> None:
    service = _measured(world, Money(D("0.02"), "USD"))
    result = service.comparison(world.product_id, 100)
    row = result.row_of(world.hengda)
    assert row.landed is not None and row.landed.amount(Component.FREIGHT) == D("10.00")
    assert result.freight_per_unit is None and result.measured_freight is not None
    service.save_rate(ExchangeRate("USD", D("0.14"), TODAY - timedelta(days=1)))  # 1 CNY = 0.14
    row = service.comparison(world.product_id, 100).row_of(world.hengda)
    assert row.landed is not None
    assert row.landed.amount(Component.FREIGHT) == D("14.29")  # 0.02 / 0.14 x 100


def test_without_a_shipment_the_settings_freight_stays(world: World) -> None:
    result = _measured(world, None).comparison(world.product_id, 100)
    row = result.row_of(world.hengda)
    assert row.landed is not None and row.landed.amount(Component.FREIGHT) == D("10.00")
    assert result.measured_freight is None and result.freight_per_unit is None


def test_the_workbench_feeds_the_demos_shipped_tote_bags_freight_into_negotiation(
    tmp_path: Path,
) -> None:
    path = tmp_path / "demo.sqlite3"
    create_demo(path, today=lambda: TODAY)
    workbench = Workbench(path, today=lambda: TODAY)
    try:
        negotiation = workbench.negotiation
        tote = next(p.id for p in negotiation.products() if p.name_zh == "帆布托特包")
        measured = workbench.consolidation.freight_per_unit(tote)
        assert measured is not None and measured.amount > 0
        result = negotiation.comparison(tote, 200)
        assert result.measured_freight == measured
        assert result.freight_per_unit is not None
        priced = [row for row in result.rows if row.landed is not None]
        assert priced
        for row in priced:
            assert row.ordered_qty is not None and row.landed is not None
            expected = (result.freight_per_unit * row.ordered_qty).quantize(
                D("0.01"), ROUND_HALF_UP
            )
            assert row.landed.amount(Component.FREIGHT) == expected
        exported = negotiation.export_data(tote, 200)  # the PDF and workbook cost it alike
        assert exported.freight_per_unit == result.freight_per_unit
    finally:
        workbench.close()
